import { topologyOf } from '../../derive/topology.js';
import { hostUplinks, switchSidesOfUplink, uplinkVlans } from '../../derive/uplink-vlans.js';
import { formatVlanSet, vlanSetFromIds, vlanSetHas } from '../../model/vlan-set.js';
import { defineRule, nameOf } from '../define-rule.js';

/** A VLAN-aware bridge promising VIDs the switch drops is a design that says more than it does. */
export const vlanBridgeVidsNotAllowed = defineRule({
  id: 'vlan/bridge-vids-not-allowed',
  severity: 'warning',
  summary: "A VLAN-aware bridge's VIDs include VLANs the switch trunk it reaches does not allow.",
  check(index, report) {
    const topology = topologyOf(index);
    for (const uplink of hostUplinks(topology)) {
      const usage = uplinkVlans(topology, uplink);
      if (usage.vids.length === 0) continue;
      const sides = switchSidesOfUplink(topology, uplink);
      for (const side of sides) {
        if (side.allowsAll) continue;
        for (const bridge of usage.vids) {
          const missing: number[] = [];
          for (const r of bridge.ranges) {
            for (let v = r.from; v <= r.to; v++)
              if (v !== side.untagged && !vlanSetHas(side.tagged, v)) missing.push(v);
          }
          if (missing.length === 0) continue;
          report(
            [side.owner.element.id, bridge.bridgeId],
            `bridge ${bridge.bridgeName} on ${uplink.host.name} carries VIDs ${formatVlanSet(vlanSetFromIds(missing))} that ${nameOf(side.owner)} does not allow; narrow the bridge's VIDs or allow them on the switch`,
          );
        }
      }
    }
  },
});
