/** The React Flow instance, for actions that move the view (fit, zoom, reveal, centre). */
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react';
import { useAppStore } from '../store/store.js';
import type { AppEdge, AppNode } from './flow-types.js';

export type Flow = ReactFlowInstance<AppNode, AppEdge>;

let instance: Flow | null = null;
let allEdges: () => readonly AppEdge[] = () => [];

/** `edges` reads every edge of the diagram: far out, React Flow holds only the ones it draws. */
export const setFlow = (flow: Flow | null, edges: () => readonly AppEdge[] = () => []): void => {
  instance = flow;
  allEdges = edges;
};
export const getFlow = (): Flow | null => instance;
export const getDiagramEdges = (): readonly AppEdge[] => allEdges();

/** Room the open minimap takes at the bottom right (its 200 px and margins). */
const MINIMAP_ROOM = '240px';

/** Padding for fitting the view: `fraction` all round, and the open minimap's width on the right so nothing lies under it. */
export const viewPadding = (fraction: number): FitViewOptions['padding'] =>
  useAppStore.getState().minimapOpen
    ? { top: fraction, bottom: fraction, left: fraction, right: MINIMAP_ROOM }
    : fraction;
