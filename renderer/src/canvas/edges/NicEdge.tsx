import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NicEdge as NicEdgeType } from '../flow-types.js';
import { useLod } from '../lod.js';
import { EdgeBadge } from '../nodes/parts.js';

/** A VM NIC on a bridge, labelled with its VLAN tag in the network's colour. */
export const NicEdge = memo(function NicEdge(props: EdgeProps<NicEdgeType>) {
  const lod = useLod();
  const [path, labelX, labelY] = getBezierPath(props);
  if (lod === 'minimal') return null;
  const simple = lod === 'simple';
  const { tag, colour, problems = 0, worst } = props.data ?? { problems: 0 };
  return (
    <g data-testid={`edge-${props.id}`}>
      <BaseEdge
        id={props.id}
        path={path}
        className={`nic${props.selected ? ' is-selected' : ''}`}
        style={colour ? { stroke: colour } : undefined}
        interactionWidth={simple ? 0 : 14}
      />
      {!simple && tag !== undefined && (
        <g transform={`translate(${labelX} ${labelY})`} className="nic-tag">
          <rect x={-22} y={-10} width={44} height={20} rx={10} style={colour ? { fill: colour } : undefined} />
          <text textAnchor="middle" dy={4}>
            {`tag ${tag}`}
          </text>
        </g>
      )}
      {!simple && <EdgeBadge x={labelX + 26} y={labelY - 8} problems={problems} worst={worst} />}
    </g>
  );
});
