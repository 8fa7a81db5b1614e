/**
 * Fresh ids and names for elements a person adds. Ids are readable
 * (`ms01-bond2`) and never reuse one the design already holds.
 */
import { indexDesign } from '../model/index-of.js';
import type { Design } from '../model/schema.js';

/** Every id the design uses, including layout-only ones. */
export function takenIds(design: Design): Set<string> {
  const ids = new Set(indexDesign(design).byId.keys());
  for (const id of Object.keys(design.layout)) ids.add(id);
  return ids;
}

/** Turns free text into id characters: `Tengigabitethernet1/0/17` -> `tengigabitethernet1-0-17`. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 60);
  return s === '' ? 'x' : s;
}

/** `base` if free, else `base-2`, `base-3`, ...; the chosen id is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  const root = slug(base);
  let id = root;
  for (let n = 2; taken.has(id); n++) id = `${root}-${n}`;
  taken.add(id);
  return id;
}

/** The first `prefix<N>` (N from `start`) not in `used`. */
export function nextNumbered(prefix: string, used: Iterable<string>, start = 0): string {
  const set = new Set(used);
  for (let n = start; ; n++) if (!set.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The smallest integer >= `start` not in `used`. */
export function nextFree(used: Iterable<number>, start: number): number {
  const set = new Set(used);
  let n = start;
  while (set.has(n)) n++;
  return n;
}
