/** The React Flow instance, for actions that move the view (fit, zoom, reveal, centre). */
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react';
import { indexOf } from '../../../shared/edit/cached-index.js';
import { deviceOf } from '../../../shared/model/kinds/index.js';
import type { Design } from '../../../shared/model/schema.js';
import { useAppStore } from '../store/store.js';
import type { AppEdge, AppNode } from './flow-types.js';

export type Flow = ReactFlowInstance<AppNode, AppEdge>;

let instance: Flow | null = null;

export const setFlow = (flow: Flow | null): void => {
  instance = flow;
};
export const getFlow = (): Flow | null => instance;

/** Room the open minimap takes at the bottom right (its 200 px and margins). */
const MINIMAP_ROOM = '240px';

/** Padding for fitting the view: `fraction` all round, and the open minimap's width on the right so nothing lies under it. */
export const viewPadding = (fraction: number): FitViewOptions['padding'] =>
  useAppStore.getState().minimapOpen
    ? { top: fraction, bottom: fraction, left: fraction, right: MINIMAP_ROOM }
    : fraction;

/** `ids` as nodes React Flow holds: far out, an element is not a node of its own, and its host or switch stands for it. */
export function shownNodeIds(flow: Flow, design: Design, ids: Iterable<string>): { id: string }[] {
  const shown = new Set<string>();
  for (const id of ids) {
    if (flow.getNode(id)) shown.add(id);
    else {
      const located = indexOf(design).byId.get(id);
      const device = located && deviceOf(located);
      if (device) shown.add(device.element.id);
    }
  }
  return [...shown].map((id) => ({ id }));
}
