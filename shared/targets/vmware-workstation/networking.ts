/**
 * `/etc/vmware/networking` as `vmware-networks` reads it on a Linux host:
 * `VERSION=1,0`, then `answer VNET_<n>_<KEY> <value>` lines per VMnet (subnet
 * and netmask of a host-only or NAT VMnet, DHCP, NAT, the host's virtual
 * adapter), then `add_bridge_mapping <host interface> <n>` per bridged VMnet.
 */
import { formatIp, netmaskOf, parsePrefix, prefixNetwork } from '../../model/ip.js';

/** One VMnet as the file holds it. */
export type Vmnet =
  | { readonly vmnet: number; readonly mode: 'bridged'; readonly uplink: string }
  | {
      readonly vmnet: number;
      readonly mode: 'nat' | 'isolated';
      /** The host's address and prefix on it (`192.168.100.1/24`); absent: no host adapter. */
      readonly subnet?: string;
      readonly dhcp: boolean;
    };

export const NETWORKING_PATH = 'etc/vmware/networking';

/** The `answer` lines of one VMnet, in the order VMware writes them (by key). */
function answers(net: Vmnet): [string, string][] {
  if (net.mode === 'bridged') return [];
  const n = net.vmnet;
  const prefix = net.subnet === undefined ? undefined : parsePrefix(net.subnet);
  const lines: [string, string][] = [];
  if (prefix) {
    lines.push(
      [`VNET_${n}_DHCP`, net.dhcp ? 'yes' : 'no'],
      [`VNET_${n}_HOSTONLY_NETMASK`, netmaskOf(prefix.length)],
      [`VNET_${n}_HOSTONLY_SUBNET`, formatIp(prefixNetwork(prefix).address)],
    );
  }
  if (net.mode === 'nat') lines.push([`VNET_${n}_NAT`, 'yes']);
  lines.push([`VNET_${n}_VIRTUAL_ADAPTER`, prefix ? 'yes' : 'no']);
  return lines;
}

export function formatNetworking(vmnets: readonly Vmnet[]): string {
  const sorted = [...vmnets].sort((a, b) => a.vmnet - b.vmnet);
  return [
    'VERSION=1,0',
    ...sorted.flatMap(answers).map(([key, value]) => `answer ${key} ${value}`),
    // Every bridge is mapped below, so VMware bridges nothing on its own.
    'answer VNL_DEFAULT_BRIDGE_VNET -1',
    ...sorted.flatMap((net) => (net.mode === 'bridged' ? [`add_bridge_mapping ${net.uplink} ${net.vmnet}`] : [])),
    '',
  ].join('\n');
}
