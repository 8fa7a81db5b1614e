/**
 * Where every host, switch and element sits, as the canvas draws it: the
 * position from `design.layout`, or a tidy default (elements in their kind's
 * row inside the frame, devices in one row per frame kind) until the next
 * automatic layout. Element positions are relative to their frame, as React
 * Flow sub-flows expect; a frame is sized to hold its elements.
 */
import { deviceRows, EMPTY_FRAME, FRAME_PADDING, NODE_SIZE, type NodeKind, type Size } from '../layout/sizes.js';
import { elementsIn, KIND_ENTRIES, type FrameKind } from '../model/kinds/index.js';
import type { Design, Host, Position, Switch } from '../model/schema.js';

export interface PlacedElement {
  readonly kind: NodeKind;
  readonly element: { readonly id: string };
  /** Relative to the frame's top left corner. */
  readonly position: Position;
  readonly size: Size;
}

export interface PlacedDevice {
  readonly kind: FrameKind;
  readonly device: Host | Switch;
  readonly position: Position;
  readonly size: Size;
  /** Row by row from the top, as `deviceRows` gives them. */
  readonly children: readonly PlacedElement[];
}

/** Frame kinds (hosts, switches) in registry order. */
const FRAMES = KIND_ENTRIES.filter((k) => k.frame);

const GAP = 24;
const DEVICE_GAP = 96;

const pick = (p: Position | undefined): Position | undefined => (p ? { x: p.x, y: p.y } : undefined);

/** Default place of the i-th element of a row inside a frame. */
function slot(row: number, i: number, size: Size, rowHeights: readonly number[]): Position {
  const y = FRAME_PADDING.top + rowHeights.slice(0, row).reduce((sum, h) => sum + h + GAP * 2, 0);
  return { x: FRAME_PADDING.left + i * (size.width + GAP), y };
}

/** Every host and switch with its elements, placed; hosts first, in document order. */
export function placeDevices(design: Design): PlacedDevice[] {
  const framed = FRAMES.flatMap((frame) =>
    elementsIn(design, frame).map((device) => {
      const kind = frame.id as FrameKind;
      const rows = deviceRows(kind, device);
      const rowHeights = rows.map((r) => NODE_SIZE[r[0]!.kind].height);
      const children: PlacedElement[] = [];
      let right = EMPTY_FRAME.width;
      let bottom = EMPTY_FRAME.height;
      rows.forEach((row, r) =>
        row.forEach(({ kind, element }, i) => {
          const size = NODE_SIZE[kind];
          const position = pick(design.layout[element.id]) ?? slot(r, i, size, rowHeights);
          right = Math.max(right, position.x + size.width + FRAME_PADDING.right);
          bottom = Math.max(bottom, position.y + size.height + FRAME_PADDING.bottom);
          children.push({ kind, element, position, size });
        }),
      );
      return { kind, device: device as Host | Switch, children, size: { width: right, height: bottom } };
    }),
  );
  // Devices without a place go in one row per frame kind (hosts, then switches below).
  const rowBottom = new Map<FrameKind, number>();
  for (const { kind, size } of framed) rowBottom.set(kind, Math.max(rowBottom.get(kind) ?? 0, size.height));
  const rowTop = new Map<FrameKind, number>();
  let top = 0;
  for (const frame of FRAMES) {
    const kind = frame.id as FrameKind;
    rowTop.set(kind, top);
    top += (rowBottom.get(kind) ?? 0) + DEVICE_GAP * 2;
  }
  const rowX = new Map<FrameKind, number>();
  return framed.map((placed) => {
    let position = pick(design.layout[placed.device.id]);
    if (!position) {
      const x = rowX.get(placed.kind) ?? 0;
      position = { x, y: rowTop.get(placed.kind)! };
      rowX.set(placed.kind, x + placed.size.width + DEVICE_GAP);
    }
    return { ...placed, position };
  });
}
