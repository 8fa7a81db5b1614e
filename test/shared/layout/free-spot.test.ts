import { describe, expect, it } from 'vitest';
import { nearestFreeSpot, tooClose, type Box } from '../../../shared/layout/free-spot.js';

const size = { width: 100, height: 40 };

describe('nearestFreeSpot', () => {
  it('gives the asked spot when it is free', () => {
    expect(nearestFreeSpot({ x: 10, y: 20 }, size, [{ x: 300, y: 300, width: 50, height: 50 }], { gap: 8 })).toEqual({
      x: 10,
      y: 20,
    });
  });

  it('puts six boxes asked for at one point side by side, none closer than the gap to another', () => {
    const taken: Box[] = [];
    for (let i = 0; i < 6; i++) taken.push({ ...nearestFreeSpot({ x: 0, y: 0 }, size, taken, { gap: 16 }), ...size });
    for (const [i, a] of taken.entries())
      for (const b of taken.slice(i + 1)) expect(tooClose(a, b, 16), JSON.stringify([a, b])).toBe(false);
    // Each one is as near the asked point as the room allows: the first six spots lie within two boxes of it.
    for (const b of taken) expect(Math.hypot(b.x, b.y)).toBeLessThanOrEqual(2 * (size.width + 16));
  });

  it('takes the nearest side of the box in the way', () => {
    const wall = { x: 0, y: 0, width: 400, height: 100 };
    // Asked for just above the wall's bottom edge: the spot below is nearer than the one above.
    expect(nearestFreeSpot({ x: 50, y: 90 }, size, [wall], { gap: 10 })).toEqual({ x: 50, y: 110 });
    expect(nearestFreeSpot({ x: 50, y: -20 }, size, [wall], { gap: 10 })).toEqual({ x: 50, y: -50 });
  });

  it('never goes above or left of the minimum (a frame title bar and padding)', () => {
    expect(nearestFreeSpot({ x: -30, y: 5 }, size, [], { gap: 8, min: { x: 24, y: 48 } })).toEqual({ x: 24, y: 48 });
    const first = { x: 24, y: 48, ...size };
    const spot = nearestFreeSpot({ x: 0, y: 0 }, size, [first], { gap: 8, min: { x: 24, y: 48 } });
    expect(spot.x).toBeGreaterThanOrEqual(24);
    expect(spot.y).toBeGreaterThanOrEqual(48);
    expect(tooClose({ ...spot, ...size }, first, 8)).toBe(false);
  });
});
