/**
 * The kind registry: every element kind, each declared once in its own file
 * (see `define.ts` for what an entry says). Order matters: it is the order of
 * the document (and of `indexDesign`), of the palette, and of a host's
 * interfaces. A new kind is one file here and one line in `KIND_LIST`.
 *
 * The element types (`ElementOf<K>`, `Located`) are derived from the entries:
 * a located element carries its owners by kind id (`host`, `switch`, `vm`).
 */
import type { PathSegment } from '../paths.js';
import { bond } from './bond.js';
import { bridge } from './bridge.js';
import { cable } from './cable.js';
import type { Create, ShapeOfDefinition, Size } from './define.js';
import { host } from './host.js';
import { network } from './network.js';
import { ovsBond } from './ovs-bond.js';
import { ovsBridge } from './ovs-bridge.js';
import { ovsIntPort } from './ovs-int-port.js';
import { portChannel } from './port-channel.js';
import { portGroup } from './port-group.js';
import { port } from './port.js';
import { switchPort } from './switch-port.js';
import { switchKind } from './switch.js';
import { bridgeRule } from './bridge-rule.js';
import { virtualNetwork } from './virtual-network.js';
import { vmNic } from './vm-nic.js';
import { vm } from './vm.js';
import { vlan } from './vlan.js';
import { vswitch } from './vswitch.js';

export const KIND_LIST = [
  network,
  host,
  port,
  bond,
  bridge,
  vlan,
  ovsBond,
  ovsBridge,
  ovsIntPort,
  vswitch,
  portGroup,
  vm,
  vmNic,
  virtualNetwork,
  bridgeRule,
  switchKind,
  switchPort,
  portChannel,
  cable,
] as const;

type AnyKind = (typeof KIND_LIST)[number];
export type ElementKind = AnyKind['id'];
/** The registry entry of kind `K`. */
export type KindOf<K extends ElementKind> = Extract<AnyKind, { readonly id: K }>;
/** The element type of kind `K` (`ShapeOf<'bond'>` is `Bond`). */
export type ShapeOf<K extends ElementKind> = ShapeOfDefinition<KindOf<K>>;
/** What owns elements: the design itself, or an element kind. */
export type OwnerKind = 'design' | ElementKind;

/** The owners of a kind's elements, by kind id: `{ host }` for a port, `{ vm, host }` for a VM NIC. */
type OwnersOf<K extends ElementKind> = KindOf<K>['owner'] extends infer O
  ? O extends ElementKind
    ? { readonly [P in O]: ShapeOf<O> } & OwnersOf<O>
    : unknown
  : never;

type LocatedOf<K extends ElementKind> = {
  readonly kind: K;
  readonly element: ShapeOf<K>;
  readonly path: readonly PathSegment[];
} & OwnersOf<K>;

/** An element of the design with its kind, JSON path and owners. */
export type Located = { [K in ElementKind]: LocatedOf<K> }[ElementKind];
export type ElementOf<K extends ElementKind> = Extract<Located, { readonly kind: K }>;

/** Kinds whose elements are network interfaces of a host (ports, bonds, bridges, VLAN interfaces). */
export type HostInterfaceKind = Extract<AnyKind, { readonly hostInterface: true }>['id'];
export type HostInterface = ShapeOf<HostInterfaceKind>;
/** Kinds drawn as nodes inside a device frame. */
export type NodeKind = Extract<AnyKind, { readonly canvas: object }>['id'];
/** Kinds drawn as frames (hosts, switches). */
export type FrameKind = Extract<AnyKind, { readonly frame: true }>['id'];
/** Kinds the palette places. */
export type PlaceableKind = Extract<AnyKind, { readonly palette: object }>['id'];
/** Kinds whose elements `O` holds. */
export type KindsOwnedBy<O extends OwnerKind> = Extract<AnyKind, { readonly owner: O }>['id'];

type RefLinkKind<D> = D extends { readonly references: readonly (infer R)[] }
  ? R extends { readonly link: { readonly kind: infer L } }
    ? L
    : never
  : never;
type ElementLinkKind<D> = D extends { readonly link: { readonly kind: infer L } } ? L : never;
/** Links the canvas draws: memberships (`bond-member`, ...) and elements that are links (`cable`, `vm-nic`). */
export type LinkKind = RefLinkKind<AnyKind> | ElementLinkKind<AnyKind>;

/** A registry entry seen without its literal types, for code that walks every kind. */
export interface KindEntry {
  readonly id: ElementKind;
  readonly owner: OwnerKind;
  readonly collection: string;
  readonly label: string;
  title(element: never): string;
  phrase?(element: never): string;
  readonly references?: readonly {
    readonly field: string;
    readonly to: readonly string[];
    readonly sameDevice?: boolean;
    readonly among?: string;
    readonly onDelete: 'drop-ref' | 'delete-self';
    readonly link?: { readonly kind: string; readonly prefix: string; readonly label: string };
  }[];
  readonly link?: {
    readonly kind: string;
    readonly label: string;
    readonly source: string;
    readonly target: string;
    readonly edge: 'cable' | 'nic';
  };
  readonly attributes?: import('../attributes.js').AttributeTable;
  readonly hostInterface?: boolean;
  readonly unique?: readonly {
    readonly field: string;
    readonly group: string;
    message(value: string | number, owner: string, other: string): string;
  }[];
  check?(element: never, owner: never, report: (field: string, message: string) => void): void;
  readonly create?: Create<never>;
  readonly frame?: boolean;
  readonly canvas?: { readonly row: number; readonly size: Size };
  readonly palette?: { readonly hint: string };
  readonly icon: string;
}

export const KINDS = Object.fromEntries(KIND_LIST.map((k) => [k.id, k])) as unknown as {
  readonly [K in ElementKind]: KindOf<K>;
};

/** Every entry, in registry order, typed for generic walks. */
export const KIND_ENTRIES: readonly KindEntry[] = KIND_LIST;

const ENTRY: Readonly<Record<ElementKind, KindEntry>> = KINDS;

export function kindEntry(kind: ElementKind): KindEntry {
  return ENTRY[kind];
}

const childrenByOwner = new Map<OwnerKind, KindEntry[]>();
for (const k of KIND_ENTRIES) childrenByOwner.set(k.owner, [...(childrenByOwner.get(k.owner) ?? []), k]);

/** Kinds whose elements `owner` holds, in registry order. */
export function kindsOwnedBy(owner: OwnerKind): readonly KindEntry[] {
  return childrenByOwner.get(owner) ?? [];
}

/** The elements of one kind held by `owner` (a design, host, switch or VM). */
export function elementsIn(owner: object, kind: KindEntry): readonly { readonly id: string }[] {
  return ((owner as Record<string, unknown>)[kind.collection] as readonly { readonly id: string }[] | undefined) ?? [];
}

/** Every element `owner` holds directly, kind by kind in registry order. */
export function childrenOf(ownerKind: OwnerKind, owner: object): { readonly id: string }[] {
  return kindsOwnedBy(ownerKind).flatMap((k) => elementsIn(owner, k));
}

/** Elements of `device` that a reference `field` of `kind` may point at (the parents a VLAN interface may sit on). */
export function referable(
  kind: ElementKind,
  field: string,
  deviceKind: OwnerKind,
  device: object,
): { readonly id: string }[] {
  const to = ENTRY[kind].references?.find((r) => r.field === field)?.to ?? [];
  return kindsOwnedBy(deviceKind)
    .filter((k) => to.includes(k.id))
    .flatMap((k) => elementsIn(device, k));
}

const LINK_LABELS = new Map<string, string>(
  KIND_ENTRIES.flatMap((k) => [
    ...(k.references ?? []).flatMap((r) => (r.link ? [[r.link.kind, r.link.label] as const] : [])),
    ...(k.link ? [[k.link.kind, k.link.label] as const] : []),
  ]),
);

/** What a link is called: "Bond membership", "Cable". */
export function linkLabel(kind: LinkKind): string {
  return LINK_LABELS.get(kind) ?? kind;
}

const HOST_INTERFACE_KINDS = kindsOwnedBy('host').filter((k) => k.hostInterface);

/** The host's network interfaces: ports, bonds, bridges, VLAN interfaces (registry order). */
export function hostInterfaces(host: ShapeOf<'host'>): HostInterface[] {
  return HOST_INTERFACE_KINDS.flatMap((k) => elementsIn(host, k) as readonly HostInterface[]);
}

export function isHostInterface(located: Located): located is ElementOf<HostInterfaceKind> {
  return ENTRY[located.kind].hostInterface === true;
}

const titleOf = (kind: KindEntry, element: unknown) => (kind.title as (e: unknown) => string)(element);
const phraseOf = (kind: KindEntry, element: unknown) =>
  kind.phrase ? (kind.phrase as (e: unknown) => string)(element) : `${kind.label} ${titleOf(kind, element)}`;

/** Title of an element of `kind` met outside an index (a list of devices to pick from). */
export function kindTitle(kind: ElementKind, element: object): string {
  return titleOf(ENTRY[kind], element);
}

/** Short name as on the node: `bond0`, `Po8`, `net0`. */
export function elementTitle(located: Located): string {
  return titleOf(ENTRY[located.kind], located.element);
}

/** The element's owner element (its host, switch or VM), if it has one. */
export function ownerOf(located: Located): { readonly kind: ElementKind; readonly element: object } | undefined {
  const owner = ENTRY[located.kind].owner;
  if (owner === 'design') return undefined;
  return { kind: owner, element: (located as unknown as Record<string, object>)[owner]! };
}

/** The frame the element sits in (its host or switch), if any. */
export function deviceOf(
  located: Located,
): { readonly kind: FrameKind; readonly element: { readonly id: string; readonly name: string } } | undefined {
  for (let kind: OwnerKind = ENTRY[located.kind].owner; kind !== 'design'; kind = ENTRY[kind].owner) {
    if (ENTRY[kind].frame === true)
      return {
        kind: kind as FrameKind,
        element: (located as unknown as Record<string, { id: string; name: string }>)[kind]!,
      };
  }
  return undefined;
}

/**
 * The element in words people recognise: `bond bond0 on ms01`, `port-channel 8
 * on n4032`, `VM web net0`, `network mgmt (VLAN 10)`.
 */
export function elementName(located: Located): string {
  const kind = ENTRY[located.kind];
  if (kind.owner === 'design') return phraseOf(kind, located.element);
  const owner = ENTRY[kind.owner];
  const ownerElement = (located as unknown as Record<string, unknown>)[kind.owner];
  if (owner.frame !== true) return `${phraseOf(owner, ownerElement)} ${titleOf(kind, located.element)}`;
  return `${phraseOf(kind, located.element)} on ${titleOf(owner, ownerElement)}`;
}

/** The element in words without its host or switch (`bond bond0`), for lists already grouped by device. */
export function elementPhrase(located: Located): string {
  return phraseOf(ENTRY[located.kind], located.element);
}

export * from './define.js';
export { COMMENT, MTU } from './common.js';
export { portAttributes } from './port.js';
export { BOND_MODES, bondAttributes, XMIT_HASH_POLICIES, type BondMode } from './bond.js';
export { bridgeAttributes } from './bridge.js';
export { vlanInterfaceAttributes } from './vlan.js';
export { NIC_MODELS, vmNicAttributes } from './vm-nic.js';
export { LACP_MODES, portChannelAttributes, type LacpMode } from './port-channel.js';
export { switchPortAttributes } from './switch-port.js';
export { NETWORK_PURPOSES, networkAttributes } from './network.js';
export { vmAttributes } from './vm.js';
export {
  LOAD_BALANCING,
  UPLINK_ROLES,
  uplinksOf,
  vswitchAttributes,
  type LoadBalancing,
  type UplinkRole,
} from './vswitch.js';
export { PORT_GROUP_ALL_VLANS, portGroupAttributes } from './port-group.js';
export { SECURITY_FIELDS, type SecurityField, type SecurityVerdict } from './esxi-common.js';
export { VIRTUAL_NETWORK_MODES, VIRTUAL_NETWORK_ZONES, virtualNetworkAttributes } from './virtual-network.js';
export { BRIDGE_RULE_DIRECTIONS, bridgeRuleAttributes } from './bridge-rule.js';
