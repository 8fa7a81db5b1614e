/**
 * Parser for `ovs-appctl bond/show`, written from the format Open vSwitch
 * prints (ofproto/bond.c, `bond_print_details`): per bond a `---- NAME ----`
 * header, `key: value` lines, then one record per member (`member p1:
 * enabled`; `slave p1: enabled` before OVS 2.16) with indented detail lines
 * (`active member`, `may_enable: true`, `hash 7: 12 kB load`). Lines it does
 * not know are skipped with a warning; a known line with a value it cannot
 * read is an error naming the line.
 */
import { OVS_BOND_MODES, type OvsBondMode } from '../model/ovs-options.js';
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';

/** negotiated: LACP partner agreed; configured: LACP is on but not negotiated (the bond drops traffic unless lacp_fallback_ab); off: no LACP. */
export const OVS_LACP_STATUSES = ['negotiated', 'configured', 'off'] as const;
export type OvsLacpStatus = (typeof OVS_LACP_STATUSES)[number];

export interface OvsBondMember {
  readonly name: string;
  /** Line of the member's header. */
  readonly line: number;
  /** Carries traffic (carrier, LACP and updelay all agree). */
  readonly enabled: boolean;
  /** The member active-backup (and SLB learning) sends on. */
  active: boolean;
  /** What LACP (or carrier when LACP is off) allows. */
  mayEnable?: boolean;
  /** A pending change: `updelay expires in 900 ms` on a disabled member, `downdelay ...` on an enabled one. */
  delayExpiresInMs?: number;
}

export interface OvsBondInfo {
  readonly name: string;
  readonly line: number;
  mode?: OvsBondMode;
  lacpStatus?: OvsLacpStatus;
  /** `lacp_fallback_ab: true`: without a partner the bond falls back to active-backup. */
  lacpFallbackAb?: boolean;
  updelayMs?: number;
  downdelayMs?: number;
  /** `active member mac: aa:bb:..(p1)`; member null for `(none)`. */
  activeMac?: { readonly mac: string; readonly member: string | null };
  readonly members: OvsBondMember[];
}

type Reader<T> = (value: string) => T | { readonly problem: string };
const isProblem = (v: unknown): v is { problem: string } => typeof v === 'object' && v !== null && 'problem' in v;

const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (v) =>
    (values as readonly string[]).includes(v)
      ? (v as T)
      : { problem: `expected ${values.join(' or ')}, found ${quoteInput(v)}` };
const bool: Reader<boolean> = (v) =>
  v === 'true' ? true : v === 'false' ? false : { problem: `expected true or false, found ${quoteInput(v)}` };
const ms: Reader<number> = (v) => {
  const m = /^(-?\d{1,15}) ms$/.exec(v);
  return m ? Number(m[1]) : { problem: `expected "<N> ms", found ${quoteInput(v)}` };
};
const activeMac: Reader<{ mac: string; member: string | null }> = (v) => {
  const m = /^([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\((\S*)\)$/.exec(v);
  if (!m) return { problem: `expected "<MAC>(<member>)", found ${quoteInput(v)}` };
  return { mac: m[1]!.toLowerCase(), member: m[2] === 'none' || m[2] === '' ? null : m[2]! };
};

type Handler = (bond: OvsBondInfo, value: string) => string | undefined;
function set<T>(read: Reader<T>, assign: (bond: OvsBondInfo, value: T) => void): Handler {
  return (bond, raw) => {
    const value = read(raw);
    if (isProblem(value)) return value.problem;
    assign(bond, value as T);
    return undefined;
  };
}

const BOND_KEYS: Readonly<Record<string, Handler>> = {
  bond_mode: set(oneOf(OVS_BOND_MODES), (b, v) => (b.mode = v)),
  lacp_status: set(oneOf(OVS_LACP_STATUSES), (b, v) => (b.lacpStatus = v)),
  lacp_fallback_ab: set(bool, (b, v) => (b.lacpFallbackAb = v)),
  updelay: set(ms, (b, v) => (b.updelayMs = v)),
  downdelay: set(ms, (b, v) => (b.downdelayMs = v)),
  'active member mac': set(activeMac, (b, v) => (b.activeMac = v)),
  'active slave mac': set(activeMac, (b, v) => (b.activeMac = v)),
};
/** Lines OVS prints that say nothing about health (hashing, recirculation, timers). */
const INFORMATIONAL = new Set([
  'bond may use recirculation',
  'bond-hash-basis',
  'lb_output action',
  'all members active',
  'next rebalance',
  'active-backup primary',
]);

const BOND_HEADER = /^---- (\S+) ----$/;
const MEMBER_HEADER = /^(?:member|slave) (\S+): (enabled|disabled)$/;

/** Parses `ovs-appctl bond/show` (every bond, or the one named). */
export function parseOvsBondShow(text: string): Parsed<OvsBondInfo[]> {
  const bonds: OvsBondInfo[] = [];
  const warnings: ParseProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i]!.trim();
    if (content === '') continue;
    const error = (message: string): Parsed<OvsBondInfo[]> => ({ ok: false, error: { line, message } });
    const bond = bonds[bonds.length - 1];

    const header = BOND_HEADER.exec(content);
    if (header) {
      bonds.push({ name: header[1]!, line, members: [] });
      continue;
    }
    if (!bond)
      return error(`expected "---- <bond> ----", found ${quoteInput(content)}: not ovs-appctl bond/show output`);
    const memberHeader = MEMBER_HEADER.exec(content);
    if (memberHeader) {
      bond.members.push({ name: memberHeader[1]!, line, enabled: memberHeader[2] === 'enabled', active: false });
      continue;
    }
    const member = bond.members[bond.members.length - 1];
    if (member) {
      if (content === 'active member' || content === 'active slave') {
        member.active = true;
        continue;
      }
      const delay = /^(?:updelay|downdelay) expires in (-?\d{1,15}) ms$/.exec(content);
      if (delay) {
        member.delayExpiresInMs = Number(delay[1]);
        continue;
      }
      if (/^hash \d+: \d+ kB load$/.test(content)) continue;
      const mayEnable = /^may_enable: (.*)$/.exec(content);
      if (mayEnable) {
        const value = bool(mayEnable[1]!);
        if (typeof value !== 'boolean') return error(`may_enable: ${value.problem}`);
        member.mayEnable = value;
        continue;
      }
      warnings.push({ line, message: `skipped unknown member line ${quoteInput(content)}` });
      continue;
    }
    const colon = content.indexOf(': ');
    const key = colon < 0 ? content.replace(/:$/, '') : content.slice(0, colon);
    const value = colon < 0 ? '' : content.slice(colon + 2).trim();
    const handler = BOND_KEYS[key];
    if (handler) {
      const problem = handler(bond, value);
      if (problem) return error(`${key}: ${problem}`);
    } else if (!INFORMATIONAL.has(key)) {
      warnings.push({ line, message: `skipped unknown line ${quoteInput(content)}` });
    }
  }
  return { ok: true, value: bonds, warnings };
}
