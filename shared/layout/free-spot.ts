/**
 * Where a new box goes: the free spot nearest to where it was asked for,
 * so things dropped, clicked in or pasted at one point lie side by side
 * instead of on top of each other. Positions are top-left corners.
 */
import type { Size } from './sizes.js';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SpotRules {
  /** Space kept between the new box and every taken one. */
  readonly gap: number;
  /** The smallest top-left corner allowed (inside a frame: below its title bar, right of its padding). */
  readonly min?: { readonly x: number; readonly y: number };
  /** Any further condition a spot must meet (say, that the frame it grows stays clear of other frames). */
  readonly allows?: (spot: { x: number; y: number }) => boolean;
}

/** Whether two boxes overlap or come closer than `gap`. */
export function tooClose(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

/**
 * The top-left corner nearest to `want` (straight-line distance) where a box
 * of `size` keeps `gap` from every taken box, stays at or beyond `min` and
 * meets `allows` (when nothing does, `want` itself).
 * The nearest such spot either is `want` or touches a taken box's margin on
 * each axis where it moved, so those edges are the only candidates.
 */
export function nearestFreeSpot(
  want: { x: number; y: number },
  size: Size,
  taken: readonly Box[],
  rules: SpotRules,
): { x: number; y: number } {
  const min = rules.min ?? { x: -Infinity, y: -Infinity };
  const start = { x: Math.round(Math.max(want.x, min.x)), y: Math.round(Math.max(want.y, min.y)) };
  const xs = new Set([start.x]);
  const ys = new Set([start.y]);
  for (const t of taken) {
    xs.add(t.x + t.width + rules.gap).add(t.x - size.width - rules.gap);
    ys.add(t.y + t.height + rules.gap).add(t.y - size.height - rules.gap);
  }
  const candidates: { x: number; y: number; distance: number }[] = [];
  for (const x of xs)
    for (const y of ys)
      if (x >= min.x && y >= min.y) candidates.push({ x, y, distance: Math.hypot(x - start.x, y - start.y) });
  candidates.sort((a, b) => a.distance - b.distance || a.y - b.y || a.x - b.x);
  const free = candidates.find(
    (c) => !taken.some((t) => tooClose({ ...c, ...size }, t, rules.gap)) && (rules.allows?.(c) ?? true),
  );
  // Below the lowest taken box there is always room; only `allows` can rule every candidate out.
  return free ? { x: free.x, y: free.y } : start;
}
