import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BondNode as BondNodeType } from '../flow-types.js';
import { describeBond } from './describe.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

export const BondNode = memo(function BondNode({ data, selected }: NodeProps<BondNodeType>) {
  return (
    <ElementBody kind="bond" title={data.bond.name} detail={describeBond(data.bond)} decoration={data} selected={!!selected} testId={`node-${data.bond.id}`}>
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
