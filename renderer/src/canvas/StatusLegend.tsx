import { Panel } from '@xyflow/react';
import { useAppStore } from '../store/store.js';

/** The meaning of the live colours; shown once any live status has arrived. */
export function StatusLegend() {
  const hasLive = useAppStore((s) => Object.keys(s.live).length > 0);
  if (!hasLive) return null;
  return (
    <Panel position="top-right" className="legend" data-testid="status-legend">
      <span className="legend-item health-ok">up</span>
      <span className="legend-item health-degraded">degraded</span>
      <span className="legend-item health-down">down</span>
      <span className="legend-item health-unknown">unknown / unreachable</span>
    </Panel>
  );
}
