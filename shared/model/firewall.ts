/**
 * The Proxmox VE firewall as data: options per level (datacenter, host, VM),
 * aliases, IP sets, security groups and rules, with the limits pve-firewall
 * itself enforces (name patterns and lengths, which rule types a level takes,
 * ports only with a protocol that has them). A value that passes here is one
 * pve-firewall accepts; references between them (an alias or IP set that must
 * exist) are checked by design rules, which see every level at once.
 */
import { z } from 'zod';
import { attributeShape, type AttributeTable } from './attributes.js';
import { parseIp, parsePrefix, type IpFamily } from './ip.js';
import { checkInterfaceName } from './names.js';

export const FIREWALL_ACTIONS = ['ACCEPT', 'DROP', 'REJECT'] as const;
export type FirewallAction = (typeof FIREWALL_ACTIONS)[number];

export const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug', 'nolog'] as const;

/** The macros pve-firewall ships (`SSH(ACCEPT)`), spelled as it prefers them. */
export const FIREWALL_MACROS = [
  'Amanda',
  'Auth',
  'BGP',
  'BitTorrent',
  'BitTorrent32',
  'Ceph',
  'CVS',
  'Citrix',
  'DAAP',
  'DCC',
  'DHCPfwd',
  'DNS',
  'Distcc',
  'FTP',
  'Finger',
  'GNUnet',
  'GRE',
  'Git',
  'HKP',
  'HTTP',
  'HTTPS',
  'ICPV2',
  'ICQ',
  'IMAP',
  'IMAPS',
  'IPIP',
  'IPsec',
  'IPsecah',
  'IPsecnat',
  'IRC',
  'Jetdirect',
  'L2TP',
  'LDAP',
  'LDAPS',
  'MSNP',
  'MSSQL',
  'Mail',
  'MDNS',
  'Munin',
  'MySQL',
  'NNTP',
  'NNTPS',
  'NTP',
  'OSPF',
  'OpenVPN',
  'PCA',
  'PMG',
  'POP3',
  'POP3S',
  'PPtP',
  'Ping',
  'PostgreSQL',
  'Printer',
  'RDP',
  'RIP',
  'RNDC',
  'Razor',
  'Rdate',
  'Rsync',
  'SANE',
  'SMB',
  'SMBswat',
  'SMTP',
  'SMTPS',
  'SNMP',
  'SPAMD',
  'SSH',
  'SVN',
  'SixXS',
  'SPICEproxy',
  'Squid',
  'Submission',
  'Syslog',
  'TFTP',
  'Telnet',
  'Telnets',
  'Time',
  'Trcrt',
  'VNC',
  'VNCL',
  'Web',
  'Webcache',
  'Webmin',
  'Whois',
] as const;
export type FirewallMacro = (typeof FIREWALL_MACROS)[number];

/** A macro named in any case, as pve-firewall reads it, in its preferred spelling. */
export function preferredMacro(name: string): FirewallMacro | undefined {
  const lower = name.toLowerCase();
  return FIREWALL_MACROS.find((m) => m.toLowerCase() === lower);
}

/** Protocols whose rules may name ports (by name or IANA number). */
const PROTOCOLS_WITH_PORTS = new Set(['tcp', '6', 'udp', '17', 'udplite', '136', 'dccp', '33', 'sctp', '132']);
const ICMP_PROTOCOLS = new Set(['icmp', 'icmpv6', 'ipv6-icmp']);
/** The protocol names of /etc/protocols that firewall rules use; any number 0-255 works too. */
const PROTOCOL_NAMES = new Set([
  'ip',
  'icmp',
  'igmp',
  'ggp',
  'ipencap',
  'st',
  'tcp',
  'egp',
  'igp',
  'pup',
  'udp',
  'hmp',
  'xns-idp',
  'rdp',
  'iso-tp4',
  'dccp',
  'xtp',
  'ddp',
  'idpr-cmtp',
  'ipv6',
  'ipv6-route',
  'ipv6-frag',
  'idrp',
  'rsvp',
  'gre',
  'esp',
  'ah',
  'skip',
  'ipv6-icmp',
  'icmpv6',
  'ipv6-nonxt',
  'ipv6-opts',
  'rspf',
  'vmtp',
  'eigrp',
  'ospf',
  'ax.25',
  'ipip',
  'etherip',
  'encap',
  'pim',
  'ipcomp',
  'vrrp',
  'l2tp',
  'isis',
  'sctp',
  'fc',
  'mobility-header',
  'udplite',
  'mpls-in-ip',
  'manet',
  'hip',
  'shim6',
  'wesp',
  'rohc',
  'ethernet',
]);
const ICMP_TYPES = new Set([
  'any',
  'echo-reply',
  'destination-unreachable',
  'network-unreachable',
  'host-unreachable',
  'protocol-unreachable',
  'port-unreachable',
  'fragmentation-needed',
  'source-route-failed',
  'network-unknown',
  'host-unknown',
  'network-prohibited',
  'host-prohibited',
  'communication-prohibited',
  'host-precedence-violation',
  'precedence-cutoff',
  'source-quench',
  'redirect',
  'network-redirect',
  'host-redirect',
  'echo-request',
  'router-advertisement',
  'router-solicitation',
  'time-exceeded',
  'ttl-zero-during-transit',
  'ttl-zero-during-reassembly',
  'parameter-problem',
  'ip-header-bad',
  'required-option-missing',
  'timestamp-request',
  'timestamp-reply',
  'address-mask-request',
  'address-mask-reply',
]);
const ICMPV6_TYPES = new Set([
  'destination-unreachable',
  'no-route',
  'communication-prohibited',
  'beyond-scope',
  'address-unreachable',
  'port-unreachable',
  'failed-policy',
  'reject-route',
  'packet-too-big',
  'time-exceeded',
  'ttl-zero-during-transit',
  'ttl-zero-during-reassembly',
  'parameter-problem',
  'bad-header',
  'unknown-header-type',
  'unknown-option',
  'echo-request',
  'echo-reply',
  'router-solicitation',
  'router-advertisement',
  'neighbor-solicitation',
  'neighbour-solicitation',
  'neighbor-advertisement',
  'neighbour-advertisement',
  'redirect',
]);

/**
 * Names of aliases, IP sets and security groups: a letter, then letters,
 * digits, `-` and `_`. pve-firewall keeps IP set and group names in lower
 * case (and looks references up as written), so those must be lower case.
 */
const NAMES = {
  alias: { label: 'alias', max: 64, pattern: /^[A-Za-z][A-Za-z0-9_-]+$/, help: 'a letter, then letters, digits' },
  ipset: {
    label: 'IP set',
    max: 64,
    pattern: /^[a-z][a-z0-9_-]+$/,
    help: 'a lower-case letter, then lower-case letters, digits',
  },
  group: {
    label: 'security group',
    max: 18,
    pattern: /^[a-z][a-z0-9_-]+$/,
    help: 'a lower-case letter, then lower-case letters, digits',
  },
} as const;
export type FirewallNameKind = keyof typeof NAMES;

export function checkFirewallName(what: FirewallNameKind, name: string): string | undefined {
  const { label, max, pattern, help } = NAMES[what];
  if (name.length > max) return `${label} name "${name}" is longer than ${max} characters`;
  if (!pattern.test(name)) return `invalid ${label} name "${name}": use ${help}, '-' and '_'`;
  return undefined;
}

/** One printable line: comments end up after `#` in the file. */
export function checkFirewallComment(text: string): string | undefined {
  if (text.trim() === '') return 'is empty (leave it out)';
  if (text.trim() !== text) return 'must not start or end with white space';
  if (text.length > 256) return 'is longer than 256 characters';
  if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return 'contains a line break or control character';
  return undefined;
}

/** An IP address or network as pve-firewall stores it: `/32` and `/128` are dropped. */
export function normalizeCidr(text: string): { cidr: string; family: IpFamily } | undefined {
  if (text.includes('/')) {
    const prefix = parsePrefix(text);
    if (!prefix) return undefined;
    const full = prefix.address.family === 4 ? 32 : 128;
    return {
      cidr: prefix.length === full ? text.slice(0, text.lastIndexOf('/')) : text,
      family: prefix.address.family,
    };
  }
  const address = parseIp(text);
  return address && { cidr: text, family: address.family };
}

/** A reference to an alias (`name`, `dc/name`, `guest/name`) or an IP set (`+name`, `+dc/name`, `+guest/name`). */
export interface FirewallReference {
  readonly kind: 'alias' | 'ipset';
  readonly scope: 'dc' | 'guest' | undefined;
  readonly name: string;
}

export function parseFirewallReference(text: string): FirewallReference | undefined {
  const m = /^(\+)?(?:(dc|guest)\/)?([A-Za-z][A-Za-z0-9_-]+)$/.exec(text);
  if (!m) return undefined;
  return { kind: m[1] ? 'ipset' : 'alias', scope: m[2] as 'dc' | 'guest' | undefined, name: m[3]! };
}

/**
 * A rule's source or destination: a reference, or a comma-separated list of
 * addresses, networks or one range `a-b`, all of one family. Returns the
 * family (if addresses give one) or a sentence saying what is wrong.
 */
export function checkAddressList(text: string): { family?: IpFamily } | { problem: string } {
  const reference = parseFirewallReference(text);
  if (reference) {
    return reference.name.length > NAMES[reference.kind].max ? { problem: `${reference.kind} name too long` } : {};
  }
  const elements = text.split(',');
  if (elements.some((e) => e === '')) return { problem: 'extraneous commas in list' };
  let family: IpFamily | undefined;
  let ranges = 0;
  for (const element of elements) {
    const ends = element.split('-');
    const families = ends.length === 2 ? ends.map((e) => parseIp(e)?.family) : [normalizeCidr(element)?.family];
    if (ends.length > 2 || families.some((f) => f === undefined)) return { problem: `invalid IP address: ${element}` };
    if (ends.length === 2) ranges++;
    for (const f of families) {
      if (family !== undefined && f !== family)
        return { problem: `detected mixed ipv4/ipv6 addresses in address list '${text}'` };
      family = f;
    }
  }
  if (ranges > 0 && elements.length > 1) return { problem: "you can't use a range in a list" };
  return { family };
}

/** A port list: numbers, `low:high` ranges and service names, at most 15 numbers (a range counts 2). */
export function checkPortList(text: string, icmpTypes?: ReadonlySet<string>): string | undefined {
  const items = text.split(',');
  if (items.some((i) => i === '')) return 'extraneous commas in list';
  let numbers = 0;
  let icmp = false;
  for (const item of items) {
    const range = /^(\d+):(\d+)$/.exec(item);
    if (range) {
      const [low, high] = [Number(range[1]), Number(range[2])];
      if (low > 65535) return `invalid port '${range[1]}'`;
      if (high > 65535) return `invalid port '${range[2]}'`;
      if (low > high) return `backwards range '${low}:${high}' not allowed, did you mean '${high}:${low}'?`;
      numbers += 2;
    } else if (/^\d+$/.test(item)) {
      if (Number(item) > 65535) return `invalid port '${item}'`;
      numbers += 1;
    } else if (icmpTypes?.has(item)) {
      icmp = true;
    } else if (!/^[a-z][a-z0-9+._-]*$/i.test(item)) {
      return `invalid port '${item}'`;
    }
  }
  if (icmp && numbers > 0) return 'ICMP ports not allowed in port range';
  if (numbers > 15) return 'too many entries in port list (> 15 numbers)';
  return undefined;
}

function checkProtocol(proto: string): string | undefined {
  if (/^\d+$/.test(proto)) return Number(proto) <= 255 ? undefined : `unknown protocol '${proto}'`;
  return PROTOCOL_NAMES.has(proto) ? undefined : `unknown protocol '${proto}'`;
}

const refine =
  <T>(check: (value: T) => string | undefined) =>
  (value: T, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };

const Comment = z.string().superRefine(
  refine((c: string) => {
    const p = checkFirewallComment(c);
    return p && `comment ${p}`;
  }),
);
const Interface = z.string().superRefine(
  refine((n: string) => {
    const p = checkInterfaceName(n);
    return p && `interface ${p}`;
  }),
);
const AddressList = z.string().superRefine(
  refine((s: string) => {
    const r = checkAddressList(s);
    return 'problem' in r ? r.problem : undefined;
  }),
);
const name = (what: FirewallNameKind) => z.string().superRefine(refine((n: string) => checkFirewallName(what, n)));

/** Where a rule lives decides which directions it may take and whether `-i` names a VM NIC (`net0`). */
export type RuleLevel = 'datacenter' | 'host' | 'vm' | 'group';

/** Rule parameters, in the order pve-firewall writes them (`-i` comes between the two groups). */
const actionFields = { action: z.enum(FIREWALL_ACTIONS), macro: z.enum(FIREWALL_MACROS).optional() };
const matchFields = {
  source: AddressList.optional(),
  dest: AddressList.optional(),
  proto: z.string().superRefine(refine(checkProtocol)).optional(),
  dport: z.string().optional(),
  sport: z.string().optional(),
  log: z.enum(LOG_LEVELS).optional(),
  icmpType: z.string().optional(),
  enabled: z.boolean().default(true),
  comment: Comment.optional(),
};

interface TrafficParameters {
  readonly type: string;
  readonly action: FirewallAction;
  readonly source?: string;
  readonly dest?: string;
  readonly proto?: string;
  readonly dport?: string;
  readonly sport?: string;
  readonly icmpType?: string;
}

/** What pve-firewall's rule check says about a rule's parameters, by parameter name as it names them. */
export function checkTrafficRule(rule: TrafficParameters): { param: string; message: string }[] {
  const problems: { param: string; message: string }[] = [];
  const add = (param: string, message: string) => problems.push({ param, message });
  if (rule.type === 'forward' && rule.action === 'REJECT') add('action', 'cannot define REJECT rules on forward chain');
  const icmp = rule.proto !== undefined && ICMP_PROTOCOLS.has(rule.proto);
  const icmpTypes = rule.proto === 'icmp' ? ICMP_TYPES : icmp ? ICMPV6_TYPES : undefined;
  if (rule.dport !== undefined) {
    const problem = checkPortList(rule.dport, icmpTypes);
    if (problem) add('dport', problem);
    if (rule.proto === undefined) add('proto', "missing property - 'dport' requires this property");
    else if (!PROTOCOLS_WITH_PORTS.has(rule.proto) && !icmp)
      add('dport', `protocol '${rule.proto}' does not support ports`);
  }
  if (rule.icmpType !== undefined) {
    if (!icmp) add('proto', "missing property - 'icmp-type' requires this property");
    if (rule.dport !== undefined) add('icmp-type', "'icmp-type' cannot be specified together with 'dport'");
    if (icmpTypes && !icmpTypes.has(rule.icmpType))
      add('icmp-type', `invalid icmp-type '${rule.icmpType}' for proto '${rule.proto}'`);
  }
  if (rule.sport !== undefined) {
    const problem = checkPortList(rule.sport);
    if (problem) add('sport', problem);
    if (rule.proto === undefined) add('proto', "missing property - 'sport' requires this property");
    else if (!PROTOCOLS_WITH_PORTS.has(rule.proto)) add('sport', `protocol '${rule.proto}' does not support ports`);
  }
  const families = [rule.source, rule.dest].map((a) => (a === undefined ? undefined : checkAddressList(a)));
  const known = families.flatMap((f) => (f && 'family' in f && f.family ? [f.family] : []));
  if (rule.proto === 'icmp') known.push(4);
  if (rule.proto === 'icmpv6' || rule.proto === 'ipv6-icmp') known.push(6);
  if (new Set(known).size > 1) add('source', 'detected mixed ipv4/ipv6 addresses in rule');
  return problems;
}

const refineRule = (rule: TrafficParameters, ctx: z.RefinementCtx) => {
  for (const { param, message } of checkTrafficRule(rule)) {
    ctx.addIssue({
      code: 'custom',
      path: [param === 'icmp-type' ? 'icmpType' : param],
      message: `${param}: ${message}`,
    });
  }
};

const traffic = <const T extends readonly [string, ...string[]]>(types: T) =>
  z
    .strictObject({ type: z.enum(types), ...actionFields, iface: Interface.optional(), ...matchFields })
    .superRefine(refineRule);
const groupRule = z.strictObject({
  type: z.literal('group'),
  group: name('group'),
  iface: Interface.optional(),
  enabled: z.boolean().default(true),
  comment: Comment.optional(),
});

/** A rule of the datacenter or a host: IN, OUT, FORWARD, or a security group. */
export const FirewallRule = z.union([traffic(['in', 'out', 'forward']), groupRule]);
/** A rule of a VM: IN, OUT, or a security group; `-i` names a NIC such as `net0`. */
export const VmFirewallRule = z.union([
  traffic(['in', 'out']).superRefine((rule, ctx) => {
    if (rule.iface !== undefined && !/^net\d+$/.test(rule.iface))
      ctx.addIssue({
        code: 'custom',
        path: ['iface'],
        message: `interface "${rule.iface}" must be a VM NIC such as net0`,
      });
  }),
  groupRule.superRefine((rule, ctx) => {
    if (rule.iface !== undefined && !/^net\d+$/.test(rule.iface))
      ctx.addIssue({
        code: 'custom',
        path: ['iface'],
        message: `interface "${rule.iface}" must be a VM NIC such as net0`,
      });
  }),
]);
/** A rule inside a security group: IN, OUT or FORWARD, never a group nor `-i`. */
export const GroupFirewallRule = z
  .strictObject({ type: z.enum(['in', 'out', 'forward']), ...actionFields, ...matchFields })
  .superRefine(refineRule);

export const FirewallAlias = z.strictObject({
  name: name('alias'),
  cidr: z
    .string()
    .refine(
      (s) => normalizeCidr(s)?.cidr === s,
      'must be an IP address or network such as 10.0.0.0/24 (without /32 or /128)',
    ),
  comment: Comment.optional(),
});

export const IpSetEntry = z.strictObject({
  /** An address, network (no /0) or alias name (`dc/` or `guest/` scoped). */
  cidr: z.string().superRefine(
    refine((s: string) => {
      const ref = parseFirewallReference(s);
      if (ref?.kind === 'alias') return undefined;
      const normal = normalizeCidr(s);
      if (!normal) return 'value does not look like a valid IP address or CIDR network';
      if (normal.cidr !== s) return `write "${normal.cidr}" (pve-firewall drops /32 and /128)`;
      return /\/0+$/.test(s) ? 'a zero prefix is not allowed in ipset entries' : undefined;
    }),
  ),
  nomatch: z.boolean().default(false),
  comment: Comment.optional(),
});

export const IpSet = z
  .strictObject({ name: name('ipset'), comment: Comment.optional(), entries: z.array(IpSetEntry).default([]) })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.entries.forEach((e, i) => {
      if (seen.has(e.cidr))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'cidr'],
          message: `duplicate ipset entry for '${e.cidr}'`,
        });
      seen.add(e.cidr);
    });
  });

export const SecurityGroup = z.strictObject({
  name: name('group'),
  comment: Comment.optional(),
  rules: z.array(GroupFirewallRule).default([]),
});

const POLICY = { type: 'enum', values: FIREWALL_ACTIONS, label: 'Policy', help: '' } as const;
const LOG = { type: 'enum', values: LOG_LEVELS, label: 'Log level', help: '' } as const;
const FLAG = { type: 'bool', label: '', help: '' } as const;

/** Options of `cluster.fw` (Datacenter > Firewall > Options), keyed by pve-firewall's names. */
export const datacenterFirewallOptions = {
  enable: {
    ...FLAG,
    label: 'Firewall',
    help: 'Turn the firewall on for the whole cluster; hosts and VMs follow their own switch too.',
    keys: { 'pve-firewall': 'enable' },
  },
  ebtables: {
    ...FLAG,
    label: 'ebtables',
    help: 'Also filter layer 2 with ebtables.',
    keys: { 'pve-firewall': 'ebtables' },
  },
  policyIn: {
    ...POLICY,
    label: 'Input policy',
    help: 'What happens to incoming traffic no rule matched (hosts).',
    keys: { 'pve-firewall': 'policy_in' },
  },
  policyOut: {
    ...POLICY,
    label: 'Output policy',
    help: 'What happens to outgoing traffic no rule matched (hosts).',
    keys: { 'pve-firewall': 'policy_out' },
  },
  policyForward: {
    ...POLICY,
    label: 'Forward policy',
    help: 'What happens to forwarded traffic no rule matched.',
    keys: { 'pve-firewall': 'policy_forward' },
  },
  logRatelimit: {
    type: 'text',
    pattern: /^\S+$/,
    patternHelp: 'must be a rate limit such as enable=1,rate=1/second,burst=5',
    label: 'Log rate limit',
    help: 'How often firewall log lines may be written.',
    keys: { 'pve-firewall': 'log_ratelimit' },
  },
} as const satisfies AttributeTable;

/** Options of `host.fw` (node > Firewall > Options). */
export const hostFirewallOptions = {
  enable: {
    ...FLAG,
    label: 'Firewall',
    help: 'Filter this host’s own traffic (the datacenter switch must be on too).',
    keys: { 'pve-firewall': 'enable' },
  },
  nosmurfs: {
    ...FLAG,
    label: 'SMURFS filter',
    help: 'Drop packets with a broadcast source address.',
    keys: { 'pve-firewall': 'nosmurfs' },
  },
  tcpflags: {
    ...FLAG,
    label: 'TCP flags filter',
    help: 'Drop illegal combinations of TCP flags.',
    keys: { 'pve-firewall': 'tcpflags' },
  },
  ndp: { ...FLAG, label: 'NDP', help: 'Allow IPv6 neighbour discovery.', keys: { 'pve-firewall': 'ndp' } },
  logNfConntrack: {
    ...FLAG,
    label: 'Log conntrack',
    help: 'Log connection tracking events.',
    keys: { 'pve-firewall': 'log_nf_conntrack' },
  },
  nfConntrackAllowInvalid: {
    ...FLAG,
    label: 'Allow invalid packets',
    help: 'Do not drop packets conntrack calls invalid.',
    keys: { 'pve-firewall': 'nf_conntrack_allow_invalid' },
  },
  protectionSynflood: {
    ...FLAG,
    label: 'SYN flood protection',
    help: 'Rate-limit new TCP connections per source.',
    keys: { 'pve-firewall': 'protection_synflood' },
  },
  nftables: {
    ...FLAG,
    label: 'nftables',
    help: 'Use the nftables-based proxmox-firewall.',
    keys: { 'pve-firewall': 'nftables' },
  },
  logLevelIn: {
    ...LOG,
    label: 'Log level in',
    help: 'Log incoming traffic no rule matched.',
    keys: { 'pve-firewall': 'log_level_in' },
  },
  logLevelOut: {
    ...LOG,
    label: 'Log level out',
    help: 'Log outgoing traffic no rule matched.',
    keys: { 'pve-firewall': 'log_level_out' },
  },
  logLevelForward: {
    ...LOG,
    label: 'Log level forward',
    help: 'Log forwarded traffic no rule matched.',
    keys: { 'pve-firewall': 'log_level_forward' },
  },
  tcpFlagsLogLevel: {
    ...LOG,
    label: 'TCP flags log level',
    help: 'Log packets the TCP flags filter drops.',
    keys: { 'pve-firewall': 'tcp_flags_log_level' },
  },
  smurfLogLevel: {
    ...LOG,
    label: 'SMURFS log level',
    help: 'Log packets the SMURFS filter drops.',
    keys: { 'pve-firewall': 'smurf_log_level' },
  },
  nfConntrackHelpers: {
    type: 'text',
    pattern:
      /^(amanda|ftp|irc|netbios-ns|pptp|sane|sip|snmp|tftp)(,(amanda|ftp|irc|netbios-ns|pptp|sane|sip|snmp|tftp))*$/,
    patternHelp: 'must be a list of conntrack helpers such as ftp,tftp',
    label: 'Conntrack helpers',
    help: 'Connection tracking helpers to load.',
    keys: { 'pve-firewall': 'nf_conntrack_helpers' },
  },
  nfConntrackMax: {
    type: 'int',
    min: 32768,
    max: 999999999,
    label: 'Conntrack max',
    help: 'Most tracked connections.',
    keys: { 'pve-firewall': 'nf_conntrack_max' },
  },
  nfConntrackTcpTimeoutEstablished: {
    type: 'int',
    min: 7875,
    max: 999999999,
    unit: 's',
    label: 'Established timeout',
    help: 'Seconds an idle established TCP connection is tracked.',
    keys: { 'pve-firewall': 'nf_conntrack_tcp_timeout_established' },
  },
  nfConntrackTcpTimeoutSynRecv: {
    type: 'int',
    min: 30,
    max: 60,
    unit: 's',
    label: 'SYN received timeout',
    help: 'Seconds a half-open TCP connection is tracked.',
    keys: { 'pve-firewall': 'nf_conntrack_tcp_timeout_syn_recv' },
  },
  protectionSynfloodRate: {
    type: 'int',
    min: 1,
    max: 999999999,
    label: 'SYN flood rate',
    help: 'New connections a second per source.',
    keys: { 'pve-firewall': 'protection_synflood_rate' },
  },
  protectionSynfloodBurst: {
    type: 'int',
    min: 1,
    max: 999999999,
    label: 'SYN flood burst',
    help: 'Burst of new connections per source.',
    keys: { 'pve-firewall': 'protection_synflood_burst' },
  },
  protectionLimit: {
    type: 'int',
    min: 1,
    max: 999999999,
    label: 'Protection limit',
    help: 'Limit of the flood protection.',
    keys: { 'pve-firewall': 'protection_limit' },
  },
} as const satisfies AttributeTable;

/** Options of `<vmid>.fw` (VM > Firewall > Options). */
export const vmFirewallOptions = {
  enable: {
    ...FLAG,
    label: 'Firewall',
    help: 'Filter this VM’s traffic (each NIC also needs its firewall flag).',
    keys: { 'pve-firewall': 'enable' },
  },
  dhcp: { ...FLAG, label: 'DHCP', help: 'Allow DHCP.', keys: { 'pve-firewall': 'dhcp' } },
  ndp: { ...FLAG, label: 'NDP', help: 'Allow IPv6 neighbour discovery.', keys: { 'pve-firewall': 'ndp' } },
  radv: {
    ...FLAG,
    label: 'Router advertisement',
    help: 'Allow the VM to send router advertisements.',
    keys: { 'pve-firewall': 'radv' },
  },
  macfilter: {
    ...FLAG,
    label: 'MAC filter',
    help: 'Drop frames whose source MAC is not the NIC’s.',
    keys: { 'pve-firewall': 'macfilter' },
  },
  ipfilter: {
    ...FLAG,
    label: 'IP filter',
    help: 'Drop packets whose source address is not in ipfilter-netN.',
    keys: { 'pve-firewall': 'ipfilter' },
  },
  ips: { ...FLAG, label: 'IPS', help: 'Send traffic through Suricata.', keys: { 'pve-firewall': 'ips' } },
  policyIn: {
    ...POLICY,
    label: 'Input policy',
    help: 'What happens to incoming traffic no rule matched.',
    keys: { 'pve-firewall': 'policy_in' },
  },
  policyOut: {
    ...POLICY,
    label: 'Output policy',
    help: 'What happens to outgoing traffic no rule matched.',
    keys: { 'pve-firewall': 'policy_out' },
  },
  logLevelIn: {
    ...LOG,
    label: 'Log level in',
    help: 'Log incoming traffic no rule matched.',
    keys: { 'pve-firewall': 'log_level_in' },
  },
  logLevelOut: {
    ...LOG,
    label: 'Log level out',
    help: 'Log outgoing traffic no rule matched.',
    keys: { 'pve-firewall': 'log_level_out' },
  },
  ipsQueues: {
    type: 'text',
    pattern: /^\d+(:\d+)?$/,
    patternHelp: 'must be a queue or range such as 0:3',
    label: 'IPS queues',
    help: 'NFQUEUE queues for the IPS.',
    keys: { 'pve-firewall': 'ips_queues' },
  },
  layer2Protocols: {
    type: 'text',
    pattern: /^[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*$/,
    patternHelp: 'must be a list of ethernet protocols such as ARP,802_1Q',
    label: 'Layer 2 protocols',
    help: 'Ethernet protocols the VM may send.',
    keys: { 'pve-firewall': 'layer2_protocols' },
  },
} as const satisfies AttributeTable;

/** Options are written as pve-firewall names them; absent means pve-firewall's default. */
const optionsSchema = <T extends AttributeTable>(table: T) => z.strictObject(attributeShape(table));

/** Names pve-firewall keys by: two entries of one name (aliases ignoring case) would be one. */
function uniqueNames<T extends { name: string }>(label: string, fold: (name: string) => string = (n) => n) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = fold(item.name);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${label} "${item.name}" is defined twice` });
      seen.add(key);
    });
  };
}
const Aliases = z
  .array(FirewallAlias)
  .superRefine(uniqueNames('alias', (n) => n.toLowerCase()))
  .default([]);
const IpSets = z.array(IpSet).superRefine(uniqueNames('IP set')).default([]);

export const DatacenterFirewall = z.strictObject({
  options: optionsSchema(datacenterFirewallOptions).default({}),
  aliases: Aliases,
  ipsets: IpSets,
  rules: z.array(FirewallRule).default([]),
  groups: z.array(SecurityGroup).superRefine(uniqueNames('security group')).default([]),
});

export const HostFirewall = z.strictObject({
  options: optionsSchema(hostFirewallOptions).default({}),
  rules: z.array(FirewallRule).default([]),
});

export const VmFirewall = z.strictObject({
  options: optionsSchema(vmFirewallOptions).default({}),
  aliases: Aliases,
  ipsets: IpSets,
  rules: z.array(VmFirewallRule).default([]),
});

export type FirewallRule = z.infer<typeof FirewallRule>;
export type VmFirewallRule = z.infer<typeof VmFirewallRule>;
export type GroupFirewallRule = z.infer<typeof GroupFirewallRule>;
export type FirewallAlias = z.infer<typeof FirewallAlias>;
export type IpSetEntry = z.infer<typeof IpSetEntry>;
export type IpSet = z.infer<typeof IpSet>;
export type SecurityGroup = z.infer<typeof SecurityGroup>;
export type DatacenterFirewall = z.infer<typeof DatacenterFirewall>;
export type HostFirewall = z.infer<typeof HostFirewall>;
export type VmFirewall = z.infer<typeof VmFirewall>;
/** Any rule, wherever it lives. */
export type AnyFirewallRule = FirewallRule | VmFirewallRule | GroupFirewallRule;

/** ` # comment` after an entry, as pve-firewall writes it (nothing for none). */
export const trailingComment = (comment: string | undefined) => (comment ? ` # ${comment}` : '');

/** One rule line, as pve-firewall writes it. */
export function formatRule(rule: AnyFirewallRule): string {
  let line = rule.enabled ? '' : '|';
  if (rule.type === 'group') {
    line += `GROUP ${rule.group}`;
    if (rule.iface) line += ` -i ${rule.iface}`;
    return `${line}${trailingComment(rule.comment)}`;
  }
  line += `${rule.type.toUpperCase()} ${rule.macro ? `${rule.macro}(${rule.action})` : rule.action}`;
  if ('iface' in rule && rule.iface) line += ` -i ${rule.iface}`;
  const params: readonly [string, string | undefined][] = [
    ['-source', rule.source],
    ['-dest', rule.dest],
    ['-p', rule.proto],
    ['-dport', rule.dport],
    ['-sport', rule.sport],
    ['-log', rule.log],
    ['-icmp-type', rule.icmpType],
  ];
  for (const [flag, value] of params) if (value) line += ` ${flag} ${value}`;
  return `${line}${trailingComment(rule.comment)}`;
}
