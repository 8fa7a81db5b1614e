import { VENDORS } from '../../vendors/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/** Each vendor's `mtu` command takes its own range (Catalyst IOS-XE: 1500-9198, Dell OS6: 1298-9216). */
export const mtuSwitchRange = defineRule({
  id: 'mtu/switch-range',
  severity: 'error',
  summary: "A switch port or port-channel MTU is outside the range the vendor's mtu command accepts.",
  check(index, report) {
    for (const located of index.all) {
      if (located.kind !== 'switch-port' && located.kind !== 'port-channel') continue;
      const mtu = located.element.mtu;
      const facts = VENDORS[located.switch.vendor];
      const [min, max] = facts.mtuRange;
      if (mtu !== undefined && (mtu < min || mtu > max)) {
        report(
          [located.element.id, located.switch.id],
          `${nameOf(located)} has MTU ${mtu}, but ${facts.label} accepts ${min}-${max}`,
        );
      }
    }
  },
});
