/** The React Flow instance, for actions that move the view (fit, zoom, reveal, centre). */
import type { ReactFlowInstance } from '@xyflow/react';
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
