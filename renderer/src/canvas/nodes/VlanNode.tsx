import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { VlanNode as VlanNodeType } from '../flow-types.js';
import { describeVlan } from './describe.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

export const VlanNode = memo(function VlanNode({ data, selected }: NodeProps<VlanNodeType>) {
  return (
    <ElementBody kind="vlan" title={data.vlan.name} detail={describeVlan(data.vlan)} decoration={data} selected={!!selected} accent={data.colour} testId={`node-${data.vlan.id}`}>
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
