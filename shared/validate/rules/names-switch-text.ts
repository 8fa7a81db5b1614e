import { planSwitchIn } from '../../derive/switch-plan.js';
import { VENDORS } from '../../vendors/index.js';
import { defineRule } from '../define-rule.js';

/** What a switch CLI refuses or mangles in a name or description, or `undefined`. */
function problemWith(text: string, max: number, spaces: boolean): string | undefined {
  if (text.length > max) return `is ${text.length} characters; the switch takes at most ${max}`;
  if (text.includes('?')) return "contains '?', which the switch CLI reads as a request for help";
  if (/[^\x20-\x7e]/.test(text)) return 'contains characters outside printable ASCII';
  if (!spaces && /\s/.test(text)) return 'contains a space, which this switch does not accept here';
  return undefined;
}

/** VLAN names and descriptions as each switch will be given them, checked against that vendor's CLI. */
export const namesSwitchText = defineRule({
  id: 'names/switch-text',
  severity: 'error',
  summary:
    "A VLAN name or description (given or derived from a cable) is too long or has characters the switch's CLI refuses.",
  check(index, report) {
    for (const sw of index.design.switches) {
      const facts = VENDORS[sw.vendor];
      const plan = planSwitchIn(index, sw.id);
      for (const vlan of plan.vlans) {
        const problem =
          vlan.name === undefined ? undefined : problemWith(vlan.name, facts.maxVlanName, facts.vlanNameSpaces);
        if (problem)
          report([vlan.elementId, sw.id], `VLAN name "${vlan.name}" ${problem} (${facts.label} switch ${sw.name})`);
      }
      for (const item of [...plan.portChannels, ...plan.ports]) {
        const problem =
          item.description === undefined ? undefined : problemWith(item.description, facts.maxDescription, true);
        if (problem)
          report(
            [item.elementId, sw.id],
            `description "${item.description}" ${problem} (${facts.label} switch ${sw.name})`,
          );
      }
    }
  },
});
