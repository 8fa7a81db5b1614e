/**
 * Parser for Cisco IOS / IOS-XE `show etherchannel summary`: per channel
 * group the port-channel with its flags (layer 2/3, in use or down), the
 * protocol and each member port with its state letter. Rows may be separated
 * by tabs or spaces, and a long member list wraps onto rows that hold only
 * members. Written from Cisco's command reference and asserted on
 * genieparser's golden outputs in the corpus.
 */
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';
import { isBlank, isRuler } from './ruled-table.js';

export type EtherchannelMemberState =
  'bundled' | 'down' | 'stand-alone' | 'suspended' | 'hot-standby' | 'waiting' | 'unsuitable';

export interface EtherchannelMember {
  /** As printed: `Gi2`, `Te2/0/1`. */
  readonly port: string;
  /** As printed: `P`, `bndl`, `D`, `hot-sby`. */
  readonly flags: string;
  readonly state: EtherchannelMemberState;
}

export interface EtherchannelGroup {
  readonly line: number;
  readonly group: number;
  readonly portChannel: number;
  /** As printed: `SU`, `RD`. */
  readonly flags: string;
  readonly layer: 'layer2' | 'layer3' | undefined;
  /** `U` (in use); `D` means down. */
  readonly inUse: boolean;
  /** null for `-` (no protocol: mode on, or no members). */
  readonly protocol: 'lacp' | 'pagp' | null;
  readonly members: EtherchannelMember[];
}

export interface EtherchannelSummary {
  /** Absent when the switch prints the line without a number. */
  readonly channelGroupsInUse?: number;
  readonly aggregators?: number;
  readonly groups: EtherchannelGroup[];
}

/** Older releases spell the member flags out; newer ones print the letter. */
const MEMBER_STATES: Readonly<Record<string, EtherchannelMemberState>> = {
  P: 'bundled',
  bndl: 'bundled',
  D: 'down',
  I: 'stand-alone',
  indep: 'stand-alone',
  s: 'suspended',
  susp: 'suspended',
  H: 'hot-standby',
  'hot-sby': 'hot-standby',
  w: 'waiting',
  u: 'unsuitable',
};
const PROTOCOLS: Readonly<Record<string, 'lacp' | 'pagp' | null>> = { LACP: 'lacp', PAgP: 'pagp', '-': null };
const MEMBER = /^(\S+?)\(([^)]+)\)$/;

function memberOf(word: string): EtherchannelMember | string {
  const m = MEMBER.exec(word);
  if (!m) return `expected a member such as Gi1/0/1(P), found ${quoteInput(word)}`;
  const [, port, flags] = m as unknown as [string, string, string];
  const state = MEMBER_STATES[flags] ?? [...flags].map((letter) => MEMBER_STATES[letter]).find((s) => s !== undefined);
  if (state === undefined) return `member ${port} has flags ${quoteInput(flags)}, none of which is a state letter`;
  return { port, flags, state };
}

const countOf = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

export function parseEtherchannelSummary(text: string): Parsed<EtherchannelSummary> {
  const lines = text.split(/\r?\n/);
  const groups: EtherchannelGroup[] = [];
  const warnings: ParseProblem[] = [];
  let channelGroupsInUse: number | undefined;
  let aggregators: number | undefined;
  let inTable = false;
  let sawRuler = false;

  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const error = (message: string): Parsed<EtherchannelSummary> => ({ ok: false, error: { line, message } });
    let m: RegExpExecArray | null;
    if ((m = /^Number of channel-groups in use:\s*(\d*)\s*$/.exec(raw))) channelGroupsInUse = countOf(m[1]!);
    else if ((m = /^Number of aggregators:\s*(\d*)\s*$/.exec(raw))) aggregators = countOf(m[1]!);
    else if (isRuler(raw)) inTable = sawRuler = true;
    else if (isBlank(raw)) inTable = false;
    else if (inTable) {
      const words = raw.trim().split(/\s+/);
      const head = /^(\d+)$/.test(words[0]!) ? words.splice(0, 2) : undefined;
      if (head) {
        const pc = /^Po(\d+)\(([A-Za-z]+)\)$/.exec(head[1] ?? '');
        if (!pc)
          return error(
            `expected a port-channel such as Po1(SU) after group ${head[0]}, found ${quoteInput(head[1] ?? '')}`,
          );
        const protocolWord = words[0] !== undefined && !MEMBER.test(words[0]) ? words.shift()! : '-';
        if (!Object.hasOwn(PROTOCOLS, protocolWord))
          return error(`protocol ${quoteInput(protocolWord)} is not LACP, PAgP or -`);
        const flags = pc[2]!;
        groups.push({
          line,
          group: Number(head[0]),
          portChannel: Number(pc[1]),
          flags,
          layer: flags.includes('R') ? 'layer3' : flags.includes('S') ? 'layer2' : undefined,
          inUse: flags.includes('U'),
          protocol: PROTOCOLS[protocolWord]!,
          members: [],
        });
      }
      const group = groups.at(-1);
      if (!group) return error(`member ports before any channel group: ${quoteInput(raw.trim())}`);
      for (const word of words) {
        const member = memberOf(word);
        if (typeof member === 'string') return error(member);
        group.members.push(member);
      }
    } else if (!sawRuler || /^[A-Za-z]{1,2}(\/\w+)?\s+-\s/.test(raw.trim())) {
      // The flag legend above the table and the footnotes below it.
      continue;
    } else {
      warnings.push({ line, message: `skipped ${quoteInput(raw.trim())}` });
    }
  }
  if (!sawRuler)
    return {
      ok: false,
      error: { message: 'no "Group  Port-channel  Protocol  Ports" table: not show etherchannel summary' },
    };
  return { ok: true, value: { channelGroupsInUse, aggregators, groups }, warnings };
}
