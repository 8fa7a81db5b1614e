import { switchSideOf } from '../../derive/switch-side.js';
import { topologyOf } from '../../derive/topology.js';
import { PORT_GROUP_ALL_VLANS, uplinksOf } from '../../model/kinds/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * A port group with VLAN id 4095 hands the guest every VLAN tagged, which
 * only means something when the vSwitch's uplinks reach trunks: on access
 * ports the switch sends one VLAN untagged and drops tagged frames.
 */
export const esxiAllVlansOnAccessUplink = defineRule({
  id: 'esxi/all-vlans-on-access-uplink',
  severity: 'error',
  summary:
    'A port group has VLAN id 4095 (every VLAN to the guest) on a vSwitch whose cabled active and standby uplinks all reach access switch ports, which carry no tagged VLANs.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const group of index.ofKind('port-group')) {
      if (group.element.vlan !== PORT_GROUP_ALL_VLANS) continue;
      const vswitch = index.target(group, 'vswitch', 'vswitch');
      if (!vswitch) continue;
      const reached = uplinksOf(vswitch.element)
        .filter((u) => u.role !== 'unused')
        .flatMap((u) => {
          const switchPort = topology.switchPortOf(u.port);
          return switchPort ? [{ port: u.port, switchPort, side: switchSideOf(topology, switchPort) }] : [];
        });
      if (reached.length === 0 || reached.some((r) => r.side.mode === 'trunk')) continue;
      const ends = reached.map((r) => `${nameOf(r.switchPort)} (access VLAN ${r.side.untagged})`).join(', ');
      report(
        [group.element.id, vswitch.element.id, ...reached.map((r) => r.side.owner.element.id)],
        `${nameOf(group)} has VLAN id 4095 (every VLAN, tagged to the guest), but the uplinks of vSwitch ${vswitch.element.name} reach only access ports: ${ends}. Make those ports trunks, or give the port group the one VLAN id it needs`,
      );
    }
  },
});
