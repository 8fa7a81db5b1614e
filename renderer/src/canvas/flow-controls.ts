/** The React Flow instance, for actions that move the view (fit, zoom, reveal, centre). */
import type { ReactFlowInstance } from '@xyflow/react';
import type { AppEdge, AppNode } from './flow-types.js';

export type Flow = ReactFlowInstance<AppNode, AppEdge>;

let instance: Flow | null = null;

export const setFlow = (flow: Flow | null): void => {
  instance = flow;
};
export const getFlow = (): Flow | null => instance;
