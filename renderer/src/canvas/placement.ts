/**
 * Where new things go on the canvas and which moves are refused: new hosts
 * and switches take the free space nearest to where they were asked for,
 * new elements the free spot nearest the pointer inside their frame (where
 * the frame need not grow over another), and no frame may be moved or grown
 * over another.
 */
import { nearestFreeSpot, tooClose, type Box } from '../../../shared/layout/free-spot.js';
import { EMPTY_FRAME, FRAME_PADDING, NODE_SIZE, type NodeKind, type Size } from '../../../shared/layout/sizes.js';
import type { Design, Position } from '../../../shared/model/schema.js';
import type { AppNode } from './flow-types.js';
import { designToFlow } from './to-flow.js';

/** Space kept between elements in a frame, and between frames. */
const ELEMENT_GAP = 16;
const FRAME_GAP = 48;

const boxOf = (n: AppNode): Box => ({ ...n.position, width: n.width ?? 0, height: n.height ?? 0 });

/** The free spot nearest `want` (a top-left corner) for a new host or switch frame of `size`, away from frames other than `except`. */
export function frameSpot(
  nodes: readonly AppNode[],
  want: Position,
  size: Size = EMPTY_FRAME,
  except: ReadonlySet<string> = new Set(),
): Position {
  const frames = nodes.filter((n) => n.parentId === undefined && !except.has(n.id)).map(boxOf);
  return nearestFreeSpot(want, size, frames, { gap: FRAME_GAP });
}

/**
 * The free spot nearest `want` (relative to the frame) for a new element inside frame `deviceId`, clear of its
 * title bar and padding, where the frame, grown around it, stays clear of every other frame.
 */
export function elementSpot(nodes: readonly AppNode[], deviceId: string, kind: NodeKind, want: Position): Position {
  const siblings = nodes.filter((n) => n.parentId === deviceId).map(boxOf);
  const frame = nodes.find((n) => n.id === deviceId);
  const others = nodes.filter((n) => n.parentId === undefined && n.id !== deviceId).map(boxOf);
  const size = NODE_SIZE[kind];
  const grownClear = (spot: Position): boolean => {
    if (!frame) return true;
    const own = boxOf(frame);
    const grown = {
      ...own,
      width: Math.max(own.width, spot.x + size.width + FRAME_PADDING.right),
      height: Math.max(own.height, spot.y + size.height + FRAME_PADDING.bottom),
    };
    return !others.some((o) => tooClose(grown, o) && !tooClose(own, o));
  };
  return nearestFreeSpot(want, size, siblings, {
    gap: ELEMENT_GAP,
    min: { x: FRAME_PADDING.left, y: FRAME_PADDING.top },
    allows: grownClear,
  });
}

/** The design's nodes as the canvas lays them out (frames sized around their elements). */
export function nodesOf(design: Design): AppNode[] {
  return designToFlow({ design, badges: new Map(), live: {}, selection: new Set() }).nodes;
}

/** Pairs of frames that overlap, as `a|b` with ids in order. */
function overlaps(nodes: readonly AppNode[]): Set<string> {
  const frames = nodes.filter((n) => n.parentId === undefined);
  const pairs = new Set<string>();
  frames.forEach((a, i) =>
    frames.slice(i + 1).forEach((b) => {
      if (tooClose(boxOf(a), boxOf(b))) pairs.add([a.id, b.id].sort().join('|'));
    }),
  );
  return pairs;
}

/** Where a dragged node stays: rounded, and an element inside its frame's padding and below its title bar (the frame grows right and down only). */
export function dropped(node: AppNode): Position {
  const x = Math.round(node.position.x);
  const y = Math.round(node.position.y);
  return node.parentId === undefined
    ? { x, y }
    : { x: Math.max(x, FRAME_PADDING.left), y: Math.max(y, FRAME_PADDING.top) };
}

/** Whether moving `dragged` to where they are may move a frame or grow one (an element past its frame's padding); if not, no overlap can be new. */
export function mayMoveFrames(nodes: readonly AppNode[], dragged: readonly AppNode[]): boolean {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return dragged.some((n) => {
    const frame = n.parentId === undefined ? undefined : byId.get(n.parentId);
    if (!frame) return true;
    return (
      n.position.x + (n.width ?? 0) + FRAME_PADDING.right > (frame.width ?? 0) ||
      n.position.y + (n.height ?? 0) + FRAME_PADDING.bottom > (frame.height ?? 0)
    );
  });
}

/** The frames a change newly lays over one another (`host1 over switch1`), if any: such a move is refused. */
export function newOverlap(before: Design, after: Design): string | undefined {
  const old = overlaps(nodesOf(before));
  const nodes = nodesOf(after);
  const fresh = [...overlaps(nodes)].find((pair) => !old.has(pair));
  if (!fresh) return undefined;
  const title = (id: string) => nodes.find((n) => n.id === id)?.data.title ?? id;
  const [a, b] = fresh.split('|') as [string, string];
  return `${title(a)} would overlap ${title(b)}`;
}

/** Moves each given host or switch to the free spot nearest its place, so pasted frames do not land on others. */
export function spreadFrames(design: Design, ids: readonly string[]): Design {
  const moving = new Set(ids);
  let nodes = nodesOf(design);
  let layout = design.layout;
  for (const id of ids) {
    const node = nodes.find((n) => n.id === id && n.parentId === undefined);
    if (!node) continue;
    const spot = frameSpot(nodes, node.position, { width: node.width ?? 0, height: node.height ?? 0 }, moving);
    moving.delete(id);
    layout = { ...layout, [id]: { ...layout[id], ...spot } };
    nodes = nodes.map((n) => (n.id === id ? { ...n, position: spot } : n));
  }
  return { ...design, layout };
}
