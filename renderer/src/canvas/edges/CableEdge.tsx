import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { CableEdge as CableEdgeType } from '../flow-types.js';
import { useSimple } from '../lod.js';
import { EdgeBadge } from '../nodes/parts.js';

const DASH = 10;

/** A cable: striped in the colours of the networks it carries, with a halo in its live health colour. */
export const CableEdge = memo(function CableEdge(props: EdgeProps<CableEdgeType>) {
  const simple = useSimple();
  const [path, labelX, labelY] = getBezierPath(props);
  const data = props.data;
  const colours = data?.colours ?? [];
  const n = colours.length;
  return (
    <g
      className={`cable${props.selected ? ' is-selected' : ''}${data?.health ? ` health-${data.health}` : ''}`}
      data-testid={`edge-${props.id}`}
    >
      {data?.health && <path d={path} className="cable-halo" fill="none" />}
      {n === 0 ? (
        <BaseEdge id={props.id} path={path} className="cable-plain" interactionWidth={simple ? 0 : 16} />
      ) : (
        <>
          <BaseEdge
            id={props.id}
            path={path}
            style={{ stroke: colours[0] }}
            className="cable-stripe"
            interactionWidth={simple ? 0 : 16}
          />
          {!simple &&
            colours.slice(1).map((colour, i) => (
              <path
                key={colour + i}
                d={path}
                fill="none"
                className="cable-stripe"
                style={{
                  stroke: colour,
                  strokeDasharray: `${DASH} ${DASH * (n - 1)}`,
                  strokeDashoffset: -DASH * (i + 1),
                }}
              />
            ))}
        </>
      )}
      {!simple && data?.vlans && (
        <text x={labelX} y={labelY} className="edge-label" textAnchor="middle" dy={-6}>
          {`VLAN ${data.vlans}`}
        </text>
      )}
      {!simple && data && <EdgeBadge x={labelX} y={labelY} problems={data.problems} worst={data.worst} />}
    </g>
  );
});
