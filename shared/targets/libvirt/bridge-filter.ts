/**
 * The host's filter for bridged VM traffic, as two files: a sysctl drop-in
 * that makes bridged IPv4 frames pass through iptables, and an
 * `iptables-restore` file (iptables-persistent's `/etc/iptables/rules.v4`,
 * loaded at boot before libvirtd adds its own NAT rules) whose FORWARD
 * rules match bridged frames with `-m physdev --physdev-is-bridged`.
 */
import type { BridgeFilter, BridgeFilterRule } from '../../model/libvirt.js';

export const SYSCTL_PATH = 'etc/sysctl.d/60-netloom-bridge-nf.conf';
export const RULES_V4_PATH = 'etc/iptables/rules.v4';

export function formatBridgeSysctl(filter: BridgeFilter): string {
  const on = filter.bridgeNetfilter ? 1 : 0;
  return [
    '# Written by Netloom: whether bridged frames pass through iptables (needs the br_netfilter module).',
    `net.bridge.bridge-nf-call-iptables = ${on}`,
    `net.bridge.bridge-nf-call-ip6tables = ${on}`,
    '',
  ].join('\n');
}

/** One `-A FORWARD` line; every value was checked by the model (addresses, names, numbers, a plain comment). */
export function formatBridgeRule(rule: BridgeFilterRule): string {
  const words = ['-A FORWARD', '-m physdev', '--physdev-is-bridged'];
  if (rule.physdevIn) words.push(`--physdev-in ${rule.physdevIn}`);
  if (rule.physdevOut) words.push(`--physdev-out ${rule.physdevOut}`);
  if (rule.source) words.push(`-s ${rule.source}`);
  if (rule.destination) words.push(`-d ${rule.destination}`);
  if (rule.protocol) words.push(`-p ${rule.protocol}`);
  if (rule.port !== undefined) words.push(`--dport ${rule.port}`);
  if (rule.comment) words.push(`-m comment --comment "${rule.comment}"`);
  words.push(`-j ${rule.action}`);
  return words.join(' ');
}

export function formatBridgeRules(filter: BridgeFilter, hostName: string): string {
  return [
    `# Written by Netloom for ${hostName}: filter for bridged VM traffic (iptables-restore format).`,
    '*filter',
    ':INPUT ACCEPT [0:0]',
    `:FORWARD ${filter.forwardPolicy} [0:0]`,
    ':OUTPUT ACCEPT [0:0]',
    ...filter.rules.map(formatBridgeRule),
    'COMMIT',
    '',
  ].join('\n');
}
