/**
 * Where new things go on the canvas and which moves are refused: new hosts
 * and switches take the free space nearest to where they were asked for,
 * new elements the free spot nearest the pointer inside their frame (where
 * the frame need not grow over another), an element dragged past its frame's
 * left or top edge grows the frame that way, and no frame may be moved or
 * grown over another.
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

/**
 * Where a drag leaves things, from where each dragged node lies on the canvas (`at`, absolute): rounded, and an
 * element dropped past its frame's left or top padding grows the frame that way: the frame moves left or up and its
 * other elements shift by as much, so only the dragged nodes move on screen. (Right and down a frame grows by itself:
 * it is sized around its elements.) Returns the places that change.
 */
export function dropPlaces(
  nodes: readonly AppNode[],
  at: ReadonlyMap<string, Position>,
  layout: Design['layout'],
): Record<string, Position> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const places = new Map<string, Position>();
  const growth = new Map<string, Position>();
  for (const [id, { x, y }] of at) {
    const frame = byId.get(byId.get(id)?.parentId ?? '');
    const place = frame
      ? { x: Math.round(x - frame.position.x), y: Math.round(y - frame.position.y) }
      : { x: Math.round(x), y: Math.round(y) };
    places.set(id, place);
    if (!frame) continue;
    const grow = growth.get(frame.id) ?? { x: 0, y: 0 };
    growth.set(frame.id, {
      x: Math.max(grow.x, FRAME_PADDING.left - place.x),
      y: Math.max(grow.y, FRAME_PADDING.top - place.y),
    });
  }
  for (const [frameId, grow] of growth) {
    if (grow.x === 0 && grow.y === 0) continue;
    const frame = byId.get(frameId)!;
    if (!places.has(frameId)) places.set(frameId, { x: frame.position.x - grow.x, y: frame.position.y - grow.y });
    for (const child of nodes) {
      if (child.parentId !== frameId) continue;
      const { x, y } = places.get(child.id) ?? child.position;
      places.set(child.id, { x: x + grow.x, y: y + grow.y });
    }
  }
  const changed: Record<string, Position> = {};
  for (const [id, { x, y }] of places) {
    const before = layout[id];
    if (before?.x !== x || before?.y !== y) changed[id] = { ...before, x, y };
  }
  return changed;
}

/** Whether the places a drag leaves (`dropPlaces`) may move a frame or grow one; if not, no overlap can be new. */
export function mayMoveFrames(nodes: readonly AppNode[], places: Readonly<Record<string, Position>>): boolean {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return Object.entries(places).some(([id, place]) => {
    const node = byId.get(id);
    const frame = byId.get(node?.parentId ?? '');
    if (!node || !frame) return true;
    return (
      place.x + (node.width ?? 0) + FRAME_PADDING.right > (frame.width ?? 0) ||
      place.y + (node.height ?? 0) + FRAME_PADDING.bottom > (frame.height ?? 0)
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
