import { topologyOf } from '../../derive/topology.js';
import { hostUplinks, switchSidesOfUplink, uplinkVlans } from '../../derive/uplink-vlans.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * Untagged frames must land in the same VLAN on both ends: a VLAN-aware
 * bridge's PVID (1 when unset), or the network of an address on an untagged
 * interface, against the trunk's native VLAN (1 when unset) or the access VLAN.
 */
export const vlanNativeMismatch = defineRule({
  id: 'vlan/native-mismatch',
  severity: 'error',
  summary:
    "The host's untagged VLAN (bridge PVID, or the network of an untagged address) differs from the switch's native or access VLAN.",
  check(index, report) {
    const topology = topologyOf(index);
    for (const uplink of hostUplinks(topology)) {
      const usage = uplinkVlans(topology, uplink);
      const sides = switchSidesOfUplink(topology, uplink);
      for (const side of sides) {
        for (const use of usage.untagged) {
          if (use.vlan === side.untagged) continue;
          const switchWord = side.mode === 'trunk' ? `native VLAN ${side.untagged}` : `access VLAN ${side.untagged}`;
          report(
            [side.owner.element.id, use.elementId, ...(use.networkId ? [use.networkId] : [])],
            `${nameOf(side.owner)} puts untagged frames in ${switchWord}, but on ${uplink.host.name} they belong to VLAN ${use.vlan} (${use.what}${use.networkId ? `, whose address is in ${nameOf(index.byId.get(use.networkId)!)}` : ''})`,
          );
        }
      }
    }
  },
});
