import { topologyOf } from '../../derive/topology.js';
import { hostUplinks, switchSidesOfUplink, uplinkVlans } from '../../derive/uplink-vlans.js';
import { vlanSetHas } from '../../model/vlan-set.js';
import { defineRule, nameOf } from '../define-rule.js';

/** A tagged VLAN the host sends must be allowed by the switch port or port-channel it reaches. */
export const vlanNotAllowedOnTrunk = defineRule({
  id: 'vlan/not-allowed-on-trunk',
  severity: 'error',
  summary:
    'A VLAN used by a VM NIC or a VLAN interface is not allowed on the switch trunk (or access port) the host is cabled to.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const uplink of hostUplinks(topology)) {
      const usage = uplinkVlans(topology, uplink);
      if (usage.tagged.length === 0) continue;
      const sides = switchSidesOfUplink(topology, uplink);
      for (const side of sides) {
        const missing = usage.tagged.filter((use) => use.vlan !== side.untagged && !vlanSetHas(side.tagged, use.vlan));
        if (missing.length === 0) continue;
        const vlans = [...new Set(missing.map((m) => m.vlan))].sort((a, b) => a - b);
        const users = missing.map((m) => `${m.what} (VLAN ${m.vlan})`).join(', ');
        const refusal =
          side.mode === 'access'
            ? `is an access port (VLAN ${side.untagged}) and drops tagged VLAN ${vlans.join(', ')}`
            : `does not allow VLAN ${vlans.join(', ')}`;
        report(
          [side.owner.element.id, ...missing.map((m) => m.elementId), uplink.element.id],
          `${nameOf(side.owner)} ${refusal}, which ${nameOf(uplink)} sends tagged for ${users}`,
        );
      }
    }
  },
});
