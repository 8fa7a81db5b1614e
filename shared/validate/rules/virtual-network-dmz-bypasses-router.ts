import type { Host, VirtualNetwork } from '../../model/schema.js';
import { defineRule } from '../define-rule.js';

type Zone = VirtualNetwork['zone'];

/** The zone of what a NIC sits on: a virtual network's own, a host bridge counts as the LAN. */
function zoneOf(host: Host, attachment: string): Zone {
  return host.virtualNetworks.find((n) => n.id === attachment)?.zone ?? 'lan';
}

/** Why the DMZ itself (not a VM on it) reaches the host's networks, if it does. */
function ownLeak(host: Host, dmz: VirtualNetwork): { readonly why: string; readonly also: string[] } | undefined {
  if (dmz.mode === 'nat') return { why: 'it is a NAT network, so its VMs reach whatever the host reaches', also: [] };
  if (dmz.mode === 'isolated' && dmz.subnet !== undefined)
    return {
      why: `the host has an address on it (${dmz.subnet}), so its VMs reach the host and what the host serves`,
      also: [],
    };
  if (dmz.mode === 'bridged' && dmz.uplink !== undefined) {
    const shared = host.virtualNetworks.filter((n) => n.id !== dmz.id && n.uplink === dmz.uplink && n.zone !== 'dmz');
    if (shared.length > 0)
      return {
        why: `its uplink also carries ${shared.map((n) => `${n.zone.toUpperCase()} network ${n.name}`).join(', ')}`,
        also: [dmz.uplink, ...shared.map((n) => n.id)],
      };
  }
  return undefined;
}

/**
 * A DMZ on one box (the VMware article): the WAN is bridged to a VMnet only a
 * router VM uses, the exposed server sits on an internal DMZ VMnet. The DMZ
 * must reach the LAN only through that router (a VM with NICs on the DMZ and
 * on a WAN network): not through NAT, a host address, a shared uplink, or a
 * second NIC of another VM.
 */
export const virtualNetworkDmzBypassesRouter = defineRule({
  id: 'virtual-network/dmz-bypasses-router',
  severity: 'warning',
  summary:
    'A DMZ virtual network reaches the LAN other than through the router VM (a VM with NICs on the DMZ and a WAN network): it is NAT, the host has an address on it, its uplink carries another network, or another VM has NICs on both.',
  check(index, report) {
    for (const located of index.ofKind('virtual-network')) {
      if (located.element.zone !== 'dmz') continue;
      const { host, element: dmz } = located;
      const leak = ownLeak(host, dmz);
      if (leak)
        report([dmz.id, ...leak.also], `DMZ network ${dmz.name} on host ${host.name} bypasses the router: ${leak.why}`);
      for (const vm of host.vms) {
        const zones = new Set(vm.nics.map((nic) => zoneOf(host, nic.bridge)));
        if (!vm.nics.some((nic) => nic.bridge === dmz.id) || zones.has('wan')) continue;
        const other = vm.nics.filter((nic) => nic.bridge !== dmz.id && zoneOf(host, nic.bridge) !== 'dmz');
        if (other.length === 0) continue;
        report(
          [vm.id, dmz.id, ...other.map((nic) => nic.id)],
          `VM ${vm.name} on host ${host.name} has NICs on DMZ network ${dmz.name} and on the LAN side without being the router (no NIC on a WAN network): the DMZ reaches the LAN through it`,
        );
      }
    }
  },
});
