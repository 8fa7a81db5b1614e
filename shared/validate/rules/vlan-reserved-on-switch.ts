import { planSwitchIn } from '../../derive/switch-plan.js';
import { VENDORS } from '../../vendors/index.js';
import { defineRule } from '../define-rule.js';

/** Catalyst switches keep VLANs 1002-1005 (FDDI and Token Ring defaults) and refuse to create or rename them. */
export const vlanReservedOnSwitch = defineRule({
  id: 'vlan/reserved-on-switch',
  severity: 'error',
  summary: 'A VLAN the switch must create is one the vendor reserves (Cisco IOS: 1002-1005).',
  check(index, report) {
    for (const sw of index.design.switches) {
      const facts = VENDORS[sw.vendor];
      if (facts.reservedVlans.length === 0) continue;
      for (const vlan of planSwitchIn(index, sw.id).vlans) {
        if (facts.reservedVlans.includes(vlan.vlan)) {
          report(
            [vlan.elementId, sw.id],
            `VLAN ${vlan.vlan} is reserved on ${facts.label} switch ${sw.name}; use another VLAN id`,
          );
        }
      }
    }
  },
});
