/**
 * A tidy first layout for an imported host, with the same rows and placement
 * as the automatic layout (VMs on top, ports at the bottom; document order in
 * each row). Element positions are relative to the host's frame, as React
 * Flow's sub-flows expect; the host itself gets an absolute position and a size.
 */
import { arrangeDevice } from './auto-layout.js';
import type { Design, Position } from '../model/schema.js';

export function layoutHost(
  design: Design,
  hostId: string,
  origin: { readonly x: number; readonly y: number },
): Record<string, Position> {
  const layout: Record<string, Position> = {};
  const size = arrangeDevice(design, hostId, layout);
  layout[hostId] = { x: origin.x, y: origin.y, width: size.width, height: size.height };
  return layout;
}

/** Where a new host goes: below every host and switch already placed. */
export function belowEverything(
  layout: Readonly<Record<string, Position>>,
  topLevelIds: readonly string[],
): { x: number; y: number } {
  const bottoms = topLevelIds
    .map((id) => layout[id])
    .filter((p): p is Position => p !== undefined)
    .map((p) => p.y + (p.height ?? 0));
  return { x: 0, y: bottoms.length > 0 ? Math.max(...bottoms) + 80 : 0 };
}
