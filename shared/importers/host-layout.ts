/**
 * A tidy first layout for an imported host: one row per layer of the stack
 * (ports, bonds, bridges, VLAN interfaces and VMs), each row in file order.
 * Element positions are relative to the host's group node, as React Flow's
 * sub-flows expect; the host itself gets an absolute position and a size.
 */
import type { Host, Position } from '../model/schema.js';

export const NODE_WIDTH = 160;
export const NODE_HEIGHT = 56;
const GAP_X = 24;
const GAP_Y = 48;
const PADDING = 24;
/** Room for the host's title bar. */
const HEADER = 40;

export function layoutHost(host: Host, origin: { readonly x: number; readonly y: number }): Record<string, Position> {
  const rows = [host.ports, host.bonds, host.bridges, [...host.vlans, ...host.vms]].filter((row) => row.length > 0);
  const layout: Record<string, Position> = {};
  rows.forEach((row, r) => {
    row.forEach((element, c) => {
      layout[element.id] = { x: PADDING + c * (NODE_WIDTH + GAP_X), y: HEADER + r * (NODE_HEIGHT + GAP_Y) };
    });
  });
  const columns = Math.max(1, ...rows.map((row) => row.length));
  layout[host.id] = {
    x: origin.x,
    y: origin.y,
    width: 2 * PADDING + columns * NODE_WIDTH + (columns - 1) * GAP_X,
    height: HEADER + PADDING + Math.max(1, rows.length) * NODE_HEIGHT + Math.max(0, rows.length - 1) * GAP_Y,
  };
  return layout;
}

/** Where a new host goes: below every host and switch already placed. */
export function belowEverything(layout: Readonly<Record<string, Position>>, topLevelIds: readonly string[]): { x: number; y: number } {
  const bottoms = topLevelIds.map((id) => layout[id]).filter((p): p is Position => p !== undefined).map((p) => p.y + (p.height ?? 0));
  return { x: 0, y: bottoms.length > 0 ? Math.max(...bottoms) + 80 : 0 };
}
