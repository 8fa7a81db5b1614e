/**
 * Tables as switch CLIs print them: a header, a ruler of dashes, then rows
 * whose columns start where the ruler's dash runs start. Cells are cut at
 * those offsets, so a cell may hold spaces (a port description).
 */

/** Start offsets of the ruler's dash runs (`---- ------+---` -> [0, 5, 12]). */
export function rulerColumns(ruler: string): number[] {
  const starts: number[] = [];
  for (const m of ruler.matchAll(/-+/g)) starts.push(m.index);
  return starts;
}

/** A ruler line: dashes, with spaces or `+` between the runs. */
export const isRuler = (line: string): boolean => /^\s*-[-+\s]*$/.test(line) && line.includes('--');

/** The line cut at the column starts, each cell trimmed (the last one runs to the end of the line). */
export function cutColumns(line: string, starts: readonly number[]): string[] {
  return starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trim());
}

/** A line with nothing but whitespace on it. */
export const isBlank = (line: string): boolean => line.trim() === '';

/** What is wrong with one row; the parser turns it into an error naming the line. */
export class RowError extends Error {}

/** The value a closed set of words maps to, or a `RowError` listing the words. */
export function pickCell<T>(table: Readonly<Record<string, T>>, cell: string, what: string): T {
  if (!Object.hasOwn(table, cell))
    throw new RowError(`${what} ${JSON.stringify(cell)} is not one of ${Object.keys(table).join(', ')}`);
  return table[cell]!;
}
