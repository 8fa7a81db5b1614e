import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SwitchPortNode as SwitchPortNodeType } from '../flow-types.js';
import { shortPortName } from '../../../../shared/vendors/index.js';
import { describeSwitchport } from './describe.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

export const SwitchPortNode = memo(function SwitchPortNode({ data, selected }: NodeProps<SwitchPortNodeType>) {
  const { port } = data;
  return (
    <ElementBody kind="switch-port" title={shortPortName(data.vendor, port.name)} detail={data.channel !== undefined ? `member of Po${data.channel}` : (port.description ?? describeSwitchport(port.switchport))} decoration={data} selected={!!selected} testId={`node-${port.id}`}>
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
