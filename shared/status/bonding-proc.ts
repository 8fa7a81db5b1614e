/**
 * Parser for `/proc/net/bonding/<bond>`, written from the kernel's format
 * (bond_procfs.c; see the corpus' bonding/FORMAT.md): a master record, then
 * one record per slave. Lines are `Key: value`; which lines appear depends on
 * the mode, the kernel version and whether the reader has CAP_NET_ADMIN, so
 * almost every line is optional. Indentation (tab or spaces) is ignored; the
 * section a line belongs to is tracked from the headers that open sections.
 * Lines it does not know are skipped with a warning; a known line with a value
 * it cannot read is an error naming the line, and so is text cut short (a last
 * line without its newline, a slave without its `MII Status:` line) or a slave
 * listed twice, which would otherwise be read as a healthy bond.
 */
import type { BondMode } from '../model/kinds/index.js';
import { decodeLacpState, type LacpState } from './lacp-state.js';
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';

export type BondMiiStatus = 'up' | 'down';
export type SlaveMiiStatus = 'up' | 'going down' | 'down' | 'going back' | 'unknown';
export type ChurnState = 'monitoring' | 'churned' | 'none';
export type Duplex = 'full' | 'half';

/** One side of a slave's last LACPDU (`details actor lacp pdu:` / `details partner lacp pdu:`). */
export interface LacpPduInfo {
  systemPriority?: number;
  systemMac?: string;
  /** `port key` on the actor side, `oper key` on the partner side. */
  key?: number;
  portPriority?: number;
  portNumber?: number;
  portState?: LacpState;
}

export interface ActiveAggregatorInfo {
  id?: number;
  ports?: number;
  actorKey?: number;
  partnerKey?: number;
  partnerMac?: string;
}

export interface BondingLacpInfo {
  /** `LACP active: on|off` (kernel 5.15+). */
  active?: boolean;
  rate?: 'slow' | 'fast';
  minLinks?: number;
  adSelect?: string;
  systemPriority?: number;
  systemMac?: string;
  /** null: `bond X has no active aggregator`; absent: not shown (needs CAP_NET_ADMIN on 4.x+). */
  activeAggregator?: ActiveAggregatorInfo | null;
}

export interface BondingSlaveInfo {
  name: string;
  /** Line of the `Slave Interface:` header. */
  line: number;
  miiStatus?: SlaveMiiStatus;
  /** Mb/s; null for `Speed: Unknown`; absent on old drivers that do not print it. */
  speedMbps?: number | null;
  duplex?: Duplex | null;
  linkFailureCount?: number;
  permanentHwAddr?: string;
  queueId?: number;
  /** null for `Aggregator ID: N/A` (the port has no aggregator). */
  aggregatorId?: number | null;
  actorChurn?: ChurnState;
  partnerChurn?: ChurnState;
  actorChurnedCount?: number;
  partnerChurnedCount?: number;
  actor?: LacpPduInfo;
  partner?: LacpPduInfo;
}

export interface BondingInfo {
  /** `v3.7.1 (April 27, 2011)`, `v6.8.0-90-generic`. */
  driverVersion?: string;
  mode: BondMode;
  failOverMac?: 'active' | 'follow';
  xmitHashPolicy?: string;
  /** name null for `Primary Slave: None`. */
  primary?: { name: string | null; reselect?: string };
  activeSlave?: string | null;
  miiStatus: BondMiiStatus;
  miimonMs?: number;
  updelayMs?: number;
  downdelayMs?: number;
  peerNotifyDelayMs?: number;
  arpIntervalMs?: number;
  arpMissedMax?: number;
  arpIpTargets?: string[];
  nsIpv6Targets?: string[];
  /** 802.3ad only. */
  lacp?: BondingLacpInfo;
  slaves: BondingSlaveInfo[];
}

const MODE_NAMES: Readonly<Record<string, BondMode>> = {
  'load balancing (round-robin)': 'balance-rr',
  'fault-tolerance (active-backup)': 'active-backup',
  'load balancing (xor)': 'balance-xor',
  'fault-tolerance (broadcast)': 'broadcast',
  'IEEE 802.3ad Dynamic link aggregation': '802.3ad',
  'transmit load balancing': 'balance-tlb',
  'adaptive load balancing': 'balance-alb',
};

/** Words some kernels and patches use instead of "Slave" in the same lines. */
const SLAVE_WORDS = '(?:Slave|Port|Link)';
const SLAVE_HEADER = new RegExp(`^${SLAVE_WORDS}(?: Interface)?$`);
const PRIMARY = new RegExp(`^Primary ${SLAVE_WORDS}$`);
const ACTIVE_SLAVE = new RegExp(`^Currently Active ${SLAVE_WORDS}$`);
const QUEUE_ID = new RegExp(`^${SLAVE_WORDS} queue ID$`);

type Section = 'master' | 'aggregator' | 'slave' | 'actor-pdu' | 'partner-pdu';

/** Reads a value; returns an error message when the value is not what the line should hold. */
type Reader<T> = (value: string) => T | { readonly problem: string };
const isProblem = (v: unknown): v is { problem: string } => typeof v === 'object' && v !== null && 'problem' in v;

const wholeNumber: Reader<number> = (v) =>
  /^\d{1,15}$/.test(v) ? Number(v) : { problem: `expected a whole number, found ${quoteInput(v)}` };
const oneOf =
  <T extends string>(...values: T[]): Reader<T> =>
  (v) =>
    (values as string[]).includes(v)
      ? (v as T)
      : { problem: `expected ${values.join(' or ')}, found ${quoteInput(v)}` };
const nonEmpty: Reader<string> = (v) => (v !== '' ? v : { problem: 'the value is empty' });
const list: Reader<string[]> = (v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const noneOr: Reader<string | null> = (v) => (v === 'None' ? null : v === '' ? { problem: 'the value is empty' } : v);
const mac: Reader<string> = (v) =>
  /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})+$/.test(v)
    ? v.toLowerCase()
    : { problem: `expected a MAC address, found ${quoteInput(v)}` };
const portState: Reader<LacpState> = (v) => {
  const n = wholeNumber(v);
  const state = typeof n === 'number' ? decodeLacpState(n) : undefined;
  return state ?? { problem: `expected a port state byte 0-255, found ${quoteInput(v)}` };
};
const speed: Reader<number | null> = (v) => {
  if (v === 'Unknown') return null;
  const m = /^(\d{1,9}) Mbps$/.exec(v);
  return m ? Number(m[1]) : { problem: `expected "<N> Mbps" or "Unknown", found ${quoteInput(v)}` };
};
const duplex: Reader<Duplex | null> = (v) => (v === 'Unknown' ? null : oneOf<Duplex>('full', 'half')(v));
const aggregatorId: Reader<number | null> = (v) => (v === 'N/A' ? null : wholeNumber(v));
const churn = oneOf<ChurnState>('monitoring', 'churned', 'none');
const bondMode: Reader<{ mode: BondMode; failOverMac?: 'active' | 'follow' }> = (v) => {
  const m = /^(.*?)(?: \(fail_over_mac (active|follow)\))?$/.exec(v);
  const mode = m && MODE_NAMES[m[1]!];
  if (!mode) return { problem: `unknown bonding mode ${quoteInput(v)}` };
  return m[2] ? { mode, failOverMac: m[2] as 'active' | 'follow' } : { mode };
};
const hashPolicy: Reader<string> = (v) => {
  const m = /^([a-z0-9+]+)(?: \(\d+\))?$/.exec(v);
  return m ? m[1]! : { problem: `expected a policy such as "layer3+4 (1)", found ${quoteInput(v)}` };
};
const primary: Reader<{ name: string | null; reselect?: string }> = (v) => {
  const m = /^(\S+)(?: \(primary_reselect (\w+)\))?$/.exec(v);
  if (!m) return { problem: `expected an interface name or None, found ${quoteInput(v)}` };
  const name = m[1] === 'None' ? null : m[1]!;
  return m[2] ? { name, reselect: m[2] } : { name };
};

interface Builder {
  info: Partial<BondingInfo> & { slaves: BondingSlaveInfo[] };
  section: Section;
  seenFirstLine: boolean;
}

/** Where a line's value goes, per section. Handlers return a problem or undefined. */
type Handler = (b: Builder, value: string) => string | undefined;

function set<T>(read: Reader<T>, assign: (b: Builder, value: T) => void): Handler {
  return (b, raw) => {
    const value = read(raw);
    if (isProblem(value)) return value.problem;
    assign(b, value as T);
    return undefined;
  };
}

const lacp = (b: Builder): BondingLacpInfo => (b.info.lacp ??= {});
const aggregator = (b: Builder): ActiveAggregatorInfo => {
  const lacpInfo = lacp(b);
  if (!lacpInfo.activeAggregator) lacpInfo.activeAggregator = {};
  return lacpInfo.activeAggregator;
};
const slave = (b: Builder): BondingSlaveInfo => b.info.slaves[b.info.slaves.length - 1]!;
const pdu = (b: Builder): LacpPduInfo => {
  const s = slave(b);
  return b.section === 'actor-pdu' ? (s.actor ??= {}) : (s.partner ??= {});
};

const MASTER_KEYS: Readonly<Record<string, Handler>> = {
  'Ethernet Channel Bonding Driver': set(nonEmpty, (b, v) => (b.info.driverVersion = v)),
  'Bonding Mode': set(bondMode, (b, v) => {
    b.info.mode = v.mode;
    if (v.failOverMac) b.info.failOverMac = v.failOverMac;
  }),
  'Transmit Hash Policy': set(hashPolicy, (b, v) => (b.info.xmitHashPolicy = v)),
  'MII Status': set(oneOf<BondMiiStatus>('up', 'down'), (b, v) => (b.info.miiStatus = v)),
  'MII Polling Interval (ms)': set(wholeNumber, (b, v) => (b.info.miimonMs = v)),
  'Up Delay (ms)': set(wholeNumber, (b, v) => (b.info.updelayMs = v)),
  'Down Delay (ms)': set(wholeNumber, (b, v) => (b.info.downdelayMs = v)),
  'Peer Notification Delay (ms)': set(wholeNumber, (b, v) => (b.info.peerNotifyDelayMs = v)),
  'ARP Polling Interval (ms)': set(wholeNumber, (b, v) => (b.info.arpIntervalMs = v)),
  'ARP Missed Max': set(wholeNumber, (b, v) => (b.info.arpMissedMax = v)),
  'ARP IP target/s (n.n.n.n form)': set(list, (b, v) => (b.info.arpIpTargets = v)),
  'NS IPv6 target/s (xx::xx form)': set(list, (b, v) => (b.info.nsIpv6Targets = v)),
  'LACP active': set(oneOf('on', 'off'), (b, v) => (lacp(b).active = v === 'on')),
  'LACP rate': set(oneOf('slow', 'fast'), (b, v) => (lacp(b).rate = v)),
  'Min links': set(wholeNumber, (b, v) => (lacp(b).minLinks = v)),
  'Aggregator selection policy (ad_select)': set(nonEmpty, (b, v) => (lacp(b).adSelect = v)),
  'System priority': set(wholeNumber, (b, v) => (lacp(b).systemPriority = v)),
  'System MAC address': set(mac, (b, v) => (lacp(b).systemMac = v)),
};

const AGGREGATOR_KEYS: Readonly<Record<string, Handler>> = {
  'Aggregator ID': set(wholeNumber, (b, v) => (aggregator(b).id = v)),
  'Number of ports': set(wholeNumber, (b, v) => (aggregator(b).ports = v)),
  'Actor Key': set(wholeNumber, (b, v) => (aggregator(b).actorKey = v)),
  'Partner Key': set(wholeNumber, (b, v) => (aggregator(b).partnerKey = v)),
  'Partner Mac Address': set(mac, (b, v) => (aggregator(b).partnerMac = v)),
};

const SLAVE_KEYS: Readonly<Record<string, Handler>> = {
  'MII Status': set(
    oneOf<SlaveMiiStatus>('up', 'going down', 'down', 'going back', 'unknown'),
    (b, v) => (slave(b).miiStatus = v),
  ),
  Speed: set(speed, (b, v) => (slave(b).speedMbps = v)),
  Duplex: set(duplex, (b, v) => (slave(b).duplex = v)),
  'Link Failure Count': set(wholeNumber, (b, v) => (slave(b).linkFailureCount = v)),
  // Some fixtures leave the address empty; the kernel always prints one.
  'Permanent HW addr': (b, v) => {
    if (v === '') return undefined;
    return set(mac, (bb, m) => (slave(bb).permanentHwAddr = m))(b, v);
  },
  'Aggregator ID': set(aggregatorId, (b, v) => (slave(b).aggregatorId = v)),
  'Actor Churn State': set(churn, (b, v) => (slave(b).actorChurn = v)),
  'Partner Churn State': set(churn, (b, v) => (slave(b).partnerChurn = v)),
  'Actor Churned Count': set(wholeNumber, (b, v) => (slave(b).actorChurnedCount = v)),
  'Partner Churned Count': set(wholeNumber, (b, v) => (slave(b).partnerChurnedCount = v)),
};

const PDU_KEYS: Readonly<Record<string, Handler>> = {
  'system priority': set(wholeNumber, (b, v) => (pdu(b).systemPriority = v)),
  'system mac address': set(mac, (b, v) => (pdu(b).systemMac = v)),
  'port key': set(wholeNumber, (b, v) => (pdu(b).key = v)),
  'oper key': set(wholeNumber, (b, v) => (pdu(b).key = v)),
  'port priority': set(wholeNumber, (b, v) => (pdu(b).portPriority = v)),
  'port number': set(wholeNumber, (b, v) => (pdu(b).portNumber = v)),
  'port state': set(portState, (b, v) => (pdu(b).portState = v)),
};

function masterHandler(key: string): Handler | undefined {
  if (PRIMARY.test(key)) return set(primary, (b, v) => (b.info.primary = v));
  if (ACTIVE_SLAVE.test(key)) return set(noneOr, (b, v) => (b.info.activeSlave = v));
  return MASTER_KEYS[key];
}

function slaveHandler(key: string): Handler | undefined {
  if (QUEUE_ID.test(key)) return set(wholeNumber, (b, v) => (slave(b).queueId = v));
  return SLAVE_KEYS[key];
}

/** Keys that only a slave record has: seen before any slave header, the text is not a bonding file. */
const isSlaveOnlyKey = (key: string) => key in SLAVE_KEYS && !(key in MASTER_KEYS) && key !== 'Aggregator ID';

/**
 * Splits `Key: value` at the first colon followed by whitespace or the end of
 * the line; keys may hold `::` (`NS IPv6 target/s (xx::xx form)`) and values
 * hold colons without spaces (MAC and IPv6 addresses).
 */
function splitLine(content: string): { key: string; value: string } | undefined {
  const m = /:(?:\s|$)/.exec(content);
  if (!m) return undefined;
  return { key: content.slice(0, m.index).trim(), value: content.slice(m.index + 1).trim() };
}

/** Parses the text of one `/proc/net/bonding/<bond>` file. */
export function parseBondingProc(text: string): Parsed<BondingInfo> {
  const b: Builder = { info: { slaves: [] }, section: 'master', seenFirstLine: false };
  const warnings: ParseProblem[] = [];
  const lines = text.split(/\r?\n/);
  // The kernel ends every line with a newline: text that does not was cut mid-line.
  const cutLine = text.endsWith('\n') ? undefined : lines.length;
  const slaveLines = new Map<string, number>();

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i]!.trim();
    if (content === '') continue;
    const error = (message: string): Parsed<BondingInfo> => ({ ok: false, error: { line, message } });

    const kv = splitLine(content);
    if (!b.seenFirstLine) {
      b.seenFirstLine = true;
      if (kv?.key !== 'Ethernet Channel Bonding Driver' && kv?.key !== 'Bonding Mode') {
        return error(
          `expected "Ethernet Channel Bonding Driver: …" or "Bonding Mode: …", found ${quoteInput(content)}: not a /proc/net/bonding file`,
        );
      }
    }

    if (line === cutLine)
      return error(`the text ends in the middle of this line (${quoteInput(content)}): the file was cut short`);

    if (content === '802.3ad info') {
      lacp(b);
      b.section = 'master';
      continue;
    }
    if (/^bond \S+ has no active aggregator$/.test(content)) {
      lacp(b).activeAggregator = null;
      b.section = 'master';
      continue;
    }
    if (!kv) {
      warnings.push({ line, message: `skipped ${quoteInput(content)}: not a "key: value" line` });
      continue;
    }
    const { key, value } = kv;

    if (SLAVE_HEADER.test(key)) {
      if (value === '' || /\s/.test(value))
        return error(`expected an interface name after "${key}:", found ${quoteInput(value)}`);
      const first = slaveLines.get(value);
      if (first !== undefined)
        return error(`slave ${value} is listed again (first at line ${first}): the file is corrupt`);
      slaveLines.set(value, line);
      b.info.slaves.push({ name: value, line });
      b.section = 'slave';
      continue;
    }
    if (key === 'Active Aggregator Info' && b.section !== 'slave') {
      aggregator(b);
      b.section = 'aggregator';
      continue;
    }
    if (
      (key === 'details actor lacp pdu' || key === 'details partner lacp pdu') &&
      b.section !== 'master' &&
      b.section !== 'aggregator'
    ) {
      b.section = key === 'details actor lacp pdu' ? 'actor-pdu' : 'partner-pdu';
      continue;
    }

    let handler: Handler | undefined;
    if (b.section === 'actor-pdu' || b.section === 'partner-pdu') {
      handler = PDU_KEYS[key];
      if (!handler) b.section = 'slave';
    }
    if (b.section === 'aggregator') {
      handler = AGGREGATOR_KEYS[key];
      if (!handler) b.section = 'master';
    }
    if (!handler && b.section === 'slave') handler = slaveHandler(key);
    if (!handler && b.section === 'master') {
      if (isSlaveOnlyKey(key))
        return error(`"${key}" belongs to a slave, but no "Slave Interface:" line came before it`);
      handler = masterHandler(key);
    }
    if (!handler) {
      warnings.push({ line, message: `skipped unknown line ${quoteInput(content)}` });
      continue;
    }
    const problem = handler(b, value);
    if (problem) return error(`${key}: ${problem}`);
  }

  if (!b.seenFirstLine) return { ok: false, error: { message: 'the text is empty: not a /proc/net/bonding file' } };
  if (b.info.mode === undefined)
    return { ok: false, error: { message: 'no "Bonding Mode:" line: not a /proc/net/bonding file' } };
  if (b.info.miiStatus === undefined)
    return { ok: false, error: { message: 'no "MII Status:" line for the bond itself' } };
  const unfinished = b.info.slaves.find((s) => s.miiStatus === undefined);
  if (unfinished) {
    return {
      ok: false,
      error: {
        line: unfinished.line,
        message: `slave ${unfinished.name} has no "MII Status:" line, which the kernel always writes: the file was cut short`,
      },
    };
  }
  return { ok: true, value: b.info as BondingInfo, warnings };
}
