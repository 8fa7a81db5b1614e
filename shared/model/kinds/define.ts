/**
 * What one element kind declares, once: where its elements live (owner and
 * collection), how people call them, what they point at and what happens to
 * those references on delete, their attributes, their place on the canvas,
 * their palette entry and icon. The registry (`./index.ts`) lists every kind;
 * integrity, the index, topology, edits, layout, rules, the canvas, the
 * inspector and live status read these entries instead of naming kinds.
 */
import type { AttributeTable } from '../attributes.js';
import type { Design } from '../schema.js';

/** Size of a node on the canvas, in flow units. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Keys of `E` whose values are element ids (one id, an optional id or a list of ids). */
export type RefField<E> = {
  [F in keyof E]-?: NonNullable<E[F]> extends string | readonly string[] ? F : never;
}[keyof E] &
  string;

/** Keys of `O` that hold a list of `E`. */
export type CollectionField<O, E> = {
  [F in keyof O]-?: O[F] extends readonly E[] ? F : never;
}[keyof O] &
  string;

/** What a reference does when the element it points at is deleted. */
export type OnDelete =
  /** The reference is dropped (a bond loses a member, a switch its MLAG peer). */
  | 'drop-ref'
  /** The element holding it goes too (a VLAN interface without parent, a cable without its port). */
  | 'delete-self';

/**
 * A membership the canvas draws as an edge, from the referenced element to
 * the one holding the reference. Its id is `<prefix>:<holder>:<member>` (or
 * `<prefix>:<holder>` for a single reference): stable, and never an element
 * id (ids never contain ':').
 */
export interface RefLink {
  readonly kind: string;
  readonly prefix: string;
  /** What the link is called in the inspector: "Bond membership". */
  readonly label: string;
}

export interface Reference<E> {
  readonly field: RefField<E>;
  /** Kinds the reference may point at. */
  readonly to: readonly string[];
  /** The target must sit on the same device (host or switch). */
  readonly sameDevice?: boolean;
  /** The id must also appear in this list field of the same element (a bond's primary among its members). */
  readonly among?: RefField<E>;
  readonly onDelete: OnDelete;
  readonly link?: RefLink;
}

/** An element that is itself a link on the canvas (a cable, a VM NIC): its ends by field, or its owner. */
export interface ElementLink<E> {
  readonly kind: string;
  readonly label: string;
  readonly source: RefField<E> | 'owner';
  readonly target: RefField<E>;
  /** Edge type the canvas draws it with. */
  readonly edge: 'cable' | 'nic';
}

/**
 * A value that must be unique among the elements of one owner (a host, a
 * switch, a VM). Kinds naming the same `group` share one namespace: ports,
 * bonds, bridges and VLAN interfaces share the host's interface names.
 */
export interface Unique<E> {
  readonly field: keyof E & string;
  readonly group: string;
  /** Sentence for the second element holding `value`; `owner` is the owner's title, `other` the first holder's id. */
  message(value: string | number, owner: string, other: string): string;
}

/** Where a kind's nodes sit inside its device frame: row 0 is the top. */
export interface CanvasNode {
  readonly row: number;
  readonly size: Size;
}

export interface PaletteEntry {
  /** Tooltip: what the element is, with an example. */
  readonly hint: string;
}

/** What a kind's `create` gets: the owner it is added to, the design, and helpers for free names and numbers. */
export interface CreateContext<O> {
  readonly owner: O;
  readonly design: Design;
  /** Interface names already used on the owner (a host). */
  readonly names: readonly string[];
  /** The first `prefix<N>` (N from `start`, default 0) not in `used`. */
  nextNumbered(prefix: string, used: Iterable<string>, start?: number): string;
  /** The smallest integer >= `start` not in `used`. */
  nextFree(used: Iterable<number>, start: number): number;
  /** Stops the edit with a sentence for the person who tried it. */
  refuse(message: string): never;
}

/**
 * A new element as the palette adds it: the base of its id and its fields
 * (schema defaults fill in the rest, then it is checked by the element schema).
 */
export type Create<O> = (context: CreateContext<O>) => {
  readonly idBase: string;
  readonly fields: Readonly<Record<string, unknown>>;
};

/** The element's own checks beyond types and references (a port name in the switch's scheme). */
export type OwnCheck<E, O> = (element: E, owner: O, report: (field: string, message: string) => void) => void;

export interface KindDefinition<E extends { readonly id: string }, O = unknown> {
  /** Kind id, as in `Located.kind` and React Flow node types. */
  readonly id: string;
  /** The kind whose elements hold this kind's elements, or `design` for top-level kinds. */
  readonly owner: string;
  /** The list on the owner that holds the elements. */
  readonly collection: string;
  /** The kind in words: "VLAN interface". */
  readonly label: string;
  /** Short name on the node and the inspector head: `bond0`, `Po8`, `net0`. */
  title(element: E): string;
  /** The element in a sentence without its device: `bond bond0`, `port-channel 8`. Default: label and title. */
  phrase?(element: E): string;
  readonly references?: readonly Reference<E>[];
  /** Set when the element itself is drawn as a link rather than a node. */
  readonly link?: ElementLink<E>;
  readonly attributes?: AttributeTable;
  /** A network interface of its host (one namespace of names, an ifupdown2 stanza, live status). */
  readonly hostInterface?: boolean;
  readonly unique?: readonly Unique<E>[];
  readonly check?: OwnCheck<E, O>;
  /** How the palette adds one; kinds without it are not added from the palette inside a device. */
  readonly create?: Create<O>;
  /** A frame (sub-flow) on the canvas that holds the nodes of the kinds it owns. */
  readonly frame?: boolean;
  /** A node inside its device's frame. */
  readonly canvas?: CanvasNode;
  readonly palette?: PaletteEntry;
  /** SVG path data on a 24x24 line-icon grid. */
  readonly icon: string;
}

/**
 * Declares a kind. Curried so that the element and owner types are given and
 * the rest is inferred with its literal types: `defineKind<Port, Host>()({...})`.
 * The collection must be a list of `E` on `O`.
 */
export function defineKind<E extends { readonly id: string }, O>() {
  return <const D extends KindDefinition<E, O>>(
    definition: D & { readonly collection: CollectionField<O, E> },
  ): D & ElementBrand<E> => definition;
}

/** Carries a kind's element type in the entry's type (never set at run time). */
export interface ElementBrand<E> {
  readonly __element?: E;
}

/** The element type a kind declares. */
export type ShapeOfDefinition<D> = D extends ElementBrand<infer E extends { readonly id: string }> ? E : never;
