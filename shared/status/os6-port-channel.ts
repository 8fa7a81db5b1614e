/**
 * Parser for Dell EMC OS6 (N-series) `show interfaces port-channel`: one row
 * per port-channel with its members (`Active:` ones carry traffic,
 * `Inactive:` ones do not), dynamic (LACP) or static, hash type, min-links
 * and local preference. A long member list wraps onto rows whose first
 * column is empty. The legend of hash types after the table is skipped.
 * Written from the format the Dell EMC Networking N-Series CLI Reference
 * documents; no real sample was available (see the fixture's note).
 */
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';
import { cutColumns, isBlank, isRuler, pickCell, rulerColumns, RowError } from './ruled-table.js';

export interface Os6PortChannelMember {
  /** As printed: `Te1/0/17`. */
  readonly port: string;
  /** Listed under `Active:`: the port carries the port-channel's traffic. */
  readonly active: boolean;
}

export interface Os6PortChannel {
  readonly line: number;
  readonly portChannel: number;
  readonly members: Os6PortChannelMember[];
  /** `Dynamic`: LACP; `Static`: mode on. */
  readonly lacp: boolean;
  readonly hashType: number;
  readonly minLinks: number;
  readonly localPreference: boolean;
}

const CHANNEL_TYPES: Readonly<Record<string, boolean>> = { Dynamic: true, Static: false };
const ENABLED: Readonly<Record<string, boolean>> = { Enabled: true, Disabled: false };

function count(cell: string, what: string): number {
  if (!/^\d+$/.test(cell)) throw new RowError(`${what} ${quoteInput(cell)} is not a number`);
  return Number(cell);
}

/** `Active: Te1/0/1, Te1/0/2 Inactive: Te1/0/3` (or a part of it) -> members, carrying the state across wrapped rows. */
function readMembers(text: string, members: Os6PortChannelMember[], state: { active: boolean | undefined }): void {
  if (text === '' || text === 'No Configured Ports') return;
  for (const word of text.split(/[\s,]+/).filter((w) => w !== '')) {
    if (word === 'Active:' || word === 'Inactive:') state.active = word === 'Active:';
    else if (state.active === undefined)
      throw new RowError(`member ${quoteInput(word)} comes before "Active:" or "Inactive:"`);
    else members.push({ port: word, active: state.active });
  }
}

export function parseOs6PortChannels(text: string): Parsed<Os6PortChannel[]> {
  const lines = text.split(/\r?\n/);
  const channels: Os6PortChannel[] = [];
  const warnings: ParseProblem[] = [];
  let columns: number[] | undefined;
  let header: string | undefined;
  let inTable = false;
  let memberState: { active: boolean | undefined } = { active: undefined };

  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (isBlank(raw)) {
      inTable = false;
      continue;
    }
    if (!inTable) {
      if (columns === undefined && isRuler(raw)) {
        if (!/^Channel\s+Ports\s+Ch-Type\b/.test(header ?? '')) {
          return {
            ok: false,
            error: {
              line,
              message: `expected the header "Channel Ports Ch-Type ..." above the ruler, found ${quoteInput(header ?? '')}`,
            },
          };
        }
        columns = rulerColumns(raw);
        if (columns.length !== 6)
          return {
            ok: false,
            error: { line, message: `the port-channel table has ${columns.length} columns, expected 6` },
          };
        inTable = true;
      } else if (columns === undefined) {
        header = raw.trim();
      }
      // After the table: the hash type legend.
      continue;
    }
    try {
      const [name, ports, type, hash, minLinks, localPreference] = cutColumns(raw, columns!) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (name === '') {
        const last = channels.at(-1);
        if (!last) throw new RowError('a wrapped member list before any port-channel row');
        readMembers(ports, last.members, memberState);
        continue;
      }
      const number = /^Po(\d+)$/.exec(name);
      if (!number) throw new RowError(`${quoteInput(name)} is not a port-channel name (Po<n>)`);
      memberState = { active: undefined };
      const members: Os6PortChannelMember[] = [];
      readMembers(ports, members, memberState);
      channels.push({
        line,
        portChannel: Number(number[1]),
        members,
        lacp: pickCell(CHANNEL_TYPES, type, 'channel type'),
        hashType: count(hash, 'hash type'),
        minLinks: count(minLinks, 'min-links'),
        localPreference: pickCell(ENABLED, localPreference, 'local preference'),
      });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      return { ok: false, error: { line, message: e.message } };
    }
  }
  if (columns === undefined)
    return {
      ok: false,
      error: { message: 'no port-channel table (a "Channel Ports Ch-Type ..." header and its ruler)' },
    };
  return { ok: true, value: channels, warnings };
}
