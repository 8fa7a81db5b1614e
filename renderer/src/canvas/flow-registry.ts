/**
 * `nodeTypes`, `edgeTypes` and connection checking, defined once at module
 * scope as React Flow wants.
 */
import type { Connection, EdgeTypes, IsValidConnection, NodeTypes } from '@xyflow/react';
import { planConnection } from '../../../shared/edit/connect.js';
import { useAppStore } from '../store/store.js';
import { CableEdge } from './edges/CableEdge.js';
import { MemberEdge } from './edges/MemberEdge.js';
import { NicEdge } from './edges/NicEdge.js';
import type { AppEdge } from './flow-types.js';
import { BondNode } from './nodes/BondNode.js';
import { BridgeNode } from './nodes/BridgeNode.js';
import { HostNode, SwitchNode } from './nodes/DeviceNode.js';
import { PortChannelNode } from './nodes/PortChannelNode.js';
import { PortNode } from './nodes/PortNode.js';
import { SwitchPortNode } from './nodes/SwitchPortNode.js';
import { VlanNode } from './nodes/VlanNode.js';
import { VmNode } from './nodes/VmNode.js';

export const nodeTypes: NodeTypes = {
  host: HostNode,
  switch: SwitchNode,
  port: PortNode,
  bond: BondNode,
  bridge: BridgeNode,
  vlan: VlanNode,
  vm: VmNode,
  'switch-port': SwitchPortNode,
  'port-channel': PortChannelNode,
};

export const edgeTypes: EdgeTypes = {
  cable: CableEdge,
  member: MemberEdge,
  nic: NicEdge,
};

export const planOf = (c: Connection | AppEdge) =>
  planConnection(useAppStore.getState().design, { node: c.source, handle: c.sourceHandle ?? null }, { node: c.target, handle: c.targetHandle ?? null });

export const isValidConnection: IsValidConnection<AppEdge> = (connection) => {
  const plan = planOf(connection);
  const reason = plan.ok ? null : plan.reason;
  if (useAppStore.getState().connectRefusal !== reason) useAppStore.setState({ connectRefusal: reason });
  return plan.ok;
};
