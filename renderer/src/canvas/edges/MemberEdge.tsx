import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { MemberEdge as MemberEdgeType } from '../flow-types.js';
import { useLod } from '../lod.js';

/** A membership inside a device: port in a bond, interface in a bridge, VLAN interface on its parent, port in a port-channel. */
export const MemberEdge = memo(function MemberEdge(props: EdgeProps<MemberEdgeType>) {
  const lod = useLod();
  const [path] = getBezierPath(props);
  // Too far out to tell members apart: the frame and its cables say enough.
  if (lod === 'minimal') return null;
  const simple = lod === 'simple';
  const health = props.data?.health;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      className={`member${props.selected ? ' is-selected' : ''}${health ? ` health-${health}` : ''}`}
      interactionWidth={simple ? 0 : 14}
    />
  );
});
