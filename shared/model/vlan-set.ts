/**
 * Sets of VLAN ids written the way engineers write them: `1-239,241-255`.
 * The canonical text form is sorted, merged and comma-separated; each target
 * formats it for its own syntax.
 */

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

/** An inclusive range of VLAN ids, `from <= to`. */
export interface VlanRange {
  readonly from: number;
  readonly to: number;
}

export class VlanSetSyntaxError extends Error {}

function parseVlanId(text: string): number {
  if (!/^\d{1,4}$/.test(text)) throw new VlanSetSyntaxError(`"${text}" is not a VLAN id`);
  const id = Number(text);
  if (id < VLAN_MIN || id > VLAN_MAX) {
    throw new VlanSetSyntaxError(`VLAN id ${id} is outside ${VLAN_MIN}-${VLAN_MAX}`);
  }
  return id;
}

/** Parses `10,20-30 40` (commas and/or spaces) into merged, sorted ranges. */
export function parseVlanSet(text: string): VlanRange[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new VlanSetSyntaxError('empty VLAN list');
  const ranges = parts.map((part) => {
    const m = /^(\d+)-(\d+)$/.exec(part);
    if (!m) {
      const id = parseVlanId(part);
      return { from: id, to: id };
    }
    const from = parseVlanId(m[1]!);
    const to = parseVlanId(m[2]!);
    if (from > to) throw new VlanSetSyntaxError(`range "${part}" runs backwards`);
    return { from, to };
  });
  return normalizeRanges(ranges);
}

/**
 * `parseVlanSet` for lists read over and over (every trunk and bridge of a large design
 * repeats a few texts): parsed once per text; the ranges are shared, never to be changed.
 * Past `SHARED_SETS` texts the cache starts afresh, so it stays small in a long session.
 */
const sharedSets = new Map<string, readonly VlanRange[]>();
const SHARED_SETS = 4096;

export function sharedVlanSet(text: string): readonly VlanRange[] {
  let ranges = sharedSets.get(text);
  if (!ranges) {
    ranges = parseVlanSet(text);
    if (sharedSets.size >= SHARED_SETS) sharedSets.clear();
    sharedSets.set(text, ranges);
  }
  return ranges;
}

export function normalizeRanges(ranges: readonly VlanRange[]): VlanRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: VlanRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

export function formatVlanSet(ranges: readonly VlanRange[], separator = ','): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(separator);
}

export function vlanSetFromIds(ids: Iterable<number>): VlanRange[] {
  return normalizeRanges([...ids].map((id) => ({ from: id, to: id })));
}

export function vlanSetHas(ranges: readonly VlanRange[], id: number): boolean {
  return ranges.some((r) => id >= r.from && id <= r.to);
}

export const ALL_VLANS: readonly VlanRange[] = [{ from: VLAN_MIN, to: VLAN_MAX }];
