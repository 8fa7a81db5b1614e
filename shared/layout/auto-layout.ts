/**
 * Automatic layout with ELK's layered algorithm: the stack reads top to
 * bottom in the rows the kind registry gives (VMs, bridges, VLAN interfaces,
 * bonds, ports), cables run down to the switches, port-channels sit under
 * their member ports. Positions of elements inside a host or switch are
 * relative to it, as on the canvas. ELK (a large bundle) is loaded on first
 * use; `arrangeDevice` (the row placement, used alone for imported hosts)
 * needs no ELK.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { indexOf } from '../edit/cached-index.js';
import { listLinks, type Link } from '../edit/links.js';
import type { DesignIndex } from '../model/index-of.js';
import { elementsIn, kindEntry, KIND_ENTRIES, type FrameKind, type Located } from '../model/kinds/index.js';
import type { Design, Position } from '../model/schema.js';
import { deviceRows, EMPTY_FRAME, FRAME_PADDING, NODE_SIZE, type Size } from './sizes.js';

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.nodeNode': '28',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
};

const FRAME = {
  ...LAYERED,
  'elk.partitioning.activate': 'true',
  'elk.padding': `[top=${FRAME_PADDING.top},left=${FRAME_PADDING.left},bottom=${FRAME_PADDING.bottom},right=${FRAME_PADDING.right}]`,
  'elk.nodeSize.minimum': `(${EMPTY_FRAME.width}, ${EMPTY_FRAME.height})`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

/** Frames from the top of the canvas (hosts above switches), in registry order. */
const FRAMES = KIND_ENTRIES.filter((k) => k.frame);
const FRAME_ORDER = FRAMES.map((k) => k.id);

/** How far down the canvas an element sits: its frame kind first, then its row in the frame. */
function depth(located: Located | undefined): number {
  if (!located) return 0;
  const kind = kindEntry(located.kind);
  return FRAME_ORDER.indexOf(kind.owner as FrameKind) * 100 + (kind.canvas?.row ?? 0);
}

/** The link's ends as (upper, lower) on the canvas. */
export function linkEnds(index: DesignIndex, link: Link): { readonly upper: string; readonly lower: string } {
  const sourceBelow = depth(index.byId.get(link.source)) > depth(index.byId.get(link.target));
  return sourceBelow ? { upper: link.target, lower: link.source } : { upper: link.source, lower: link.target };
}

/** The link as an ELK edge pointing down the stack. */
function downward(index: DesignIndex, link: Link): ElkExtendedEdge {
  const { upper, lower } = linkEnds(index, link);
  return { id: link.id, sources: [upper], targets: [lower] };
}

/** A device's nodes with their sizes, row by row from the top. */
function rowsOf(design: Design, deviceId: string): { id: string; width: number; height: number }[][] {
  const device = indexOf(design).byId.get(deviceId);
  if (!device || kindEntry(device.kind).frame !== true) return [];
  return deviceRows(device.kind as FrameKind, device.element).map((row) =>
    row.map((n) => ({ id: n.element.id, ...NODE_SIZE[n.kind] })),
  );
}

const ROW_GAP = 56;
const COLUMN_GAP = 24;
const DEVICE_GAP = 96;

/**
 * ELK finds an order; this puts each kind on its row (VMs, bridges, VLAN
 * interfaces, bonds, ports; switch ports above port-channels). Rows start in
 * reading order of `positions` (document order where there are none), a few
 * barycentre sweeps keep members under their bond or port-channel, the widest
 * row is packed and the others are centred on their neighbours. Writes the
 * positions and returns the frame size that holds them.
 */
export function arrangeDevice(design: Design, deviceId: string, positions: Record<string, Position>): Size {
  const neighbours = new Map<string, string[]>();
  for (const link of listLinks(design).filter((l) => l.device === deviceId)) {
    neighbours.set(link.source, [...(neighbours.get(link.source) ?? []), link.target]);
    neighbours.set(link.target, [...(neighbours.get(link.target) ?? []), link.source]);
  }
  const reading = (a: { id: string }, b: { id: string }) =>
    (positions[a.id]?.y ?? 0) - (positions[b.id]?.y ?? 0) || (positions[a.id]?.x ?? 0) - (positions[b.id]?.x ?? 0);
  const rows = rowsOf(design, deviceId)
    .filter((r) => r.length > 0)
    .map((r) => [...r].sort(reading));
  if (rows.length === 0) return EMPTY_FRAME;
  const rank = new Map<string, number>();
  const rankRow = (row: readonly { id: string }[]) => row.forEach((n, i) => rank.set(n.id, i));
  rows.forEach(rankRow);
  const sortByNeighbours = (row: { id: string }[], from: readonly { id: string }[]) => {
    const inFrom = new Set(from.map((n) => n.id));
    const key = (id: string) => {
      const around = (neighbours.get(id) ?? []).filter((n) => inFrom.has(n));
      return around.length === 0 ? rank.get(id)! : around.reduce((sum, n) => sum + rank.get(n)!, 0) / around.length;
    };
    const keys = new Map(row.map((n) => [n.id, key(n.id)]));
    row.sort((a, b) => keys.get(a.id)! - keys.get(b.id)!);
    rankRow(row);
  };
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let r = 1; r < rows.length; r++) sortByNeighbours(rows[r]!, rows[r - 1]!);
    for (let r = rows.length - 2; r >= 0; r--) sortByNeighbours(rows[r]!, rows[r + 1]!);
  }

  const widthOf = (row: readonly { width: number }[]) =>
    row.reduce((sum, n) => sum + n.width + COLUMN_GAP, -COLUMN_GAP);
  const widest = rows.reduce((best, row, r) => (widthOf(row) > widthOf(rows[best]!) ? r : best), 0);
  const centre = new Map<string, number>();
  const place = (r: number) => {
    let cursor: number = FRAME_PADDING.left;
    for (const node of rows[r]!) {
      const placed = (neighbours.get(node.id) ?? []).filter((n) => centre.has(n));
      const wanted =
        placed.length === 0
          ? cursor
          : Math.round(placed.reduce((sum, n) => sum + centre.get(n)!, 0) / placed.length - node.width / 2);
      const x = Math.max(cursor, wanted);
      centre.set(node.id, x + node.width / 2);
      positions[node.id] = { x, y: 0 };
      cursor = x + node.width + COLUMN_GAP;
    }
  };
  place(widest);
  for (let r = widest - 1; r >= 0; r--) place(r);
  for (let r = widest + 1; r < rows.length; r++) place(r);

  let y: number = FRAME_PADDING.top;
  let right: number = EMPTY_FRAME.width;
  for (const row of rows) {
    for (const node of row) {
      positions[node.id] = { x: positions[node.id]!.x, y };
      right = Math.max(right, positions[node.id]!.x + node.width + FRAME_PADDING.right);
    }
    y += Math.max(...row.map((n) => n.height)) + ROW_GAP;
  }
  return { width: right, height: Math.max(EMPTY_FRAME.height, y - ROW_GAP + FRAME_PADDING.bottom) };
}

/** A device's elements as ELK nodes, each kind in its own partition so that a row is one layer. */
function deviceChildren(design: Design, deviceId: string): ElkNode[] {
  return rowsOf(design, deviceId).flatMap((row, r) =>
    row.map((n) => ({ ...n, layoutOptions: { 'elk.partitioning.partition': String(r) } })),
  );
}

function collect(node: ElkNode, into: Record<string, Position>, withSize: boolean): void {
  for (const child of node.children ?? []) {
    const at: Position = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
    if (withSize && child.children)
      into[child.id] = { ...at, width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) };
    else into[child.id] = at;
    collect(child, into, false);
  }
}

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | undefined;

/** ELK, loaded once on first use. */
function loadElk(): Promise<Elk> {
  // elkjs is CommonJS: Node and bundlers expose its constructor as `default`.
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new (m as unknown as { default: new () => Elk }).default());
  return elk;
}

/** Positions for every node of the design. */
export async function layoutDesign(design: Design): Promise<Record<string, Position>> {
  const frameRows = FRAMES.map((k) => elementsIn(design, k).map((e) => e.id));
  const devices = frameRows.flat();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      ...LAYERED,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '80',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
    },
    children: devices.map((id) => ({ id, layoutOptions: FRAME, children: deviceChildren(design, id) })),
    edges: listLinks(design).map((l) => downward(indexOf(design), l)),
  };
  const out: Record<string, Position> = {};
  collect(await (await loadElk()).layout(graph), out, true);
  // Hosts in one row, switches in a row below (frame kinds in registry order), each in ELK's order.
  const sizes = new Map(devices.map((id) => [id, arrangeDevice(design, id, out)]));
  let top = 0;
  for (const row of frameRows) {
    const ordered = [...row].sort((a, b) => (out[a]?.x ?? 0) - (out[b]?.x ?? 0));
    let x = 0;
    for (const id of ordered) {
      const size = sizes.get(id)!;
      x = Math.max(x, Math.round(out[id]?.x ?? 0));
      out[id] = { x, y: top, ...size };
      x += size.width + DEVICE_GAP;
    }
    if (ordered.length > 0) top += Math.max(...ordered.map((id) => sizes.get(id)!.height)) + DEVICE_GAP * 1.5;
  }
  return out;
}

/** Positions for the elements inside one host or switch (the device itself stays where it is). */
export async function layoutDevice(design: Design, deviceId: string): Promise<Record<string, Position>> {
  const graph: ElkNode = {
    id: deviceId,
    layoutOptions: FRAME,
    children: deviceChildren(design, deviceId),
    edges: listLinks(design)
      .filter((l) => l.device === deviceId)
      .map((l) => downward(indexOf(design), l)),
  };
  const out: Record<string, Position> = {};
  collect(await (await loadElk()).layout(graph), out, false);
  arrangeDevice(design, deviceId, out);
  return out;
}
