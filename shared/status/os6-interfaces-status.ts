/**
 * Parser for Dell EMC OS6 (N-series) `show interfaces status`: the port table
 * (port, description, duplex, speed, negotiation, link state, flow control,
 * switchport mode, VLANs), the out-of-band port, and the port-channel table.
 * Columns are cut at the ruler's offsets because descriptions hold spaces.
 * Written from the Dell EMC Networking N-Series CLI Reference and asserted on
 * the dellemc.os6 collection's fixture in the corpus.
 */
import { quoteInput, type Parsed, type ParseProblem } from './parse-result.js';
import { cutColumns, isBlank, isRuler, pickCell, rulerColumns, RowError } from './ruled-table.js';

export type SwitchLinkState = 'up' | 'down';
/** OS6's `M` column: A(ccess), T(runk), G(eneral). */
export type Os6SwitchportMode = 'access' | 'trunk' | 'general';

export interface Os6PortStatus {
  readonly line: number;
  /** As printed: `Te1/0/1`, `Fo1/1/2`. */
  readonly port: string;
  /** Cut to the column's width by the switch (15 characters). */
  readonly description?: string;
  /** `detach`: a port of a module that is not present (the rest of the row is N/A). */
  readonly link: SwitchLinkState | 'detach';
  readonly duplex: 'full' | 'half' | null;
  /** null for `Unknown` / `N/A`. */
  readonly speedMbps: number | null;
  readonly autoNegotiation: boolean | null;
  readonly flowControl: boolean | null;
  readonly mode?: Os6SwitchportMode;
  /** As printed: `(1),2-4096` (parentheses mark the native VLAN of a trunk). */
  readonly vlans?: string;
}

export interface Os6PortChannelStatus {
  readonly line: number;
  readonly portChannel: number;
  readonly description?: string;
  readonly link: SwitchLinkState;
  readonly mode?: Os6SwitchportMode;
  readonly vlans?: string;
}

export interface Os6InterfacesStatus {
  readonly ports: Os6PortStatus[];
  readonly portChannels: Os6PortChannelStatus[];
}

const MODES: Readonly<Record<string, Os6SwitchportMode>> = { A: 'access', T: 'trunk', G: 'general' };
const LINKS: Readonly<Record<string, SwitchLinkState | 'detach'>> = { Up: 'up', Down: 'down', Detach: 'detach' };
const DUPLEX: Readonly<Record<string, 'full' | 'half' | null>> = { Full: 'full', Half: 'half', 'N/A': null };
const ON_OFF: Readonly<Record<string, boolean | null>> = { On: true, Off: false, Auto: true, 'N/A': null };

type Section = 'ports' | 'oob' | 'port-channels';

/** How many columns each table has. */
const COLUMNS: Readonly<Record<Section, number>> = { ports: 9, oob: 3, 'port-channels': 5 };

/** Which table a header opens, from its first line. */
function sectionOf(header: string): Section | undefined {
  if (/^Port\s+Description\s+Duplex\b/.test(header)) return 'ports';
  if (/^Port\s+Description\s+Link\b/.test(header)) return 'port-channels';
  if (/^Oob\s/.test(header)) return 'oob';
  return undefined;
}

function speedOf(cell: string): number | null {
  if (cell === 'Unknown' || cell === 'N/A') return null;
  if (!/^\d+$/.test(cell)) throw new RowError(`speed ${quoteInput(cell)} is not a number of Mb/s, Unknown or N/A`);
  return Number(cell);
}

const optional = (cell: string) => (cell === '' ? undefined : cell);
const modeOf = (cell: string) => (cell === '' ? undefined : pickCell(MODES, cell, 'mode'));

function portRow(cells: string[], line: number): Os6PortStatus {
  const [port, description, duplex, speed, neg, link, flow, mode, vlans] = cells as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    line,
    port,
    description: optional(description),
    link: pickCell(LINKS, link, 'link state'),
    duplex: pickCell(DUPLEX, duplex, 'duplex'),
    speedMbps: speedOf(speed),
    autoNegotiation: pickCell(ON_OFF, neg, 'negotiation'),
    flowControl: flow === '' ? null : pickCell(ON_OFF, flow, 'flow control'),
    mode: modeOf(mode),
    vlans: optional(vlans),
  };
}

function portChannelRow(cells: string[], line: number): Os6PortChannelStatus {
  const [name, description, link, mode, vlans] = cells as [string, string, string, string, string];
  const number = /^Po(\d+)$/.exec(name);
  if (!number) throw new RowError(`${quoteInput(name)} is not a port-channel name (Po<n>)`);
  const state = pickCell(LINKS, link, 'link state');
  if (state === 'detach') throw new RowError('a port-channel cannot be detached');
  return {
    line,
    portChannel: Number(number[1]),
    description: optional(description),
    link: state,
    mode: modeOf(mode),
    vlans: optional(vlans),
  };
}

export function parseOs6InterfacesStatus(text: string): Parsed<Os6InterfacesStatus> {
  const lines = text.split(/\r?\n/);
  const value: Os6InterfacesStatus = { ports: [], portChannels: [] };
  const warnings: ParseProblem[] = [];
  let section: Section | undefined;
  let columns: number[] = [];
  let header: string | undefined;
  let sawTable = false;

  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (isBlank(raw)) {
      section = undefined;
      header = undefined;
      continue;
    }
    if (isRuler(raw)) {
      if (header === undefined) return { ok: false, error: { line, message: 'a ruler without a header above it' } };
      section = sectionOf(header);
      if (section === undefined) warnings.push({ line, message: `skipped a table headed ${quoteInput(header)}` });
      columns = rulerColumns(raw);
      if (section !== undefined && columns.length !== COLUMNS[section]) {
        return {
          ok: false,
          error: { line, message: `the ${section} table has ${columns.length} columns, expected ${COLUMNS[section]}` },
        };
      }
      sawTable ||= section === 'ports';
      header = undefined;
      continue;
    }
    if (section === undefined) {
      header ??= raw.trimEnd();
      continue;
    }
    if (section === 'oob') continue;
    try {
      const cells = cutColumns(raw, columns);
      if (section === 'ports') value.ports.push(portRow(cells, line));
      else value.portChannels.push(portChannelRow(cells, line));
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      return { ok: false, error: { line, message: e.message } };
    }
  }
  if (!sawTable)
    return {
      ok: false,
      error: {
        message: 'no port table (a "Port Description Duplex ..." header and its ruler): not OS6 show interfaces status',
      },
    };
  return { ok: true, value, warnings };
}
