import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PortNode as PortNodeType } from '../flow-types.js';
import { describePort } from './describe.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

export const PortNode = memo(function PortNode({ data, selected }: NodeProps<PortNodeType>) {
  return (
    <ElementBody kind="port" title={data.port.name} detail={describePort(data.port)} decoration={data} selected={!!selected} testId={`node-${data.port.id}`}>
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
