/**
 * Canvas geometry shared by the automatic layout, the importer and the
 * canvas: each node kind's size and row (from the kind registry), the rows of
 * a device, and the padding of host and switch frames. Nodes have a fixed
 * size, so layout and frame sizes never wait for the DOM.
 */
import {
  KIND_ENTRIES,
  kindsOwnedBy,
  elementsIn,
  type FrameKind,
  type NodeKind,
  type Size,
} from '../model/kinds/index.js';

export type { NodeKind, Size } from '../model/kinds/index.js';

export const NODE_SIZE = Object.fromEntries(
  KIND_ENTRIES.flatMap((k) => (k.canvas ? [[k.id, k.canvas.size]] : [])),
) as Readonly<Record<NodeKind, Size>>;

/** Space inside a host or switch frame around its elements; the top holds the title bar. */
export const FRAME_PADDING = { top: 48, right: 24, bottom: 24, left: 24 } as const;

/** Size of an empty host or switch frame. */
export const EMPTY_FRAME: Size = { width: 240, height: 120 };

export interface RowNode<T = { readonly id: string }> {
  readonly kind: NodeKind;
  readonly element: T;
}

/** The nodes of a host or switch, row by row from the top (the registry's `canvas.row`); empty rows left out. */
export function deviceRows(frame: FrameKind, device: object): RowNode[][] {
  const rows: RowNode[][] = [];
  for (const kind of kindsOwnedBy(frame)) {
    if (!kind.canvas) continue;
    const row = (rows[kind.canvas.row] ??= []);
    for (const element of elementsIn(device, kind)) row.push({ kind: kind.id as NodeKind, element });
  }
  return rows.filter((row) => row !== undefined && row.length > 0);
}
