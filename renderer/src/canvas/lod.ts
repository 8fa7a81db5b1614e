import { createContext, useContext } from 'react';

/** Below this zoom, nodes draw a simplified body (level of detail). */
export const DETAIL_ZOOM = 0.5;

/** True when the canvas is zoomed out far enough to draw simplified nodes and edges. */
export const SimpleLod = createContext(false);
export const useSimple = () => useContext(SimpleLod);
