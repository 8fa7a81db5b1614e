import type { DatacenterFirewall, HostFirewall, VmFirewall } from '../../../../shared/model/firewall.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order pve-firewall saves in: aliases (ignoring case), IP sets and their entries, groups; rules keep theirs. */
export function sortFirewall<T extends DatacenterFirewall | HostFirewall | VmFirewall>(fw: T): T {
  const out: Record<string, unknown> = { ...fw };
  if ('aliases' in fw) out.aliases = [...fw.aliases].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()));
  if ('ipsets' in fw) {
    out.ipsets = [...fw.ipsets]
      .sort((a, b) => byText(a.name, b.name))
      .map((s) => ({ ...s, entries: [...s.entries].sort((a, b) => byText(a.cidr, b.cidr)) }));
  }
  if ('groups' in fw) out.groups = [...fw.groups].sort((a, b) => byText(a.name, b.name));
  return out as T;
}
