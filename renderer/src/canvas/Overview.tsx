/**
 * The elements and cables far out (`minimal` level of detail), drawn as one
 * SVG in the viewport instead of a React Flow node or edge each: coloured boxes
 * per host or switch and one line per cable. Only the frames stay React Flow
 * nodes (selectable, draggable); the boxes follow their frame as it is
 * dragged, and only the moved frame's group and its cables re-render. At that
 * zoom a node is a few pixels wide, too small to grab, and thousands of node
 * elements cost the browser more per frame (one paint chunk each) than
 * everything else.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Position } from '../../../shared/model/schema.js';
import { isDeviceNode, type AppEdge, type AppNode, type CableEdge, type ElementNode } from './flow-types.js';

const DeviceBoxes = memo(function DeviceBoxes({ at, boxes }: { at: Position; boxes: readonly ElementNode[] }) {
  return (
    <g transform={`translate(${at.x} ${at.y})`}>
      {boxes.map((n) => (
        <rect
          key={n.id}
          x={n.position.x}
          y={n.position.y}
          width={n.width}
          height={n.height}
          rx={6}
          className={`overview-box${n.selected ? ' is-selected' : ''}${n.data.health ? ` health-${n.data.health}` : ''}${n.data.worst ? ` worst-${n.data.worst}` : ''}`}
          style={{ ['--accent' as string]: n.data.accent ?? `var(--kind-${n.type})` }}
          data-id={n.id}
        />
      ))}
    </g>
  );
});

const CableLine = memo(function CableLine(props: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string | undefined;
  selected: boolean;
}) {
  const { x1, y1, x2, y2 } = props;
  const dy = Math.abs(y1 - y2) / 2;
  return (
    <path
      d={`M${x1},${y1} C${x1},${y1 - dy} ${x2},${y2 + dy} ${x2},${y2}`}
      className={`overview-cable${props.selected ? ' is-selected' : ''}`}
      style={props.colour ? { stroke: props.colour } : undefined}
    />
  );
});

/**
 * `nodes` are the canvas's current nodes (a dragged frame's position
 * included), `elements` the element nodes of the design grouped by frame,
 * `cables` the cable edges.
 */
export function Overview({
  nodes,
  elements,
  cables,
}: {
  nodes: readonly AppNode[];
  elements: ReadonlyMap<string, readonly ElementNode[]>;
  cables: readonly CableEdge[];
}) {
  const frames = useMemo(() => new Map(nodes.filter(isDeviceNode).map((n) => [n.id, n.position])), [nodes]);
  const ends = useMemo(() => {
    const byId = new Map<string, { frame: string; node: ElementNode }>();
    for (const [frame, boxes] of elements) for (const node of boxes) byId.set(node.id, { frame, node });
    return byId;
  }, [elements]);
  const end = (id: string, side: 'top' | 'bottom') => {
    const e = ends.get(id);
    const at = e && frames.get(e.frame);
    if (!e || !at) return undefined;
    const { position, width = 0, height = 0 } = e.node;
    return { x: at.x + position.x + width / 2, y: at.y + position.y + (side === 'top' ? 0 : height) };
  };
  return (
    <ViewportPortal>
      <svg className="overview" data-testid="overview">
        {cables.map((c) => {
          const from = end(c.source, 'top');
          const to = end(c.target, 'bottom');
          if (!from || !to) return null;
          return (
            <CableLine
              key={c.id}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              colour={c.data?.colours[0]}
              selected={!!c.selected}
            />
          );
        })}
        {[...elements].map(([frame, boxes]) => {
          const at = frames.get(frame);
          return at ? <DeviceBoxes key={frame} at={at} boxes={boxes} /> : null;
        })}
      </svg>
    </ViewportPortal>
  );
}

/** The element nodes of `nodes` grouped by their frame, for the overview. */
export function elementsByFrame(nodes: readonly AppNode[]): Map<string, ElementNode[]> {
  const byFrame = new Map<string, ElementNode[]>();
  for (const n of nodes) {
    if (isDeviceNode(n) || !n.parentId) continue;
    const list = byFrame.get(n.parentId) ?? [];
    list.push(n);
    byFrame.set(n.parentId, list);
  }
  return byFrame;
}

export const isCable = (e: AppEdge): e is CableEdge => e.type === 'cable';
