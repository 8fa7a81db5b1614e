/**
 * Where each node's handles sit, declared up front. React Flow otherwise
 * draws every node once to measure its handles before it can leave off-screen
 * nodes out (`onlyRenderVisibleElements`); with them declared, only what is
 * on screen is ever mounted. The positions match the stylesheet (`.handle`
 * is 9 px, centred on the node's top or bottom edge); once a node is drawn,
 * React Flow measures the real ones.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import { HANDLE } from '../../../shared/edit/connect.js';
import type { NodeKind } from '../../../shared/model/kinds/index.js';

interface Size {
  readonly width: number;
  readonly height: number;
}

const SIZE = 9;

/** Horizontal place of NIC handle `i` of `nics` along a VM's bottom edge (the slot after the last adds a NIC), as a fraction of its width. */
export const nicSlot = (i: number, nics: number): number => (i + 1) / (nics + 2);

function at(id: string, type: NodeHandle['type'], position: Position, x: number, y: number): NodeHandle {
  return { id, type, position, x: x - SIZE / 2, y: y - SIZE / 2, width: SIZE, height: SIZE };
}

/** The ids of a VM's NICs, in slot order; nothing for any other kind. */
const nicIdsOf = (kind: NodeKind, element: object): readonly string[] | null =>
  kind === 'vm' && 'nics' in element && Array.isArray(element.nics)
    ? element.nics.map((nic: { readonly id: string }) => nic.id)
    : null;

/** The handles of an element node of `size`: up and down, or a VM's NIC slots and the one that adds a NIC. */
export function handlesOf(kind: NodeKind, element: object, { width, height }: Size): NodeHandle[] {
  const nics = nicIdsOf(kind, element);
  if (!nics) {
    return [
      at(HANDLE.up, 'source', Position.Top, width / 2, 0),
      at(HANDLE.down, 'target', Position.Bottom, width / 2, height),
    ];
  }
  return [...nics, HANDLE.newNic].map((id, i) =>
    at(id, 'target', Position.Bottom, width * nicSlot(i, nics.length), height),
  );
}

/** A frame's handles: none (cables and memberships end on its elements). */
export const FRAME_HANDLES: NodeHandle[] = [];
