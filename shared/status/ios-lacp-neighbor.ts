/**
 * Parser for Cisco IOS / IOS-XE `show lacp neighbor`: per channel group, one
 * row per member port with the partner's flags (slow/fast LACPDUs,
 * active/passive), port priority, system id (`Dev ID`), age, keys, port
 * number and LACP state byte. Written from Cisco's command reference and
 * asserted on genieparser's golden output in the corpus.
 */
import { decodeLacpState, type LacpState } from './lacp-state.js';
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';
import { isBlank } from './ruled-table.js';

export interface LacpNeighbor {
  readonly line: number;
  readonly group: number;
  /** The local member port, as printed: `Gi2`. */
  readonly port: string;
  /** The partner asks for slow (30 s) or fast (1 s) LACPDUs. */
  readonly rate: 'slow' | 'fast';
  /** The partner runs LACP active (`A`) or passive (`P`). */
  readonly active: boolean;
  readonly portPriority: number;
  /** The partner's system MAC in colon form (`00:1e:49:ff:a3:e6`). */
  readonly systemMac: string;
  /** Seconds since the last LACPDU; absent when not printed. */
  readonly ageSeconds?: number;
  readonly adminKey: number;
  readonly operKey: number;
  readonly portNumber: number;
  readonly state: LacpState;
}

const HEX = '(0x[0-9A-Fa-f]+)';
const ROW = new RegExp(
  `^(\\S+)\\s+([SF])([AP])\\s+(\\d+)\\s+([0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4})\\s+(?:(\\d+)s\\s+)?${HEX}\\s+${HEX}\\s+${HEX}\\s+${HEX}\\s*$`,
  'i',
);
/** Lines that carry no data: the flag legend and the two-line column header. */
const LEGEND = /^(Flags:|[SFAP] - Device|LACP port|Port\s+Flags\s+Priority)/;

const RATES: Readonly<Record<string, LacpNeighbor['rate']>> = { S: 'slow', F: 'fast' };

const macOf = (dotted: string) => dotted.replace(/\./g, '').toLowerCase().match(/../g)!.join(':');

export function parseLacpNeighbors(text: string): Parsed<LacpNeighbor[]> {
  const lines = text.split(/\r?\n/);
  const neighbors: LacpNeighbor[] = [];
  const warnings: ParseProblem[] = [];
  let group: number | undefined;

  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const content = raw.trim();
    if (isBlank(raw) || LEGEND.test(content) || /#\s*show lacp neighbor/.test(content)) continue;
    const header = /^Channel group (\d+) neighbors$/.exec(content);
    if (header) {
      group = Number(header[1]);
      continue;
    }
    const m = ROW.exec(content);
    if (!m) {
      warnings.push({ line, message: `skipped ${quoteInput(content)}` });
      continue;
    }
    if (group === undefined)
      return { ok: false, error: { line, message: 'a neighbor row before any "Channel group N neighbors" line' } };
    const [, port, rate, mode, priority, devId, age, adminKey, operKey, portNumber, stateHex] =
      m as unknown as string[];
    const state = decodeLacpState(Number.parseInt(stateHex!, 16));
    if (!state) return { ok: false, error: { line, message: `port state ${quoteInput(stateHex!)} is not a byte` } };
    neighbors.push({
      line,
      group,
      port: port!,
      rate: RATES[rate!.toUpperCase()]!,
      active: mode!.toUpperCase() === 'A',
      portPriority: Number(priority),
      systemMac: macOf(devId!),
      ageSeconds: age === undefined ? undefined : Number(age),
      adminKey: Number.parseInt(adminKey!, 16),
      operKey: Number.parseInt(operKey!, 16),
      portNumber: Number.parseInt(portNumber!, 16),
      state,
    });
  }
  if (group === undefined)
    return { ok: false, error: { message: 'no "Channel group N neighbors" line: not show lacp neighbor' } };
  return { ok: true, value: neighbors, warnings };
}
