/**
 * One FORWARD rule of a KVM/libvirt host's filter for bridged VM traffic
 * (`-m physdev --physdev-is-bridged`), in order; the host's `bridgeFilter`
 * says whether iptables sees bridged frames at all.
 */
import type { AttributeTable } from '../attributes.js';
import { BRIDGE_FILTER_ACTIONS, BRIDGE_FILTER_PROTOCOLS } from '../libvirt.js';
import { bridgeRuleProblems } from '../bridge-rule.js';
import type { BridgeRule, Host } from '../schema.js';
import { defineKind } from './define.js';

export const BRIDGE_RULE_DIRECTIONS = ['any', 'in', 'out'] as const;

const IPV4_OR_CIDR = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;

export const bridgeRuleAttributes = {
  action: {
    type: 'enum',
    values: BRIDGE_FILTER_ACTIONS,
    default: 'ACCEPT',
    label: 'Action',
    help: 'What happens to a matching frame: ACCEPT, DROP, or REJECT (the sender is told).',
  },
  direction: {
    type: 'enum',
    values: BRIDGE_RULE_DIRECTIONS,
    default: 'any',
    label: 'Direction',
    help: 'any; or frames entering (in) or leaving (out) the bridge through the bridge port below.',
  },
  physdev: {
    type: 'text',
    label: 'Bridge port',
    help: 'The bridge port the direction refers to: the uplink (enp1s0) or a VM’s tap (vnet0).',
  },
  source: {
    type: 'text',
    pattern: IPV4_OR_CIDR,
    patternHelp: 'must be an IPv4 address or network such as 192.168.1.50 or 10.0.0.0/24',
    label: 'Source',
    help: 'Source address or network; empty for any.',
  },
  destination: {
    type: 'text',
    pattern: IPV4_OR_CIDR,
    patternHelp: 'must be an IPv4 address or network such as 192.168.1.20 or 10.0.0.0/24',
    label: 'Destination',
    help: 'Destination address or network; empty for any.',
  },
  protocol: {
    type: 'enum',
    values: BRIDGE_FILTER_PROTOCOLS,
    label: 'Protocol',
    help: 'tcp, udp or icmp; empty for any.',
  },
  port: {
    type: 'int',
    min: 1,
    max: 65535,
    label: 'Port',
    help: 'Destination port (tcp or udp only).',
  },
  comment: {
    type: 'text',
    label: 'Comment',
    help: 'Written with the rule (iptables -m comment).',
  },
} as const satisfies AttributeTable;

export const bridgeRule = defineKind<BridgeRule, Host>()({
  id: 'bridge-rule',
  owner: 'host',
  collection: 'bridgeRules',
  label: 'bridged-traffic rule',
  title: (r) =>
    [r.action, r.protocol && `${r.protocol}${r.port === undefined ? '' : `/${r.port}`}`].filter(Boolean).join(' '),
  phrase: (r) => `bridged-traffic rule ${r.id}`,
  attributes: bridgeRuleAttributes,
  check: (rule, host, report) => {
    for (const p of bridgeRuleProblems(rule, host)) report(p.field, p.message);
  },
  create: ({ owner }) => ({ idBase: `${owner.id}-fwd`, fields: { action: 'ACCEPT' } }),
  canvas: { row: 0, size: { width: 168, height: 48 } },
  palette: { hint: 'A FORWARD rule for bridged VM traffic on a libvirt host (iptables physdev)' },
  icon: 'M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6z',
});
