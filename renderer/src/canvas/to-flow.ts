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
import { networksOfCable } from '../../../shared/diagram/cable-networks.js';
import { detailContext, nodeLabel } from '../../../shared/diagram/describe.js';
import { placeDevices } from '../../../shared/diagram/geometry.js';
import { deviceRows } from '../../../shared/layout/sizes.js';
import { elementsIn, KIND_ENTRIES, kindTitle, type FrameKind } from '../../../shared/model/kinds/index.js';
import type { Design, Host, Position, Switch } from '../../../shared/model/schema.js';
import type { Diagnostic, Severity } from '../../../shared/validate/diagnostic.js';
import type { LiveSlice } from '../store/live.js';
import { rootCommands } from '../../../shared/model/root-commands.js';
import { visible } from '../../../shared/text/visible.js';
import type { AppEdge, AppNode, Decoration, Verbatim } from './flow-types.js';
import { FRAME_HANDLES, handlesOf } from './handles.js';

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

/** The verbatim lines an element or host carries, for its badge; nothing when there are none. */
function verbatimOf(lines: readonly string[]): { verbatim?: Verbatim } {
  return lines.length === 0 ? {} : { verbatim: { lines: lines.length, rootCommands: rootCommands(lines).length } };
}
const extraLinesOf = (element: object): readonly string[] =>
  'extraLines' in element && Array.isArray(element.extraLines) ? element.extraLines : [];

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
      ...(status
        ? {
            health: status.health,
            ...(status.reasons.length > 0
              ? { healthReason: status.reasons.map((r) => visible(r, { oneLine: true })).join('; ') }
              : {}),
            drift: (status.drift?.length ?? 0) > 0,
          }
        : {}),
    };
  };
  const context = detailContext(design);
  const nodes: AppNode[] = [];
  for (const { kind, device, position, size, children } of placeDevices(design)) {
    nodes.push({
      id: device.id,
      type: kind,
      position,
      width: size.width,
      height: size.height,
      // Sized and with handles up front, so React Flow can leave off-screen nodes out without drawing them once to measure.
      measured: size,
      handles: FRAME_HANDLES,
      selected: selection.has(device.id),
      data: { ...FRAME_DATA[kind](device as never), title: kindTitle(kind, device), ...decoration(device.id) },
    } as AppNode);
    for (const child of children) {
      nodes.push({
        id: child.element.id,
        type: child.kind,
        position: child.position,
        parentId: device.id,
        expandParent: true,
        width: child.size.width,
        height: child.size.height,
        measured: child.size,
        handles: handlesOf(child.kind, child.element, child.size),
        selected: selection.has(child.element.id),
        data: {
          element: child.element,
          ...nodeLabel(child.kind, child.element, context),
          ...verbatimOf(extraLinesOf(child.element)),
          ...decoration(child.element.id),
        },
      } as AppNode);
    }
  }
  return { nodes, edges: linksToEdges(design, badges, live, selection) };
}

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
      } else if (k === 'handles') {
        // They follow from the element (in `data`) and the size, both compared.
        continue;
      } else if (old[k] !== item[k]) return item;
    }
    return old;
  });
}
