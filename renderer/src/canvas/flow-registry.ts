/**
 * `nodeTypes`, `edgeTypes` and connection checking, defined once at module
 * scope as React Flow wants. Every node kind of the registry is drawn by
 * `ElementNode` unless it has a component of its own.
 */
import type { Connection, EdgeTypes, IsValidConnection, NodeTypes } from '@xyflow/react';
import { planConnection } from '../../../shared/edit/connect.js';
import { KIND_ENTRIES, type FrameKind, type NodeKind } from '../../../shared/model/kinds/index.js';
import { useAppStore } from '../store/store.js';
import { CableEdge } from './edges/CableEdge.js';
import { MemberEdge } from './edges/MemberEdge.js';
import { NicEdge } from './edges/NicEdge.js';
import type { AppEdge } from './flow-types.js';
import { HostNode, SwitchNode } from './nodes/DeviceNode.js';
import { ElementNode } from './nodes/ElementNode.js';
import { VmNode } from './nodes/VmNode.js';

const FRAMES: Record<FrameKind, NodeTypes[string]> = { host: HostNode, switch: SwitchNode };
const OWN_COMPONENT: { readonly [K in NodeKind]?: NodeTypes[string] } = { vm: VmNode };

export const nodeTypes: NodeTypes = {
  ...FRAMES,
  ...Object.fromEntries(
    KIND_ENTRIES.filter((k) => k.canvas).map((k) => [k.id, OWN_COMPONENT[k.id as NodeKind] ?? ElementNode]),
  ),
};

export const edgeTypes: EdgeTypes = {
  cable: CableEdge,
  member: MemberEdge,
  nic: NicEdge,
};

export const planOf = (c: Connection | AppEdge) =>
  planConnection(
    useAppStore.getState().design,
    { node: c.source, handle: c.sourceHandle ?? null },
    { node: c.target, handle: c.targetHandle ?? null },
  );

export const isValidConnection: IsValidConnection<AppEdge> = (connection) => {
  const plan = planOf(connection);
  const reason = plan.ok ? null : plan.reason;
  if (useAppStore.getState().connectRefusal !== reason) useAppStore.setState({ connectRefusal: reason });
  return plan.ok;
};
