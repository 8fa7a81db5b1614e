/** The canvas's node and edge types: one node type per element kind, data carrying the element itself. */
import type { Edge, Node } from '@xyflow/react';
import type { Bond, Bridge, Host, Port, PortChannel, Switch, SwitchPort, SwitchVendor, VlanInterface, Vm } from '../../../shared/model/schema.js';
import type { Severity } from '../../../shared/validate/diagnostic.js';
import type { Health } from '../store/live.js';

/** What every node shows beside its element: problem badge and live health. */
export interface Decoration {
  [key: string]: unknown;
  /** Number of diagnostics naming the element. */
  readonly problems: number;
  readonly worst?: Severity;
  readonly health?: Health;
  readonly drift?: boolean;
}

export type HostNode = Node<Decoration & { readonly host: Host }, 'host'>;
export type SwitchNode = Node<Decoration & { readonly sw: Switch }, 'switch'>;
export type PortNode = Node<Decoration & { readonly port: Port; readonly cabled: boolean }, 'port'>;
export type BondNode = Node<Decoration & { readonly bond: Bond }, 'bond'>;
export type BridgeNode = Node<Decoration & { readonly bridge: Bridge }, 'bridge'>;
export type VlanNode = Node<Decoration & { readonly vlan: VlanInterface; readonly colour?: string }, 'vlan'>;
export type VmNode = Node<Decoration & { readonly vm: Vm }, 'vm'>;
export type SwitchPortNode = Node<Decoration & { readonly port: SwitchPort; readonly vendor: SwitchVendor; readonly cabled: boolean; readonly channel?: number }, 'switch-port'>;
export type PortChannelNode = Node<Decoration & { readonly channel: PortChannel }, 'port-channel'>;

export type AppNode = HostNode | SwitchNode | PortNode | BondNode | BridgeNode | VlanNode | VmNode | SwitchPortNode | PortChannelNode;
export type AppNodeType = AppNode['type'];

export const isDeviceNode = (n: AppNode): n is HostNode | SwitchNode => n.type === 'host' || n.type === 'switch';

export interface CableData {
  [key: string]: unknown;
  /** Colours of the networks the cable carries, by VLAN id. */
  readonly colours: readonly string[];
  readonly vlans: string;
  readonly health?: Health;
  readonly problems: number;
  readonly worst?: Severity;
}
export interface MemberData {
  [key: string]: unknown;
  readonly health?: Health;
}
export interface NicData {
  [key: string]: unknown;
  readonly tag?: number;
  readonly colour?: string;
  readonly problems: number;
  readonly worst?: Severity;
}

export type CableEdge = Edge<CableData, 'cable'>;
export type MemberEdge = Edge<MemberData, 'member'>;
export type NicEdge = Edge<NicData, 'nic'>;
export type AppEdge = CableEdge | MemberEdge | NicEdge;
