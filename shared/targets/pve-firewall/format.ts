/**
 * Writes Proxmox VE firewall files as pve-firewall itself saves them:
 * `[OPTIONS]`, `[ALIASES]` (sorted), `[IPSET name]` (sorted, entries sorted,
 * duplicates once), `[RULES]` in order, `[group name]` (sorted), each section
 * followed by a blank line. Options come in the order of the option tables
 * (pve-firewall's own order is a hash's, so any order reads the same).
 * Same firewall, same bytes.
 */
import type { AttributeTable } from '../../model/attributes.js';
import {
  datacenterFirewallOptions,
  formatRule,
  trailingComment,
  hostFirewallOptions,
  vmFirewallOptions,
  type AnyFirewallRule,
  type DatacenterFirewall,
  type FirewallAlias,
  type HostFirewall,
  type IpSet,
  type SecurityGroup,
  type VmFirewall,
} from '../../model/firewall.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function formatOptions(table: AttributeTable, options: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(table).flatMap(([key, attribute]) => {
    const value = options[key];
    if (value === undefined) return [];
    return [`${attribute.keys!['pve-firewall']}: ${typeof value === 'boolean' ? (value ? 1 : 0) : String(value)}`];
  });
  return lines.length > 0 ? `[OPTIONS]\n\n${lines.join('\n')}\n\n` : '';
}

function formatAliases(aliases: readonly FirewallAlias[]): string {
  if (aliases.length === 0) return '';
  const sorted = [...aliases].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()));
  return `[ALIASES]\n\n${sorted.map((a) => `${a.name} ${a.cidr}${trailingComment(a.comment)}\n`).join('')}\n`;
}

function formatIpSets(ipsets: readonly IpSet[]): string {
  return [...ipsets]
    .sort((a, b) => byText(a.name, b.name))
    .map((set) => {
      const entries = [...new Map(set.entries.map((e) => [e.cidr, e])).values()].sort((a, b) => byText(a.cidr, b.cidr));
      const lines = entries.map((e) => `${e.nomatch ? '!' : ''}${e.cidr}${trailingComment(e.comment)}\n`).join('');
      return `[IPSET ${set.name}]${trailingComment(set.comment)}\n\n${lines}\n`;
    })
    .join('');
}

function formatRules(rules: readonly AnyFirewallRule[]): string {
  return rules.length > 0 ? `[RULES]\n\n${rules.map((r) => `${formatRule(r)}\n`).join('')}\n` : '';
}

function formatGroups(groups: readonly SecurityGroup[]): string {
  return [...groups]
    .sort((a, b) => byText(a.name, b.name))
    .map(
      (g) => `[group ${g.name}]${trailingComment(g.comment)}\n\n${g.rules.map((r) => `${formatRule(r)}\n`).join('')}\n`,
    )
    .join('');
}

/** `/etc/pve/firewall/cluster.fw`. */
export function formatDatacenterFirewall(fw: DatacenterFirewall): string {
  return (
    formatOptions(datacenterFirewallOptions, fw.options) +
    formatAliases(fw.aliases) +
    formatIpSets(fw.ipsets) +
    formatRules(fw.rules) +
    formatGroups(fw.groups)
  );
}

/** `/etc/pve/nodes/<node>/host.fw`. */
export function formatHostFirewall(fw: HostFirewall): string {
  return formatOptions(hostFirewallOptions, fw.options) + formatRules(fw.rules);
}

/** `/etc/pve/firewall/<vmid>.fw`. */
export function formatVmFirewall(fw: VmFirewall): string {
  return (
    formatOptions(vmFirewallOptions, fw.options) +
    formatAliases(fw.aliases) +
    formatIpSets(fw.ipsets) +
    formatRules(fw.rules)
  );
}
