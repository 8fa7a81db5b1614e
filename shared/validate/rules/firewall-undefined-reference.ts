import { firewallLevels, resolveReference } from '../../derive/firewall.js';
import { formatRule, parseFirewallReference } from '../../model/firewall.js';
import { defineRule } from '../define-rule.js';

/**
 * A rule's source or destination naming an alias or IP set, a GROUP naming a
 * security group, or an IP set entry naming an alias, that does not exist
 * where pve-firewall looks (the level's own, then the datacenter's):
 * pve-firewall ignores such a rule, so it filters nothing.
 */
export const firewallUndefinedReference = defineRule({
  id: 'firewall/undefined-reference',
  severity: 'error',
  summary:
    'A firewall rule or IP set entry names an alias, IP set or security group that does not exist, so pve-firewall ignores it.',
  check(index, report) {
    for (const level of firewallLevels(index.design)) {
      level.rules.forEach((rule, i) => {
        const where = `rule ${i + 1} of ${level.label} (${formatRule(rule)})`;
        const at = [...level.path, 'rules', i];
        if (rule.type === 'group') {
          if (!level.scope.datacenter.groups.some((g) => g.name === rule.group)) {
            report(level.owners, `${where} names security group ${rule.group}, which does not exist`, at);
          }
          return;
        }
        for (const value of [rule.source, rule.dest]) {
          const ref = value === undefined ? undefined : parseFirewallReference(value);
          if (ref && !resolveReference(level.scope, ref))
            report(
              level.owners,
              `${where} names ${ref.kind === 'ipset' ? 'IP set' : 'alias'} ${value}, which does not exist`,
              at,
            );
        }
      });
      for (const [s, ipset] of level.ipsets.entries()) {
        for (const [e, entry] of ipset.entries.entries()) {
          const ref = parseFirewallReference(entry.cidr);
          if (ref?.kind === 'alias' && !resolveReference(level.scope, ref)) {
            report(
              level.owners,
              `IP set ${ipset.name} of ${level.label} names alias ${entry.cidr}, which does not exist`,
              [...level.path, 'ipsets', s, 'entries', e],
            );
          }
        }
      }
    }
  },
});
