/**
 * Deleting elements and links. What depends on a deleted element goes with
 * it: what it owns (a host's interfaces, a VM's NICs) and what holds a
 * `delete-self` reference to it (a VLAN interface on a deleted parent, a NIC
 * on a deleted bridge, a cable to a deleted port). `drop-ref` references to
 * it (bond members, bridge ports, port-channel members, an MLAG peer) are
 * dropped. Which is which comes from the kind registry, so the result is
 * always a loadable design.
 */
import type { Located } from '../model/index-of.js';
import {
  KIND_ENTRIES,
  kindEntry,
  kindsOwnedBy,
  ownerOf,
  type KindEntry,
  type OwnerKind,
} from '../model/kinds/index.js';
import type { Design } from '../model/schema.js';
import { indexOf } from './cached-index.js';
import { listLinks, membershipId } from './links.js';

/** The requested ids, what they own, and what cannot live without them, until nothing more goes. */
function expand(all: readonly Located[], ids: Set<string>): Set<string> {
  const gone = new Set(ids);
  const ownerGone = (located: Located) => {
    const owner = ownerOf(located)?.element as { readonly id: string } | undefined;
    return owner !== undefined && gone.has(owner.id);
  };
  const dependsOnGone = (located: Located) =>
    (kindEntry(located.kind).references ?? []).some((r) => {
      const value = (located.element as unknown as Record<string, unknown>)[r.field];
      return r.onDelete === 'delete-self' && typeof value === 'string' && gone.has(value);
    });
  // VLAN interfaces stacked on VLAN interfaces: repeat until nothing new goes.
  for (let changed = true; changed;) {
    changed = false;
    for (const located of all) {
      if (gone.has(located.element.id)) continue;
      if (ownerGone(located) || dependsOnGone(located)) {
        gone.add(located.element.id);
        changed = true;
      }
    }
  }
  return gone;
}

/** `items` without the unwanted ones; the same array when nothing goes. */
function keepSame<T>(items: readonly T[], wanted: (item: T) => boolean): readonly T[] {
  const kept = items.filter(wanted);
  return kept.length === items.length ? items : kept;
}

/** `items` mapped; the same array when every item maps to itself. */
function mapSame<T>(items: readonly T[], fn: (item: T) => T): readonly T[] {
  const mapped = items.map(fn);
  return mapped.every((m, i) => m === items[i]) ? items : mapped;
}

/** `next` unless every field is identical to `before`'s, so untouched parts keep their identity. */
function sameOr<T extends object>(before: T, next: T): T {
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]) as Set<keyof T>;
  return [...keys].every((k) => before[k] === next[k]) ? before : next;
}

type Element = { readonly id: string } & Record<string, unknown>;

/** The element without references to gone elements or cut links, and with its owned lists pruned. */
function prune(
  kind: OwnerKind,
  entry: KindEntry | undefined,
  element: Element,
  gone: Set<string>,
  cut: Set<string>,
): Element {
  const next: Record<string, unknown> = { ...element };
  for (const reference of entry?.references ?? []) {
    const value = element[reference.field];
    const link = reference.link;
    if (Array.isArray(value)) {
      next[reference.field] = keepSame(
        value as string[],
        (id) => !gone.has(id) && !(link && cut.has(membershipId(link.prefix, element.id, id))),
      );
    } else if (typeof value === 'string' && reference.onDelete === 'drop-ref') {
      const among = reference.among === undefined ? undefined : (next[reference.among] as readonly string[]);
      if (gone.has(value) || (among && !among.includes(value))) delete next[reference.field];
    }
  }
  for (const child of kindsOwnedBy(kind)) {
    const list = element[child.collection] as readonly Element[];
    next[child.collection] = mapSame(
      keepSame(list, (e) => !gone.has(e.id)),
      (e) => prune(child.id, child, e, gone, cut),
    );
  }
  return sameOr(element, next as Element);
}

/** Membership links whose reference cannot be dropped alone: cutting one deletes the element holding it. */
const SELF_DELETING = new Set(
  KIND_ENTRIES.flatMap((k) =>
    (k.references ?? []).flatMap((r) => (r.onDelete === 'delete-self' && r.link ? [r.link.kind] : [])),
  ),
);

/**
 * Removes elements and links by id (element ids, cable ids, NIC ids, derived
 * membership ids). Cutting the link of a `delete-self` reference (a VLAN
 * interface's parent) removes the element holding it; cutting any other
 * membership removes only the reference.
 */
export function removeElements(design: Design, ids: Iterable<string>): Design {
  const requested = new Set(ids);
  const cut = new Set<string>();
  const index = indexOf(design);
  const links = new Map(listLinks(design).map((l) => [l.id, l]));
  for (const id of requested) {
    const link = links.get(id);
    if (!link || index.byId.has(id)) continue;
    if (SELF_DELETING.has(link.kind)) requested.add(link.target);
    else cut.add(id);
  }
  const gone = expand(index.all, requested);
  const pruned = prune('design', undefined, design as unknown as Element, gone, cut) as unknown as Design;
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([id]) => !gone.has(id)));
  return { ...pruned, layout };
}
