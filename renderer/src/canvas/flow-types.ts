/** The canvas's node and edge types: one node type per element kind (from the kind registry), data carrying the element itself. */
import type { Edge, Node } from '@xyflow/react';
import { kindEntry, type NodeKind, type ShapeOf } from '../../../shared/model/kinds/index.js';
import type { Host, Switch } from '../../../shared/model/schema.js';
import type { Severity } from '../../../shared/validate/diagnostic.js';
import type { Health } from '../store/live.js';

/** What every node shows beside its element: problem badge and live health. */
export interface Decoration {
  [key: string]: unknown;
  /** Number of diagnostics naming the element. */
  readonly problems: number;
  readonly worst?: Severity;
  readonly health?: Health;
  /** Why live status gives that health, when it says (`Te2/0/18 is not bundled...`); one string, so an unchanged reason keeps the node. */
  readonly healthReason?: string;
  readonly drift?: boolean;
  /** Lines written as they are (an interface's extra lines, a host's unmanaged blocks), and how many of them run as root. */
  readonly verbatim?: Verbatim;
}

export interface Verbatim {
  readonly lines: number;
  readonly rootCommands: number;
}

/** Title of every node (device name, `bond0`, `Po8`), for the node and the SVG export. */
interface Titled {
  readonly title: string;
}

export type HostNode = Node<Decoration & Titled & { readonly host: Host }, 'host'>;
export type SwitchNode = Node<Decoration & Titled & { readonly sw: Switch }, 'switch'>;

/** What an element node shows: the element, its title, a line of detail, and an accent colour of its own (a VLAN's network). */
export type ElementNodeData<K extends NodeKind> = Decoration &
  Titled & {
    readonly element: ShapeOf<K>;
    readonly detail: string;
    readonly accent?: string;
  };
export type ElementNode<K extends NodeKind = NodeKind> = { [P in K]: Node<ElementNodeData<P>, P> }[K];

export type AppNode = HostNode | SwitchNode | ElementNode;
export type AppNodeType = AppNode['type'];

export const isDeviceNode = (n: AppNode): n is HostNode | SwitchNode => kindEntry(n.type).frame === true;

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
