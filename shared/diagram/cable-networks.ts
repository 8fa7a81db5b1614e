/**
 * The networks a cable carries, for its colour: what the switch end lets
 * through (the port-channel's or the port's switchport settings), limited to
 * the networks the design names. A port without switchport settings carries
 * the networks the host end's bridge puts on the wire.
 */
import type { Design, Network } from '../model/schema.js';
import { parseVlanSet, vlanSetHas } from '../model/vlan-set.js';

export function networksOfCable(design: Design, hostPortId: string, switchPortId: string): Network[] {
  const sw = design.switches.find((s) => s.ports.some((p) => p.id === switchPortId));
  const port = sw?.ports.find((p) => p.id === switchPortId);
  const channel = sw?.portChannels.find((pc) => pc.members.includes(switchPortId));
  const switchport = channel?.switchport ?? port?.switchport;
  if (switchport?.mode === 'access') return design.networks.filter((n) => n.vlan === switchport.vlan);
  if (switchport?.mode === 'trunk') {
    if (switchport.allowed === 'all') return design.networks.slice();
    const allowed = parseVlanSet(switchport.allowed);
    return design.networks.filter((n) => vlanSetHas(allowed, n.vlan) || n.vlan === switchport.native);
  }
  return networksFromHost(design, hostPortId);
}

function networksFromHost(design: Design, portId: string): Network[] {
  const host = design.hosts.find((h) => h.ports.some((p) => p.id === portId));
  if (!host) return [];
  const uplink = host.bonds.find((b) => b.members.includes(portId))?.id ?? portId;
  const vlans = new Set<number>();
  for (const bridge of host.bridges.filter((b) => b.ports.includes(uplink))) {
    if (bridge.pvid !== undefined) vlans.add(bridge.pvid);
    if (bridge.vlanAware && bridge.vids)
      for (const n of design.networks) if (vlanSetHas(parseVlanSet(bridge.vids), n.vlan)) vlans.add(n.vlan);
    for (const vm of host.vms)
      for (const nic of vm.nics) if (nic.bridge === bridge.id && nic.tag !== undefined) vlans.add(nic.tag);
  }
  for (const vlan of host.vlans) if (vlan.parent === uplink) vlans.add(vlan.vlan);
  return design.networks.filter((n) => vlans.has(n.vlan));
}
