/**
 * Reads Proxmox VE firewall files (`cluster.fw`, `host.fw`, `<vmid>.fw`) the
 * way pve-firewall does: line by line, sections in any case, `#` comments,
 * `|` for a disabled rule, `MACRO(ACTION)`, options one per line. A line
 * pve-firewall would warn about and then ignore is left out here too, with a
 * warning naming its line and saying what pve-firewall says; references to
 * aliases and IP sets resolve against what the file (and, for a host or VM,
 * the datacenter) defined before the line, as pve-firewall resolves them.
 */
import type { AttributeTable } from '../../model/attributes.js';
import {
  checkFirewallComment,
  checkFirewallName,
  checkTrafficRule,
  DatacenterFirewall,
  FirewallAlias,
  FirewallRule,
  GroupFirewallRule,
  IpSetEntry,
  VmFirewallRule,
  datacenterFirewallOptions,
  HostFirewall,
  hostFirewallOptions,
  LOG_LEVELS,
  normalizeCidr,
  parseFirewallReference,
  preferredMacro,
  VmFirewall,
  vmFirewallOptions,
} from '../../model/firewall.js';
import { checkAttribute } from '../../model/attributes.js';
import type { z } from 'zod';

export type FirewallFileLevel = 'datacenter' | 'host' | 'vm';

export interface FirewallWarning {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly message: string;
}

type Section = 'options' | 'aliases' | 'rules' | 'group' | 'ipset';

/** Which sections each file has (a host file has no aliases, IP sets or groups). */
const SECTIONS: Record<FirewallFileLevel, ReadonlySet<Section>> = {
  datacenter: new Set(['options', 'aliases', 'rules', 'group', 'ipset']),
  host: new Set(['options', 'rules']),
  vm: new Set(['options', 'aliases', 'rules', 'ipset']),
};
const OPTIONS: Record<FirewallFileLevel, AttributeTable> = {
  datacenter: datacenterFirewallOptions,
  host: hostFirewallOptions,
  vm: vmFirewallOptions,
};
/** Directions a rule may take at each level (`group` is a security group reference). */
const DIRECTIONS: Record<FirewallFileLevel | 'group', readonly string[]> = {
  datacenter: ['in', 'out', 'forward', 'group'],
  host: ['in', 'out', 'forward', 'group'],
  vm: ['in', 'out', 'group'],
  group: ['in', 'out', 'forward'],
};

const RULE_SCHEMAS: Record<FirewallFileLevel | 'group', z.ZodType> = {
  datacenter: FirewallRule,
  host: FirewallRule,
  vm: VmFirewallRule,
  group: GroupFirewallRule,
};

const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0]!;
  return issue.path.length > 0 && !issue.message.includes(':')
    ? `${issue.path.join('.')}: ${issue.message}`
    : issue.message;
};

interface Draft {
  options: Record<string, unknown>;
  aliases: { name: string; cidr: string; comment?: string }[];
  ipsets: { name: string; comment?: string; entries: { cidr: string; nomatch: boolean; comment?: string }[] }[];
  rules: Record<string, unknown>[];
  groups: { name: string; comment?: string; rules: Record<string, unknown>[] }[];
}

/** Splits `text # comment` at the first `#`. */
function splitComment(line: string): { body: string; comment?: string } {
  const at = line.indexOf('#');
  if (at < 0) return { body: line };
  const comment = line.slice(at + 1).trim();
  return { body: line.slice(0, at).trim(), ...(comment ? { comment } : {}) };
}

function parseOption(level: FirewallFileLevel, line: string): [string, unknown] | string {
  const m = /^([A-Za-z0-9_]+):\s*(.*?)\s*$/.exec(line);
  const table = OPTIONS[level];
  const entry = m && Object.entries(table).find(([, a]) => a.keys?.['pve-firewall'] === m[1]!.toLowerCase());
  if (!m || !entry) return `can't parse option '${line}'`;
  const [key, attribute] = entry;
  const raw = m[2]!;
  let value: unknown;
  switch (attribute.type) {
    case 'bool':
      value = raw === '0' ? false : raw === '1' ? true : undefined;
      break;
    case 'enum':
      value = attribute.values.find((v) => v.toLowerCase() === raw.toLowerCase());
      if (raw === '' && attribute.values === LOG_LEVELS) return [key, undefined];
      break;
    case 'int':
    case 'number':
      value = /^\d+$/.test(raw) ? Number(raw) : undefined;
      break;
    default:
      value = raw;
  }
  if (value === undefined || checkAttribute(attribute, value) !== undefined) return `can't parse option '${line}'`;
  return [key, value];
}

/** The rule line's words, as pve-firewall takes them apart; a string says what could not be read. */
function tokenizeRule(line: string, inGroup: boolean): Record<string, unknown> | string {
  const { body, comment } = splitComment(line);
  let rest = body;
  const enabled = !rest.startsWith('|');
  if (!enabled) rest = rest.slice(1);
  const head = /^(\S+)\s+(\S+)\s*/.exec(rest);
  if (!head) return `unable to parse rule: ${rest}`;
  rest = rest.slice(head[0].length);
  const type = head[1]!.toLowerCase();
  const rule: Record<string, unknown> = { type, enabled, ...(comment ? { comment } : {}) };
  let action = head[2]!;
  const macro = /^(\S+)\((ACCEPT|DROP|REJECT)\)$/.exec(action);
  if (type !== 'group' && macro) {
    rule.macro = macro[1];
    action = macro[2]!;
  }
  if (type === 'group') rule.group = action.toLowerCase();
  else rule.action = action;
  const flags: readonly [RegExp, string][] = [
    [/^(?:-p|--?proto) (\S+)\s*/, 'proto'],
    [/^--?dport (\S+)\s*/, 'dport'],
    [/^--?sport (\S+)\s*/, 'sport'],
    [/^--?source (\S+)\s*/, 'source'],
    [/^--?dest (\S+)\s*/, 'dest'],
    [/^--?log (emerg|alert|crit|err|warning|notice|info|debug|nolog)\s*/, 'log'],
    [/^--?icmp-type (\S+)\s*/, 'icmpType'],
  ];
  while (rest.length > 0) {
    const iface = /^-i (\S+)\s*/.exec(rest);
    if (iface) {
      rule.iface = iface[1];
      rest = rest.slice(iface[0].length);
      continue;
    }
    if (type === 'group') break;
    const flag = flags.map(([re, key]) => [re.exec(rest), key] as const).find(([m]) => m);
    if (!flag) break;
    rule[flag[1]] = flag[0]![1];
    rest = rest.slice(flag[0]![0].length);
  }
  if (rest.length > 0) return `unable to parse rule parameters: ${rest}`;
  if (inGroup && rule.iface !== undefined) rule.ifaceNotAllowed = true;
  return rule;
}

export interface FirewallParse<T> {
  readonly firewall: T;
  readonly warnings: readonly FirewallWarning[];
}

function parseFirewallFile(
  level: FirewallFileLevel,
  text: string,
  datacenter?: DatacenterFirewall,
): FirewallParse<Draft> {
  const draft: Draft = { options: {}, aliases: [], ipsets: [], rules: [], groups: [] };
  const warnings: FirewallWarning[] = [];
  const sections = SECTIONS[level];
  let section: Section | undefined;
  let group: Draft['groups'][number] | undefined;
  let ipset: Draft['ipsets'][number] | undefined;

  const aliasExists = (name: string, scope: 'dc' | 'guest' | undefined): boolean => {
    const lower = name.toLowerCase();
    const local = draft.aliases.some((a) => a.name.toLowerCase() === lower);
    const dc = (level === 'datacenter' ? draft.aliases : (datacenter?.aliases ?? [])).some(
      (a) => a.name.toLowerCase() === lower,
    );
    if (scope === 'dc') return level === 'datacenter' ? local : dc;
    if (scope === 'guest') return level !== 'datacenter' && local;
    return local || dc;
  };
  const ipsetExists = (name: string): boolean =>
    draft.ipsets.some((s) => s.name === name) || (datacenter?.ipsets ?? []).some((s) => s.name === name);

  const verifyRule = (rule: Record<string, unknown>, env: FirewallFileLevel | 'group'): string[] => {
    const errors: string[] = [];
    const add = (param: string, message: string) => {
      if (!errors.some((e) => e.startsWith(`${param}:`))) errors.push(`${param}: ${message}`);
    };
    const type = rule.type as string;
    if (!DIRECTIONS[env].includes(type)) {
      add(
        'type',
        ['in', 'out', 'forward', 'group'].includes(type)
          ? `invalid rule type '${type}' for rule_env '${env === 'datacenter' ? 'cluster' : env}'`
          : `unknown rule type '${type}'`,
      );
    }
    if (rule.ifaceNotAllowed) add('type', 'parameter -i not allowed for this rule type');
    if (typeof rule.iface === 'string' && env === 'vm' && !/^net\d+$/.test(rule.iface))
      add('iface', "value does not match the regex pattern 'net\\d+'");
    if (type === 'group') {
      const problem = checkFirewallName('group', rule.group as string);
      if (problem) add('action', 'invalid characters in security group name');
      return errors;
    }
    if (!/^(ACCEPT|DROP|REJECT)$/.test(rule.action as string)) add('action', `unknown action '${String(rule.action)}'`);
    if (typeof rule.macro === 'string') {
      const preferred = preferredMacro(rule.macro);
      if (preferred) rule.macro = preferred;
      else add('macro', `unknown macro '${rule.macro}'`);
    }
    for (const { param, message } of checkTrafficRule(rule as never)) add(param, message);
    for (const side of ['source', 'dest'] as const) {
      const value = rule[side];
      if (typeof value !== 'string') continue;
      const ref = parseFirewallReference(value);
      if (ref?.kind === 'ipset' && !ipsetExists(ref.name)) add(side, `no such ipset '${ref.name}'`);
      if (ref?.kind === 'alias' && !aliasExists(ref.name, ref.scope)) add(side, `no such alias '${value}'`);
    }
    return errors;
  };

  const readRule = (line: string, env: FirewallFileLevel | 'group'): Record<string, unknown> | string => {
    const rule = tokenizeRule(line, env === 'group');
    if (typeof rule === 'string') return rule;
    const errors = verifyRule(rule, env);
    delete rule.ifaceNotAllowed;
    if (errors.length > 0) return `errors in rule parameters: ${line} (${errors.join('; ')})`;
    const checked = RULE_SCHEMAS[env].safeParse(rule);
    return checked.success
      ? (checked.data as Record<string, unknown>)
      : `errors in rule parameters: ${line} (${firstIssue(checked.error)})`;
  };

  const header = (line: string, name: 'group' | 'ipset'): { name: string; comment?: string } | string | undefined => {
    const m = new RegExp(`^\\[${name}\\s+(\\S+)\\]\\s*(?:#\\s*(.*?)\\s*)?$`, 'i').exec(line);
    if (!m) return undefined;
    const lower = m[1]!.toLowerCase();
    const problem =
      checkFirewallName(name, lower) ??
      (m[2] ? checkFirewallComment(m[2]) && `comment ${checkFirewallComment(m[2])}` : undefined);
    if (problem) return problem;
    return { name: lower, ...(m[2] ? { comment: m[2] } : {}) };
  };

  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\r$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const warn = (message: string) => warnings.push({ line: lineNo, message });

    const plain = /^\[(options|aliases|rules)\]$/i.exec(line);
    if (plain && sections.has(plain[1]!.toLowerCase() as Section)) {
      section = plain[1]!.toLowerCase() as Section;
      return;
    }
    for (const kind of ['group', 'ipset'] as const) {
      if (!sections.has(kind)) continue;
      const found = header(line, kind);
      if (found === undefined) continue;
      if (typeof found === 'string') {
        section = undefined;
        warn(found);
        return;
      }
      section = kind;
      if (kind === 'group') {
        group = { ...found, rules: [] };
        draft.groups = [...draft.groups.filter((g) => g.name !== found.name), group];
      } else {
        ipset = { ...found, entries: [] };
        draft.ipsets = [...draft.ipsets.filter((s) => s.name !== found.name), ipset];
      }
      return;
    }
    switch (section) {
      case undefined:
        warn('skip line - no section');
        return;
      case 'options': {
        const option = parseOption(level, line);
        if (typeof option === 'string') warn(option);
        else if (option[1] === undefined) delete draft.options[option[0]];
        else draft.options[option[0]] = option[1];
        return;
      }
      case 'aliases': {
        const { body, comment } = splitComment(line);
        const m = /^(\S+)\s(\S+)$/.exec(body);
        const cidr = m && normalizeCidr(m[2]!);
        const alias = m && cidr ? FirewallAlias.safeParse({ name: m[1], cidr: cidr.cidr, comment }) : undefined;
        if (!m) warn(`can't parse alias '${line}'`);
        else if (!cidr) warn('value does not look like a valid IP address or CIDR network');
        else if (!alias!.success) warn(firstIssue(alias!.error));
        else
          draft.aliases = [
            ...draft.aliases.filter((a) => a.name.toLowerCase() !== alias!.data.name.toLowerCase()),
            alias!.data,
          ];
        return;
      }
      case 'rules':
      case 'group': {
        const rule = readRule(line, section === 'group' ? 'group' : level);
        if (typeof rule === 'string') warn(rule);
        else (section === 'group' ? group!.rules : draft.rules).push(rule);
        return;
      }
      case 'ipset': {
        const { body, comment } = splitComment(line);
        const m = /^(!)?\s*(\S+)$/.exec(body);
        if (!m) {
          warn(`errors in ipset '${ipset!.name}': ${line} (cidr: can't parse entry)`);
          return;
        }
        const ref = parseFirewallReference(m[2]!);
        const cidr = ref?.kind === 'alias' ? m[2]! : normalizeCidr(m[2]!)?.cidr;
        const problem =
          ref?.kind === 'alias'
            ? aliasExists(ref.name, ref.scope)
              ? undefined
              : `no such alias '${ref.name}'`
            : cidr === undefined
              ? 'value does not look like a valid IP address or CIDR network'
              : /\/0+$/.test(cidr)
                ? 'a zero prefix is not allowed in ipset entries'
                : ipset!.entries.some((e) => e.cidr === cidr)
                  ? `duplicate ipset entry for '${cidr}'`
                  : undefined;
        const entry = IpSetEntry.safeParse({ cidr, nomatch: m[1] === '!', comment });
        if (problem || !entry.success)
          warn(`errors in ipset '${ipset!.name}': ${line} (cidr: ${problem ?? firstIssue(entry.error!)})`);
        else ipset!.entries.push(entry.data);
        return;
      }
    }
  });
  return { firewall: draft, warnings };
}

export function parseDatacenterFirewall(text: string): FirewallParse<DatacenterFirewall> {
  const { firewall, warnings } = parseFirewallFile('datacenter', text);
  return { firewall: DatacenterFirewall.parse(firewall), warnings };
}

export function parseHostFirewall(text: string, datacenter?: DatacenterFirewall): FirewallParse<HostFirewall> {
  const { firewall, warnings } = parseFirewallFile('host', text, datacenter);
  return { firewall: HostFirewall.parse({ options: firewall.options, rules: firewall.rules }), warnings };
}

export function parseVmFirewall(text: string, datacenter?: DatacenterFirewall): FirewallParse<VmFirewall> {
  const { firewall, warnings } = parseFirewallFile('vm', text, datacenter);
  return {
    firewall: VmFirewall.parse({
      options: firewall.options,
      aliases: firewall.aliases,
      ipsets: firewall.ipsets,
      rules: firewall.rules,
    }),
    warnings,
  };
}
