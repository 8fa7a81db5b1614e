import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { HANDLE } from '../../../../shared/edit/connect.js';
import type { ElementNode } from '../flow-types.js';
import { useSimple } from '../lod.js';
import { ShieldBadge } from '../../firewall/ShieldBadge.js';
import { nicSlot } from '../handles.js';
import { ElementBody } from './parts.js';

/** A VM with one handle per NIC along its bottom edge, and one more to add a NIC. */
export const VmNode = memo(function VmNode({ data, selected }: NodeProps<ElementNode<'vm'>>) {
  const simple = useSimple();
  const vm = data.element;
  const left = (i: number) => `${nicSlot(i, vm.nics.length) * 100}%`;
  return (
    <ElementBody
      kind="vm"
      title={data.title}
      detail={data.detail}
      decoration={data}
      selected={!!selected}
      testId={`node-${vm.id}`}
    >
      <ShieldBadge kind="vm" id={vm.id} name={vm.name} />
      {vm.nics.map((nic, i) => (
        <Handle
          key={nic.id}
          type="target"
          position={Position.Bottom}
          id={nic.id}
          className="handle handle-nic"
          style={{ left: left(i) }}
          title={`net${nic.slot}`}
        >
          {!simple && <span className="handle-label">net{nic.slot}</span>}
        </Handle>
      ))}
      <Handle
        type="target"
        position={Position.Bottom}
        id={HANDLE.newNic}
        className="handle handle-new"
        style={{ left: left(vm.nics.length) }}
        title="Drag to a bridge to add a NIC"
      />
    </ElementBody>
  );
});
