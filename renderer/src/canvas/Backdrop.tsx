/**
 * The canvas under the diagram: its colour and, unless far out, the dot grid,
 * drawn in flow coordinates inside React Flow's viewport, beneath everything
 * else there. While the pane is panned the viewport is a layer of its own
 * (see the stylesheet), so a pan frame moves one picture instead of repainting
 * the pane; and because the backdrop covers that layer, Chromium keeps all the
 * nodes in it instead of making a layer per node (it will not merge far-apart
 * pieces into one sparse layer), which would cost more per frame than the
 * painting saved. React Flow's `Background` moves a pattern inside a picture
 * of its own, which repaints the whole pane on every pan frame.
 */
import { ViewportPortal } from '@xyflow/react';
import { useId } from 'react';

/** Flow units the backdrop reaches from the origin each way, far beyond any design (a multiple of GAP). */
const EXTENT = 100_000;
const GAP = 16;

export function Backdrop({ dots }: { dots: boolean }) {
  const pattern = `backdrop-dots${useId().replace(/[^\w-]/g, '')}`;
  return (
    <ViewportPortal>
      <svg
        className="backdrop"
        style={{ left: -EXTENT, top: -EXTENT }}
        width={2 * EXTENT}
        height={2 * EXTENT}
        aria-hidden
        data-testid="backdrop"
      >
        <rect className="backdrop-fill" width="100%" height="100%" />
        {dots && (
          <>
            {/* A 1-unit dot a pixel wide at zoom 1, on a pixel's centre (not on four pixels' corner, which blurs it away). */}
            <pattern id={pattern} width={GAP} height={GAP} patternUnits="userSpaceOnUse">
              <circle cx={GAP / 2 + 0.5} cy={GAP / 2 + 0.5} r={0.5} />
            </pattern>
            <rect width="100%" height="100%" fill={`url(#${pattern})`} />
          </>
        )}
      </svg>
    </ViewportPortal>
  );
}
