/**
 * Automatic layout with ELK's layered algorithm: the stack reads top to
 * bottom (VMs, bridges, VLAN interfaces, bonds, ports), cables run down to the
 * switches, port-channels sit under their member ports. Positions of elements
 * inside a host or switch are relative to it, as on the canvas.
 */
import * as elkBundle from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Design, Position } from '../model/schema.js';
import { listLinks, type Link } from '../edit/links.js';
import { EMPTY_FRAME, FRAME_PADDING, NODE_SIZE } from './sizes.js';

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
  'elk.padding': `[top=${FRAME_PADDING.top},left=${FRAME_PADDING.left},bottom=${FRAME_PADDING.bottom},right=${FRAME_PADDING.right}]`,
  'elk.nodeSize.minimum': `(${EMPTY_FRAME.width}, ${EMPTY_FRAME.height})`,
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

/** The link as an ELK edge pointing down the stack. */
function downward(link: Link): ElkExtendedEdge {
  const upper = link.kind === 'bond-member' || link.kind === 'bridge-port' || link.kind === 'vlan-parent' ? link.target : link.source;
  const lower = upper === link.target ? link.source : link.target;
  return { id: link.id, sources: [upper], targets: [lower] };
}

/** Kinds of a device's rows, top to bottom. */
function rowsOf(design: Design, deviceId: string): { id: string; width: number; height: number }[][] {
  const host = design.hosts.find((h) => h.id === deviceId);
  const sized = (kind: keyof typeof NODE_SIZE) => (e: { id: string }) => ({ id: e.id, ...NODE_SIZE[kind] });
  if (host) {
    return [host.vms.map(sized('vm')), host.bridges.map(sized('bridge')), host.vlans.map(sized('vlan')), host.bonds.map(sized('bond')), host.ports.map(sized('port'))];
  }
  const sw = design.switches.find((s) => s.id === deviceId);
  return sw ? [sw.ports.map(sized('switch-port')), sw.portChannels.map(sized('port-channel'))] : [];
}

const ROW_GAP = 56;
const COLUMN_GAP = 24;
const DEVICE_GAP = 96;

/**
 * ELK orders and centres; this puts each kind on its own row (VMs, bridges,
 * VLAN interfaces, bonds, ports; switch ports above port-channels) keeping
 * ELK's left-to-right order, pushes overlapping nodes apart, and returns the
 * frame size that holds them.
 */
function tidyDevice(design: Design, deviceId: string, positions: Record<string, Position>): { width: number; height: number } {
  let y: number = FRAME_PADDING.top;
  let right: number = EMPTY_FRAME.width;
  for (const row of rowsOf(design, deviceId).filter((r) => r.length > 0)) {
    const ordered = [...row].sort((a, b) => (positions[a.id]?.x ?? 0) - (positions[b.id]?.x ?? 0));
    let x: number = FRAME_PADDING.left;
    for (const node of ordered) {
      x = Math.max(x, Math.round(positions[node.id]?.x ?? x));
      positions[node.id] = { x, y };
      x += node.width + COLUMN_GAP;
    }
    right = Math.max(right, x - COLUMN_GAP + FRAME_PADDING.right);
    y += Math.max(...row.map((n) => n.height)) + ROW_GAP;
  }
  return { width: right, height: Math.max(EMPTY_FRAME.height, y - ROW_GAP + FRAME_PADDING.bottom) };
}

function deviceChildren(design: Design, deviceId: string): ElkNode[] {
  const host = design.hosts.find((h) => h.id === deviceId);
  if (host) {
    return [
      ...host.vms.map((e) => ({ id: e.id, ...NODE_SIZE.vm })),
      ...host.bridges.map((e) => ({ id: e.id, ...NODE_SIZE.bridge })),
      ...host.vlans.map((e) => ({ id: e.id, ...NODE_SIZE.vlan })),
      ...host.bonds.map((e) => ({ id: e.id, ...NODE_SIZE.bond })),
      ...host.ports.map((e) => ({ id: e.id, ...NODE_SIZE.port })),
    ];
  }
  const sw = design.switches.find((s) => s.id === deviceId);
  if (!sw) return [];
  return [
    ...sw.ports.map((e) => ({ id: e.id, ...NODE_SIZE['switch-port'] })),
    ...sw.portChannels.map((e) => ({ id: e.id, ...NODE_SIZE['port-channel'] })),
  ];
}

function collect(node: ElkNode, into: Record<string, Position>, withSize: boolean): void {
  for (const child of node.children ?? []) {
    const at: Position = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
    if (withSize && child.children) into[child.id] = { ...at, width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) };
    else into[child.id] = at;
    collect(child, into, false);
  }
}

type ElkConstructor = new () => { layout(graph: ElkNode): Promise<ElkNode> };
// elkjs is CommonJS: Node and bundlers expose its constructor as `default`.
const Elk = (elkBundle as unknown as { default: ElkConstructor }).default;
const elk = new Elk();

/** Positions for every node of the design. */
export async function layoutDesign(design: Design): Promise<Record<string, Position>> {
  const devices = [...design.hosts.map((h) => h.id), ...design.switches.map((s) => s.id)];
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYERED, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.spacing.nodeNode': '80', 'elk.layered.spacing.nodeNodeBetweenLayers': '96' },
    children: devices.map((id) => ({ id, layoutOptions: FRAME, children: deviceChildren(design, id) })),
    edges: listLinks(design).map(downward),
  };
  const out: Record<string, Position> = {};
  collect(await elk.layout(graph), out, true);
  // Hosts in one row, switches in a row below, each in ELK's order.
  const sizes = new Map(devices.map((id) => [id, tidyDevice(design, id, out)]));
  let top = 0;
  for (const row of [design.hosts.map((h) => h.id), design.switches.map((s) => s.id)]) {
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
    edges: listLinks(design).filter((l) => l.device === deviceId).map(downward),
  };
  const out: Record<string, Position> = {};
  collect(await elk.layout(graph), out, false);
  tidyDevice(design, deviceId, out);
  return out;
}
