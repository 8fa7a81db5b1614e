/**
 * Parser for the `<ifname> <speed> <duplex>` lines the status script prints
 * from `/sys/class/net/<ifname>/{speed,duplex}`. The kernel answers -1 (or
 * EINVAL, printed as `?`) when a link is down or its speed is unknown.
 */
import type { Duplex } from './bonding-proc.js';
import { quoteInput, type Parsed } from './parse-result.js';

export interface SysfsLink {
  /** Mb/s; null when the kernel does not know (link down, virtual device). */
  readonly speedMbps: number | null;
  readonly duplex: Duplex | null;
}

/** `SPEED_UNKNOWN` is -1; printed through an unsigned type it is 4294967295. */
const UNKNOWN_SPEEDS = new Set(['?', '-1', '', '4294967295']);

function readSpeed(text: string): number | null | undefined {
  if (UNKNOWN_SPEEDS.has(text)) return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function readDuplex(text: string): Duplex | null | undefined {
  if (text === 'full' || text === 'half') return text;
  return text === 'unknown' || text === '?' || text === '' ? null : undefined;
}

export function parseSysfsLinks(text: string): Parsed<ReadonlyMap<string, SysfsLink>> {
  const links = new Map<string, SysfsLink>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const [name, speedText = '?', duplexText = '?', ...rest] = line.split(/\s+/);
    const speedMbps = readSpeed(speedText);
    const duplex = readDuplex(duplexText);
    if (!name || speedMbps === undefined || duplex === undefined || rest.length > 0) {
      return {
        ok: false,
        error: { line: i + 1, message: `expected "<interface> <speed> <duplex>", found ${quoteInput(line)}` },
      };
    }
    links.set(name, { speedMbps, duplex });
  }
  return { ok: true, value: links, warnings: [] };
}
