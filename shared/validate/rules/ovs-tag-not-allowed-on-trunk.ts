import { switchSideOf, type SwitchSide } from '../../derive/switch-side.js';
import { topologyOf } from '../../derive/topology.js';
import { vlanSetHas } from '../../model/vlan-set.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * An Open vSwitch bridge trunks every VLAN to its uplinks (host ports and OVS bonds on it): a tag an internal
 * port or a VM NIC uses on the bridge leaves tagged and must be allowed by the switch side each uplink reaches.
 */
export const ovsTagNotAllowedOnTrunk = defineRule({
  id: 'ovs/tag-not-allowed-on-trunk',
  severity: 'error',
  summary:
    'A VLAN tag of an OVS internal port or of a VM NIC on an OVS bridge is not allowed on the switch trunk (or access port) the bridge’s uplink is cabled to.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bridge of index.ofKind('ovs-bridge')) {
      const members = bridge.element.ports.flatMap((id) => index.byId.get(id) ?? []);
      const tags = [
        ...members.flatMap((m) =>
          m.kind === 'ovs-int-port' && m.element.tag !== undefined ? [{ vlan: m.element.tag, located: m }] : [],
        ),
        ...topology
          .nicsOnBridge(bridge.element.id)
          .flatMap((nic) => (nic.element.tag !== undefined ? [{ vlan: nic.element.tag, located: nic }] : [])),
      ];
      if (tags.length === 0) continue;
      for (const uplink of members) {
        const ports =
          uplink.kind === 'port' ? [uplink.element.id] : uplink.kind === 'ovs-bond' ? uplink.element.members : [];
        const sides = new Map<string, SwitchSide>();
        for (const sp of ports.flatMap((p) => topology.switchPortOf(p) ?? [])) {
          const side = switchSideOf(topology, sp);
          sides.set(side.owner.element.id, side);
        }
        for (const side of sides.values()) {
          const missing = tags.filter((t) => t.vlan !== side.untagged && !vlanSetHas(side.tagged, t.vlan));
          if (missing.length === 0) continue;
          const vlans = [...new Set(missing.map((m) => m.vlan))].sort((a, b) => a - b).join(', ');
          const refusal =
            side.mode === 'access'
              ? `is an access port (VLAN ${side.untagged}) and drops tagged VLAN ${vlans}`
              : `does not allow VLAN ${vlans}`;
          report(
            [side.owner.element.id, ...missing.map((m) => m.located.element.id), uplink.element.id],
            `${nameOf(side.owner)} ${refusal}, which ${nameOf(uplink)} carries tagged from ${nameOf(bridge)} for ${missing.map((m) => `${nameOf(m.located)} (tag ${m.vlan})`).join(', ')}`,
          );
        }
      }
    }
  },
});
