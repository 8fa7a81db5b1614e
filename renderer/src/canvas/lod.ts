import { createContext, useContext } from 'react';

/**
 * Level of detail by zoom: `full` bodies; `simple` (below DETAIL_ZOOM) names
 * only, no icons, shadows or edge labels; `minimal` (below MINIMAL_ZOOM, too
 * small to read) coloured boxes only.
 */
export type Lod = 'full' | 'simple' | 'minimal';

export const DETAIL_ZOOM = 0.5;
export const MINIMAL_ZOOM = 0.22;

export const lodOf = (zoom: number): Lod => (zoom < MINIMAL_ZOOM ? 'minimal' : zoom < DETAIL_ZOOM ? 'simple' : 'full');

export const LodContext = createContext<Lod>('full');
export const useLod = () => useContext(LodContext);
/** True when zoomed out far enough for simplified nodes and edges. */
export const useSimple = () => useContext(LodContext) !== 'full';
