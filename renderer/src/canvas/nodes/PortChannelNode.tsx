import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PortChannelNode as PortChannelNodeType } from '../flow-types.js';
import { describeChannel } from './describe.js';
import { ElementBody, UpHandle } from './parts.js';

export const PortChannelNode = memo(function PortChannelNode({ data, selected }: NodeProps<PortChannelNodeType>) {
  const { channel } = data;
  return (
    <ElementBody kind="port-channel" title={`Po${channel.number}`} detail={describeChannel(channel)} decoration={data} selected={!!selected} testId={`node-${channel.id}`}>
      <UpHandle />
    </ElementBody>
  );
});
