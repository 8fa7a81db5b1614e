/**
 * A bridged-traffic rule of the design as the libvirt model's FORWARD rule
 * (`BridgeFilterRule`), which also judges it: one place says what a valid
 * rule is, for the kind's check and the iptables writer alike.
 */
import { BridgeFilter, BridgeFilterRule } from './libvirt.js';
import type { BridgeRule, Host, PlatformId } from './schema.js';
import type { FieldProblem } from './virtual-network.js';

/** The model's rule (input to `BridgeFilterRule.parse`): the direction picks `physdevIn` or `physdevOut`. */
export function bridgeFilterRuleOf(rule: BridgeRule): unknown {
  const { direction, physdev, id: _id, ...rest } = rule;
  const side = { any: {}, in: { physdevIn: physdev }, out: { physdevOut: physdev } }[direction];
  return { ...rest, ...side };
}

const FIELD_OF: Readonly<Record<string, string>> = { physdevIn: 'physdev', physdevOut: 'physdev' };

/** Whether a platform's targets write the bridged-traffic filter; the compiler asks when a platform is added. */
const WRITES_BRIDGE_FILTER: Readonly<Record<PlatformId, boolean>> = {
  proxmox: false,
  debian: false,
  libvirt: true,
  'vmware-workstation': false,
  esxi: false,
};

export function bridgeRuleProblems(rule: BridgeRule, host: Host): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!WRITES_BRIDGE_FILTER[host.platform])
    problems.push({
      field: 'action',
      message: `bridged-traffic rules are written for libvirt (KVM) hosts; host ${host.name} is a ${host.platform} host`,
    });
  if (rule.direction === 'any' && rule.physdev !== undefined)
    problems.push({
      field: 'direction',
      message: 'a bridge port needs a direction: in (entering the bridge through it) or out',
    });
  if (rule.direction !== 'any' && rule.physdev === undefined)
    problems.push({
      field: 'physdev',
      message: `direction ${rule.direction} needs the bridge port it refers to, such as enp1s0 or vnet0`,
    });
  const parsed = BridgeFilterRule.safeParse(bridgeFilterRuleOf(rule));
  for (const issue of parsed.error?.issues ?? []) {
    const key = String(issue.path[0] ?? 'action');
    problems.push({ field: FIELD_OF[key] ?? key, message: issue.message });
  }
  return problems;
}

/** The host's whole filter for bridged traffic as the libvirt model holds it: settings (defaults if unset) and rules in order. */
export function bridgeFilterOf(host: Host): BridgeFilter {
  return BridgeFilter.parse({ ...host.bridgeFilter, rules: host.bridgeRules.map(bridgeFilterRuleOf) });
}
