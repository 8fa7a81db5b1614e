/**
 * The Proxmox VE firewall files of one host, at the paths pmxcfs shows them:
 * `etc/pve/firewall/cluster.fw` (the datacenter's, the same on every node),
 * `etc/pve/nodes/<node>/host.fw` and `etc/pve/firewall/<vmid>.fw` per VM.
 * A level with nothing set writes no file, as pve-firewall removes it. The
 * platforms that run the Proxmox VE firewall name this target.
 */
import type { Design, Host } from '../../model/schema.js';
import type { GeneratedFile, Target } from '../target.js';
import { formatDatacenterFirewall, formatHostFirewall, formatVmFirewall } from './format.js';

export const CLUSTER_FW_PATH = 'etc/pve/firewall/cluster.fw';
export const hostFwPath = (host: Host) => `etc/pve/nodes/${host.name}/host.fw`;
export const vmFwPath = (vmid: number) => `etc/pve/firewall/${vmid}.fw`;

function files(design: Design, host: Host): GeneratedFile[] {
  const file = (path: string, content: string): GeneratedFile[] =>
    content === '' ? [] : [{ target: 'pve-firewall', path, content }];
  return [
    ...(design.firewall ? file(CLUSTER_FW_PATH, formatDatacenterFirewall(design.firewall)) : []),
    ...(host.firewall ? file(hostFwPath(host), formatHostFirewall(host.firewall)) : []),
    ...[...host.vms]
      .sort((a, b) => a.vmid - b.vmid)
      .flatMap((vm) => (vm.firewall ? file(vmFwPath(vm.vmid), formatVmFirewall(vm.firewall)) : [])),
  ];
}

const hostOf = (design: Design, deviceId: string) => design.hosts.find((h) => h.id === deviceId);

export const pveFirewallTarget: Target = {
  id: 'pve-firewall',
  label: 'Proxmox VE firewall',
  appliesTo: (design, deviceId) => {
    const host = hostOf(design, deviceId);
    return host !== undefined && files(design, host).length > 0;
  },
  render(design, deviceId) {
    const host = hostOf(design, deviceId);
    if (!host) throw new Error(`no host with id ${deviceId}`);
    return files(design, host);
  },
};
