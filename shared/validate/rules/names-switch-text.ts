import { portChannelDescription, portDescription, switchVlans } from '../../derive/switch-plan.js';
import { topologyOf } from '../../derive/topology.js';
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
    const topology = topologyOf(index);
    for (const sw of index.ofKind('switch')) {
      const facts = VENDORS[sw.element.vendor];
      const where = `(${facts.label} switch ${sw.element.name})`;
      for (const vlan of switchVlans(index.design, sw.element)) {
        const problem =
          vlan.name === undefined ? undefined : problemWith(vlan.name, facts.maxVlanName, facts.vlanNameSpaces);
        if (problem) report([vlan.elementId, sw.element.id], `VLAN name "${vlan.name}" ${problem} ${where}`);
      }
      // The descriptions the switch plan gives, worked out without the rest of the plan (no port order, no settings).
      for (const item of index.childrenOf(sw)) {
        const description =
          item.kind === 'port-channel'
            ? portChannelDescription(topology, item)
            : item.kind === 'switch-port'
              ? portDescription(topology, item)
              : undefined;
        const problem = description === undefined ? undefined : problemWith(description, facts.maxDescription, true);
        if (problem) report([item.element.id, sw.element.id], `description "${description}" ${problem} ${where}`);
      }
    }
  },
});
