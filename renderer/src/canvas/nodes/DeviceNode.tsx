import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PLATFORM_REGISTRY } from '../../../../shared/platforms/index.js';
import { VENDORS } from '../../../../shared/vendors/index.js';
import { KindIcon } from '../../chrome/KindIcon.js';
import { ShieldBadge } from '../../firewall/ShieldBadge.js';
import type { HostNode as HostNodeType, SwitchNode as SwitchNodeType } from '../flow-types.js';
import { useLod } from '../lod.js';
import { ProblemBadge, VerbatimBadge } from './parts.js';

function Frame(props: {
  kind: 'host' | 'switch';
  id: string;
  name: string;
  detail: string;
  selected: boolean;
  problems: number;
  worst?: HostNodeType['data']['worst'];
  verbatim?: HostNodeType['data']['verbatim'];
}) {
  const lod = useLod();
  return (
    <div
      className={`frame frame-${props.kind}${props.selected ? ' is-selected' : ''}`}
      data-testid={`node-${props.id}`}
    >
      {lod === 'minimal' ? (
        <div className="frame-title">
          <span className="frame-name">{props.name}</span>
        </div>
      ) : (
        <div className="frame-title">
          <KindIcon kind={props.kind} />
          <span className="frame-name">{props.name}</span>
          <span className="frame-detail">{props.detail}</span>
          {props.kind === 'host' && <ShieldBadge kind="host" id={props.id} name={props.name} />}
          <VerbatimBadge verbatim={props.verbatim} what="unmanaged blocks" />
          <ProblemBadge problems={props.problems} worst={props.worst} />
        </div>
      )}
    </div>
  );
}

export const HostNode = memo(function HostNode({ data, selected }: NodeProps<HostNodeType>) {
  const { host } = data;
  const detail = [PLATFORM_REGISTRY[host.platform].label, host.ssh && `${host.ssh.user}@${host.ssh.address}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <Frame
      kind="host"
      id={host.id}
      name={host.name}
      detail={detail}
      selected={!!selected}
      problems={data.problems}
      worst={data.worst}
      verbatim={data.verbatim}
    />
  );
});

export const SwitchNode = memo(function SwitchNode({ data, selected }: NodeProps<SwitchNodeType>) {
  const { sw } = data;
  const detail = [VENDORS[sw.vendor].label, sw.stackUnits > 1 && `stack of ${sw.stackUnits}`, sw.management]
    .filter(Boolean)
    .join(' · ');
  return (
    <Frame
      kind="switch"
      id={sw.id}
      name={sw.name}
      detail={detail}
      selected={!!selected}
      problems={data.problems}
      worst={data.worst}
    />
  );
});
