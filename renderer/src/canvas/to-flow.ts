/**
 * The design as React Flow nodes and edges. Node id = element id; edge id =
 * cable id, NIC id, or the derived id of a membership. Hosts and switches are
 * frames (sub-flows): their elements are positioned relative to them, and a
 * frame is sized to hold its elements. Positions come from `design.layout`;
 * elements without one get a tidy default place until the next auto layout.
 */
import { HANDLE } from '../../../shared/edit/connect.js';
import { indexOf } from '../../../shared/edit/cached-index.js';
import { listLinks } from '../../../shared/edit/links.js';
import { linkEnds } from '../../../shared/layout/auto-layout.js';
import {
  deviceRows,
  EMPTY_FRAME,
  FRAME_PADDING,
  NODE_SIZE,
  type NodeKind,
  type Size,
} from '../../../shared/layout/sizes.js';
import { elementsIn, KIND_ENTRIES, kindEntry, kindTitle, type FrameKind } from '../../../shared/model/kinds/index.js';
import type { Design, Host, Position, Switch } from '../../../shared/model/schema.js';
import type { Diagnostic, Severity } from '../../../shared/validate/diagnostic.js';
import type { LiveSlice } from '../store/live.js';
import { networksOfCable } from './cable-vlans.js';
import { rootCommands } from '../../../shared/model/root-commands.js';
import type { AppEdge, AppNode, Decoration, Verbatim } from './flow-types.js';
import { ACCENT, DETAIL, NODE_TITLE, type DetailContext } from './nodes/describe.js';

/** Frame kinds (hosts, switches) in registry order. */
const FRAMES = KIND_ENTRIES.filter((k) => k.frame);

export interface Badge {
  readonly count: number;
  readonly worst: Severity;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Problem count and worst severity per element id, counting each diagnostic once per element it names. */
export function badgesOf(diagnostics: readonly Diagnostic[]): Map<string, Badge> {
  const badges = new Map<string, Badge>();
  for (const d of diagnostics) {
    for (const id of new Set(d.elements)) {
      const b = badges.get(id);
      badges.set(id, {
        count: (b?.count ?? 0) + 1,
        worst: b && RANK[b.worst] <= RANK[d.severity] ? b.worst : d.severity,
      });
    }
  }
  return badges;
}

export interface FlowInputs {
  readonly design: Design;
  readonly badges: ReadonlyMap<string, Badge>;
  readonly live: LiveSlice;
  readonly selection: ReadonlySet<string>;
}

const GAP = 24;
const DEVICE_GAP = 96;

/** Default place of the i-th element of a row inside a frame. */
function slot(row: number, i: number, size: Size, rowHeights: readonly number[]): Position {
  const y = FRAME_PADDING.top + rowHeights.slice(0, row).reduce((sum, h) => sum + h + GAP * 2, 0);
  return { x: FRAME_PADDING.left + i * (size.width + GAP), y };
}

type Child = { id: string; type: NodeKind; data: Record<string, unknown> };

/** The verbatim lines an element or host carries, for its badge; nothing when there are none. */
function verbatimOf(lines: readonly string[]): { verbatim?: Verbatim } {
  return lines.length === 0 ? {} : { verbatim: { lines: lines.length, rootCommands: rootCommands(lines).length } };
}
const extraLinesOf = (element: object): readonly string[] =>
  'extraLines' in element && Array.isArray(element.extraLines) ? element.extraLines : [];

/** A device's element nodes, row by row from the top, with the title and detail each shows. */
function deviceChildren(frame: FrameKind, device: object, design: Design): Child[][] {
  const networkColour = new Map(design.networks.map((n) => [n.vlan, n.colour]));
  const channels = new Map(
    design.switches.flatMap((sw) => sw.portChannels.flatMap((pc) => pc.members.map((m) => [m, pc.number] as const))),
  );
  const vendors = new Map(design.switches.flatMap((sw) => sw.ports.map((port) => [port.id, sw.vendor] as const)));
  const context: DetailContext = {
    channelOf: (id) => channels.get(id),
    vendorOf: (id) => vendors.get(id),
    colourOf: (vlan) => networkColour.get(vlan),
  };
  return deviceRows(frame, device).map((row) =>
    row.map(({ kind, element }) => {
      const describe = DETAIL[kind] as ((e: unknown, c: DetailContext) => string) | undefined;
      const shortTitle = NODE_TITLE[kind] as ((e: unknown, c: DetailContext) => string) | undefined;
      const accent = (ACCENT[kind] as ((e: unknown, c: DetailContext) => string | undefined) | undefined)?.(
        element,
        context,
      );
      return {
        id: element.id,
        type: kind,
        data: {
          element,
          title: shortTitle ? shortTitle(element, context) : kindTitle(kind, element),
          detail: describe ? describe(element, context) : kindEntry(kind).label,
          ...(accent !== undefined ? { accent } : {}),
          ...verbatimOf(extraLinesOf(element)),
        },
      };
    }),
  );
}

/** Data of a frame node, by frame kind. */
const FRAME_DATA: Record<FrameKind, (device: never) => Record<string, unknown>> = {
  host: (host: Host) => ({ host, ...verbatimOf(host.unmanaged.flat()) }),
  switch: (sw: Switch) => ({ sw }),
};

export function designToFlow({ design, badges, live, selection }: FlowInputs): { nodes: AppNode[]; edges: AppEdge[] } {
  const decoration = (id: string): Decoration => {
    const badge = badges.get(id);
    const status = live[id];
    return {
      problems: badge?.count ?? 0,
      ...(badge ? { worst: badge.worst } : {}),
      ...(status ? { health: status.health, drift: (status.drift?.length ?? 0) > 0 } : {}),
    };
  };
  const devices: { id: string; type: FrameKind; data: Record<string, unknown>; rows: Child[][] }[] = FRAMES.flatMap(
    (frame) =>
      elementsIn(design, frame).map((device) => ({
        id: device.id,
        type: frame.id as FrameKind,
        data: { ...FRAME_DATA[frame.id as FrameKind](device as never), title: kindTitle(frame.id, device) },
        rows: deviceChildren(frame.id as FrameKind, device, design),
      })),
  );

  const nodes: AppNode[] = [];
  // Devices without a place go in one row per frame kind (hosts, then switches below).
  const rowBottom = new Map<FrameKind, number>();
  const placed: { device: (typeof devices)[number]; children: AppNode[]; size: Size }[] = [];
  for (const device of devices) {
    const nonEmpty = device.rows;
    const rowHeights = nonEmpty.map((r) => NODE_SIZE[r[0]!.type].height);
    const children: AppNode[] = [];
    let right = EMPTY_FRAME.width;
    let bottom = EMPTY_FRAME.height;
    nonEmpty.forEach((row, r) =>
      row.forEach((child, i) => {
        const size = NODE_SIZE[child.type];
        const position = pick(design.layout[child.id]) ?? slot(r, i, size, rowHeights);
        right = Math.max(right, position.x + size.width + FRAME_PADDING.right);
        bottom = Math.max(bottom, position.y + size.height + FRAME_PADDING.bottom);
        children.push({
          id: child.id,
          type: child.type,
          position,
          parentId: device.id,
          expandParent: true,
          width: size.width,
          height: size.height,
          selected: selection.has(child.id),
          data: { ...child.data, ...decoration(child.id) },
        } as AppNode);
      }),
    );
    placed.push({ device, children, size: { width: right, height: bottom } });
    rowBottom.set(device.type, Math.max(rowBottom.get(device.type) ?? 0, bottom));
  }
  const rowTop = new Map<FrameKind, number>();
  const rowX = new Map<FrameKind, number>();
  let top = 0;
  for (const frame of FRAMES) {
    const kind = frame.id as FrameKind;
    rowTop.set(kind, top);
    top += (rowBottom.get(kind) ?? 0) + DEVICE_GAP * 2;
  }
  for (const { device, children, size } of placed) {
    let position = pick(design.layout[device.id]);
    if (!position) {
      const x = rowX.get(device.type) ?? 0;
      position = { x, y: rowTop.get(device.type)! };
      rowX.set(device.type, x + size.width + DEVICE_GAP);
    }
    nodes.push({
      id: device.id,
      type: device.type,
      position,
      width: size.width,
      height: size.height,
      selected: selection.has(device.id),
      data: { ...device.data, ...decoration(device.id) },
    } as AppNode);
    nodes.push(...children);
  }
  return { nodes, edges: linksToEdges(design, badges, live, selection) };
}

const pick = (p: Position | undefined): Position | undefined => (p ? { x: p.x, y: p.y } : undefined);

/** Edge type of each link kind: elements that are links say theirs; memberships are `member` edges. */
const EDGE_TYPE = new Map<string, AppEdge['type']>(
  KIND_ENTRIES.flatMap((k) => (k.link ? [[k.link.kind, k.link.edge] as const] : [])),
);

function linksToEdges(
  design: Design,
  badges: ReadonlyMap<string, Badge>,
  live: LiveSlice,
  selection: ReadonlySet<string>,
): AppEdge[] {
  const index = indexOf(design);
  const colourOf = (vlan: number | undefined) =>
    vlan === undefined ? undefined : design.networks.find((n) => n.vlan === vlan)?.colour;
  return listLinks(design).map((link): AppEdge => {
    const selected = selection.has(link.id);
    const badge = badges.get(link.id);
    const problems = { problems: badge?.count ?? 0, ...(badge ? { worst: badge.worst } : {}) };
    // Every edge runs from the lower element's top handle to the upper element's bottom handle.
    const { upper, lower } = linkEnds(index, link);
    const ends = {
      id: link.id,
      source: lower,
      sourceHandle: HANDLE.up,
      target: upper,
      targetHandle: HANDLE.down,
      selected,
    };
    switch (EDGE_TYPE.get(link.kind) ?? 'member') {
      case 'cable': {
        const networks = networksOfCable(design, link.source, link.target).sort((a, b) => a.vlan - b.vlan);
        const health = live[link.id]?.health ?? live[link.source]?.health;
        return {
          ...ends,
          type: 'cable',
          data: {
            colours: networks.map((n) => n.colour),
            vlans: networks.map((n) => n.vlan).join(', '),
            ...problems,
            ...(health ? { health } : {}),
          },
        };
      }
      case 'nic': {
        const tag = index.get(link.id, 'vm-nic')?.element.tag;
        const colour = colourOf(tag);
        return {
          ...ends,
          type: 'nic',
          targetHandle: link.id,
          data: { ...(tag !== undefined ? { tag } : {}), ...(colour ? { colour } : {}), ...problems },
        };
      }
      default: {
        const health = live[link.source]?.health;
        return { ...ends, type: 'member', data: health ? { health } : {} };
      }
    }
  });
}

/** Every node id (devices and their elements), in canvas order. */
export function nodeIdsOf(design: Design): string[] {
  return FRAMES.flatMap((frame) =>
    elementsIn(design, frame).flatMap((device) => [
      device.id,
      ...deviceRows(frame.id as FrameKind, device)
        .flat()
        .map((n) => n.element.id),
    ]),
  );
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Keeps the previous node or edge object wherever nothing it shows changed,
 * so React Flow and the memoised node components skip it.
 */
export function reuseUnchanged<T extends AppNode | AppEdge>(previous: readonly T[], next: readonly T[]): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = before.get(item.id);
    if (!old) return item;
    const keys = new Set([...Object.keys(old), ...Object.keys(item)]) as Set<keyof T>;
    for (const k of keys) {
      if (k === 'data') {
        if (!sameData(old.data as Record<string, unknown>, item.data as Record<string, unknown>)) return item;
      } else if (k === 'position' || k === 'measured') {
        const a = old[k] as Position | undefined;
        const b = item[k] as Position | undefined;
        if (k === 'position' && (a?.x !== b?.x || a?.y !== b?.y)) return item;
      } else if (old[k] !== item[k]) return item;
    }
    return old;
  });
}
