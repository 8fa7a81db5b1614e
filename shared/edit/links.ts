/**
 * The links of a design as the canvas draws them: cables, and the
 * memberships that the model keeps as references (a port in a bond, a bond in
 * a bridge, a VM NIC on a bridge, a VLAN interface on its parent, a switch
 * port in a port-channel). Cables and NICs keep their own ids; memberships get
 * a derived id that is stable and cannot clash with an element id (ids never
 * contain ':').
 */
import type { Design } from '../model/schema.js';

export type LinkKind = 'cable' | 'bond-member' | 'bridge-port' | 'vlan-parent' | 'vm-nic' | 'channel-member';

export interface Link {
  readonly id: string;
  readonly kind: LinkKind;
  /** The lower element in the stack (port, member, NIC's VM, switch port). */
  readonly source: string;
  /** The element it belongs to or is cabled to. */
  readonly target: string;
  /** Device holding both ends (host or switch); absent for cables. */
  readonly device?: string;
  /** For VM NICs: the NIC id, whose VM is `source`. */
  readonly nic?: string;
}

export const linkId = {
  bondMember: (bond: string, port: string) => `member:${bond}:${port}`,
  bridgePort: (bridge: string, port: string) => `bridge:${bridge}:${port}`,
  vlanParent: (vlan: string) => `parent:${vlan}`,
  channelMember: (channel: string, port: string) => `channel:${channel}:${port}`,
};

/** Every link of the design, in document order. */
export function listLinks(design: Design): Link[] {
  const links: Link[] = [];
  for (const host of design.hosts) {
    const device = host.id;
    for (const bond of host.bonds) {
      for (const m of bond.members) links.push({ id: linkId.bondMember(bond.id, m), kind: 'bond-member', source: m, target: bond.id, device });
    }
    for (const bridge of host.bridges) {
      for (const p of bridge.ports) links.push({ id: linkId.bridgePort(bridge.id, p), kind: 'bridge-port', source: p, target: bridge.id, device });
    }
    for (const vlan of host.vlans) links.push({ id: linkId.vlanParent(vlan.id), kind: 'vlan-parent', source: vlan.parent, target: vlan.id, device });
    for (const vm of host.vms) {
      for (const nic of vm.nics) links.push({ id: nic.id, kind: 'vm-nic', source: vm.id, target: nic.bridge, device, nic: nic.id });
    }
  }
  for (const sw of design.switches) {
    for (const pc of sw.portChannels) {
      for (const m of pc.members) links.push({ id: linkId.channelMember(pc.id, m), kind: 'channel-member', source: m, target: pc.id, device: sw.id });
    }
  }
  for (const cable of design.cables) links.push({ id: cable.id, kind: 'cable', source: cable.hostPort, target: cable.switchPort });
  return links;
}
