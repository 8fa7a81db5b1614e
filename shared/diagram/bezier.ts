/**
 * The curve the canvas draws between a node's top (`from`) and another's
 * bottom (`to`): a cubic Bézier leaving upwards and arriving from below, its
 * control points as far out as half the height between the ends (a little
 * when the ends are level or the line runs downwards), like React Flow's
 * default edge.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Curve {
  /** SVG path data. */
  readonly path: string;
  /** The point at `t` (0 at `from`, 1 at `to`). */
  readonly at: (t: number) => Point;
}

const CURVATURE = 0.25;

function reach(distance: number): number {
  return distance >= 0 ? distance / 2 : CURVATURE * 25 * Math.sqrt(-distance);
}

const r = (n: number) => Math.round(n * 10) / 10;

export function bezier(from: Point, to: Point): Curve {
  const offset = reach(from.y - to.y);
  const c1 = { x: from.x, y: from.y - offset };
  const c2 = { x: to.x, y: to.y + offset };
  const at = (t: number): Point => {
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    return { x: a * from.x + b * c1.x + c * c2.x + d * to.x, y: a * from.y + b * c1.y + c * c2.y + d * to.y };
  };
  return {
    path: `M${r(from.x)},${r(from.y)} C${r(c1.x)},${r(c1.y)} ${r(c2.x)},${r(c2.y)} ${r(to.x)},${r(to.y)}`,
    at,
  };
}
