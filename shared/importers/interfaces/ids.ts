/** Readable, stable element ids for imported interfaces: `<host>-<ifname>`, fitted to the Id pattern. */

const MAX = 80;

export function sanitizeId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned === '' ? 'x' : cleaned).slice(0, MAX);
}

/** Hands out ids, adding `-2`, `-3`... when two names sanitise to the same id. */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.used.add(id);
  }

  take(wanted: string): string {
    const base = sanitizeId(wanted);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base.slice(0, MAX - String(n).length - 1)}-${n}`;
    this.used.add(id);
    return id;
  }
}
