import { firewallLevels } from '../../derive/firewall.js';
import { formatRule, type AnyFirewallRule } from '../../model/firewall.js';
import { defineRule } from '../define-rule.js';

const MATCHES = ['source', 'dest', 'proto', 'dport', 'sport', 'icmpType'] as const;

/** Whether `earlier` matches every packet `later` matches (same direction, each of its conditions absent or equal). */
function catchesAll(earlier: AnyFirewallRule, later: AnyFirewallRule): boolean {
  if (
    !earlier.enabled ||
    earlier.type === 'group' ||
    later.type === 'group' ||
    earlier.type !== later.type ||
    earlier.macro !== undefined
  )
    return false;
  const iface = (r: AnyFirewallRule) => ('iface' in r ? r.iface : undefined);
  if (iface(earlier) !== undefined && iface(earlier) !== iface(later)) return false;
  // A macro stands for its own protocol and ports: only a rule without those conditions surely covers it.
  if (
    later.macro !== undefined &&
    (['proto', 'dport', 'sport', 'icmpType'] as const).some((k) => earlier[k] !== undefined)
  )
    return false;
  return MATCHES.every((k) => earlier[k] === undefined || earlier[k] === later[k]);
}

/**
 * Rules are tried in order and the first that matches decides. A rule that
 * an earlier one (same direction, conditions a subset of its own) always
 * catches first never matches: it is dead, or the order is wrong.
 */
export const firewallShadowedRule = defineRule({
  id: 'firewall/shadowed-rule',
  severity: 'warning',
  summary: 'A firewall rule never matches because an earlier rule of the same list catches all of its traffic first.',
  check(index, report) {
    for (const level of firewallLevels(index.design)) {
      level.rules.forEach((later, j) => {
        if (!later.enabled) return;
        const i = level.rules.findIndex((earlier, k) => k < j && catchesAll(earlier, later));
        if (i >= 0) {
          report(
            level.owners,
            `rule ${j + 1} of ${level.label} (${formatRule(later)}) never matches: rule ${i + 1} (${formatRule(level.rules[i]!)}) catches its traffic first`,
            [...level.path, 'rules', j],
          );
        }
      });
    }
  },
});
