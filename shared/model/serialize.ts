/**
 * Saved files diff well in git: keys in schema order (zod's output order),
 * record keys sorted, 2-space indent, trailing newline. Same design, same bytes.
 */
import { designParser, type Design } from './schema.js';

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function serializeDesign(design: Design): string {
  const canonical = designParser().parse(design);
  return `${JSON.stringify({ ...canonical, layout: sortRecord(canonical.layout) }, null, 2)}\n`;
}
