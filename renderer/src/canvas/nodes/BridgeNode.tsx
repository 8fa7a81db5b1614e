import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BridgeNode as BridgeNodeType } from '../flow-types.js';
import { describeBridge } from './describe.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

export const BridgeNode = memo(function BridgeNode({ data, selected }: NodeProps<BridgeNodeType>) {
  return (
    <ElementBody kind="bridge" title={data.bridge.name} detail={describeBridge(data.bridge)} decoration={data} selected={!!selected} testId={`node-${data.bridge.id}`}>
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
