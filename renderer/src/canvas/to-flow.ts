/**
 * The design as React Flow nodes and edges. Node id = element id; edge id =
 * cable id, NIC id, or the derived id of a membership. Hosts and switches are
 * frames (sub-flows): their elements are positioned relative to them, and a
 * frame is sized to hold its elements. Positions come from `design.layout`;
 * elements without one get a tidy default place until the next auto layout.
 */
import { HANDLE } from '../../../shared/edit/connect.js';
import { listLinks } from '../../../shared/edit/links.js';
import { EMPTY_FRAME, FRAME_PADDING, NODE_SIZE, type Size } from '../../../shared/layout/sizes.js';
import type { Design, Host, Position, Switch } from '../../../shared/model/schema.js';
import type { Diagnostic, Severity } from '../../../shared/validate/diagnostic.js';
import type { LiveSlice } from '../store/live.js';
import { networksOfCable } from './cable-vlans.js';
import type { AppEdge, AppNode, Decoration } from './flow-types.js';

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

type Child = { id: string; type: Exclude<AppNode['type'], 'host' | 'switch'>; data: Record<string, unknown> };

function hostChildren(host: Host, design: Design): Child[][] {
  const colour = (vlan: number) => design.networks.find((n) => n.vlan === vlan)?.colour;
  const cabled = new Set(design.cables.map((c) => c.hostPort));
  return [
    host.vms.map((vm) => ({ id: vm.id, type: 'vm' as const, data: { vm } })),
    host.bridges.map((bridge) => ({ id: bridge.id, type: 'bridge' as const, data: { bridge } })),
    host.vlans.map((vlan) => ({ id: vlan.id, type: 'vlan' as const, data: { vlan, colour: colour(vlan.vlan) } })),
    host.bonds.map((bond) => ({ id: bond.id, type: 'bond' as const, data: { bond } })),
    host.ports.map((port) => ({ id: port.id, type: 'port' as const, data: { port, cabled: cabled.has(port.id) } })),
  ];
}

function switchChildren(sw: Switch, design: Design): Child[][] {
  const cabled = new Set(design.cables.map((c) => c.switchPort));
  const channelOf = new Map(sw.portChannels.flatMap((pc) => pc.members.map((m) => [m, pc.number] as const)));
  return [
    sw.ports.map((port) => ({ id: port.id, type: 'switch-port' as const, data: { port, vendor: sw.vendor, cabled: cabled.has(port.id), ...(channelOf.has(port.id) ? { channel: channelOf.get(port.id) } : {}) } })),
    sw.portChannels.map((channel) => ({ id: channel.id, type: 'port-channel' as const, data: { channel } })),
  ];
}

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
  const devices: { id: string; type: 'host' | 'switch'; data: Record<string, unknown>; rows: Child[][] }[] = [
    ...design.hosts.map((host) => ({ id: host.id, type: 'host' as const, data: { host }, rows: hostChildren(host, design) })),
    ...design.switches.map((sw) => ({ id: sw.id, type: 'switch' as const, data: { sw }, rows: switchChildren(sw, design) })),
  ];

  const nodes: AppNode[] = [];
  let hostX = 0;
  let switchX = 0;
  let hostRowBottom = 0;
  const placed: { device: (typeof devices)[number]; children: AppNode[]; size: Size }[] = [];
  for (const device of devices) {
    const nonEmpty = device.rows.filter((r) => r.length > 0);
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
    if (device.type === 'host') hostRowBottom = Math.max(hostRowBottom, bottom);
  }
  for (const { device, children, size } of placed) {
    let position = pick(design.layout[device.id]);
    if (!position) {
      if (device.type === 'host') {
        position = { x: hostX, y: 0 };
        hostX += size.width + DEVICE_GAP;
      } else {
        position = { x: switchX, y: hostRowBottom + DEVICE_GAP * 2 };
        switchX += size.width + DEVICE_GAP;
      }
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

function linksToEdges(design: Design, badges: ReadonlyMap<string, Badge>, live: LiveSlice, selection: ReadonlySet<string>): AppEdge[] {
  const colourOf = (vlan: number | undefined) => (vlan === undefined ? undefined : design.networks.find((n) => n.vlan === vlan)?.colour);
  const tagOf = new Map(design.hosts.flatMap((h) => h.vms.flatMap((vm) => vm.nics.map((n) => [n.id, n.tag] as const))));
  return listLinks(design).map((link): AppEdge => {
    const selected = selection.has(link.id);
    const badge = badges.get(link.id);
    const problems = { problems: badge?.count ?? 0, ...(badge ? { worst: badge.worst } : {}) };
    // Every edge runs from the lower element's top handle to the upper element's bottom handle.
    switch (link.kind) {
      case 'cable': {
        const networks = networksOfCable(design, link.source, link.target).sort((a, b) => a.vlan - b.vlan);
        const health = live[link.id]?.health ?? live[link.source]?.health;
        return {
          id: link.id,
          type: 'cable',
          source: link.target,
          sourceHandle: HANDLE.up,
          target: link.source,
          targetHandle: HANDLE.down,
          selected,
          data: { colours: networks.map((n) => n.colour), vlans: networks.map((n) => n.vlan).join(', '), ...problems, ...(health ? { health } : {}) },
        };
      }
      case 'vm-nic': {
        const tag = tagOf.get(link.id);
        const colour = colourOf(tag);
        return {
          id: link.id,
          type: 'nic',
          source: link.target,
          sourceHandle: HANDLE.up,
          target: link.source,
          targetHandle: link.id,
          selected,
          data: { ...(tag !== undefined ? { tag } : {}), ...(colour ? { colour } : {}), ...problems },
        };
      }
      case 'vlan-parent':
        return { id: link.id, type: 'member', source: link.source, sourceHandle: HANDLE.up, target: link.target, targetHandle: HANDLE.down, selected, data: {} };
      case 'channel-member':
        // The port-channel sits below its member ports.
        return { id: link.id, type: 'member', source: link.target, sourceHandle: HANDLE.up, target: link.source, targetHandle: HANDLE.down, selected, data: {} };
      default: {
        const health = live[link.source]?.health;
        return {
          id: link.id,
          type: 'member',
          source: link.source,
          sourceHandle: HANDLE.up,
          target: link.target,
          targetHandle: HANDLE.down,
          selected,
          data: health ? { health } : {},
        };
      }
    }
  });
}

/** Every node id (devices and their elements), in canvas order. */
export function nodeIdsOf(design: Design): string[] {
  const ids: string[] = [];
  for (const h of design.hosts) ids.push(h.id, ...[...h.vms, ...h.bridges, ...h.vlans, ...h.bonds, ...h.ports].map((e) => e.id));
  for (const s of design.switches) ids.push(s.id, ...[...s.ports, ...s.portChannels].map((e) => e.id));
  return ids;
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
