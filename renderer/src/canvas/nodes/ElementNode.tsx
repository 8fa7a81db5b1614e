import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ElementNode as ElementNodeType } from '../flow-types.js';
import { DownHandle, ElementBody, UpHandle } from './parts.js';

/** Any element node: icon, title and detail, a handle on top (towards bridges and VMs) and one at the bottom (towards ports and cables). */
export const ElementNode = memo(function ElementNode({ data, selected, type }: NodeProps<ElementNodeType>) {
  return (
    <ElementBody
      kind={type}
      title={data.title}
      detail={data.detail}
      decoration={data}
      selected={!!selected}
      accent={data.accent}
      testId={`node-${data.element.id}`}
    >
      <UpHandle />
      <DownHandle />
    </ElementBody>
  );
});
