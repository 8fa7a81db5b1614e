/**
 * An index of a design's elements by id, with the JSON path and owners of
 * each and its references resolved both ways. Built once per design; rules,
 * targets and the canvas look elements up here instead of searching arrays.
 * Which lists hold elements, and in what order, and which fields refer to
 * which kinds, comes from the kind registry.
 */
import {
  elementsIn,
  KIND_ENTRIES,
  kindEntry,
  kindsOwnedBy,
  type ElementKind,
  type ElementOf,
  type Located,
  type OwnerKind,
} from './kinds/index.js';
import type { PathSegment } from './paths.js';
import type { Design } from './schema.js';

export type { ElementKind, ElementOf, Located } from './kinds/index.js';

export interface DesignIndex {
  readonly design: Design;
  /** Every element by id; the first one wins when ids repeat (integrity reports the repeat). */
  readonly byId: ReadonlyMap<string, Located>;
  /** Every element in document order, duplicates included. */
  readonly all: readonly Located[];
  /** The elements of one kind, in document order: a rule about bonds reads the bonds, not every element. */
  ofKind<K extends ElementKind>(kind: K): readonly ElementOf<K>[];
  get<K extends ElementKind>(id: string, kind: K): ElementOf<K> | undefined;
  /**
   * What a reference field of the element names, resolved when the index was built: the element
   * for a field holding one id, one entry per id for a list; `undefined` where an id names nothing.
   * Integrity reads this; rules follow references with `target` and `targets`.
   */
  resolved(located: Located, field: string): Resolved;
  /** The element a reference field names, if it is of `kind`. */
  target<K extends ElementKind>(located: Located, field: string, kind: K): ElementOf<K> | undefined;
  /** The elements a reference list names that are of `kind`, in list order. */
  targets<K extends ElementKind>(located: Located, field: string, kind: K): readonly ElementOf<K>[];
  /** Elements whose references (any field the registry declares) name this one, each once, in document order. */
  referrersOf(located: Located): readonly Located[];
  /** The elements the element holds directly (a switch's ports and port-channels), in document order. */
  childrenOf(located: Located): readonly Located[];
}

/** A reference field resolved: one element (or none) for an id, one entry per id for a list. */
export type Resolved = Located | undefined | readonly (Located | undefined)[];

const NONE: readonly never[] = [];

/**
 * One indexed element: its kind, the element, its owners (getters by kind id, `host`, `vm`: see
 * `CLASS_OF`) and where it sits. The JSON path is worked out when asked: few elements ever need it (a problem to
 * report, an edit), and a design of 50,000 hosts holds over half a million elements. References
 * are resolved once, both ways, in private fields: rules follow them without looking ids up, and
 * nothing that copies or serialises an indexed element meets the cycles.
 */
class IndexedElement {
  /** Per reference of the kind, in registry order: what it names. */
  #targets: Resolved[] | undefined;
  #referrers: Located | Located[] | undefined;

  constructor(
    readonly kind: ElementKind,
    readonly element: { readonly id: string },
    /** The indexed element holding this one; none for what the design holds. */
    private readonly holder: IndexedElement | undefined,
    /** Its position in its kind's collection of the holder. */
    private readonly position: number,
    /** Its position in the index's list of every element, where what it holds follows it. */
    readonly at: number,
  ) {}

  get path(): readonly PathSegment[] {
    return [...(this.holder?.path ?? []), kindEntry(this.kind).collection, this.position];
  }

  resolve(byId: ReadonlyMap<string, Located>): void {
    const references = kindEntry(this.kind).references;
    if (!references) return;
    const element = this.element as unknown as Record<string, unknown>;
    const self = this as unknown as Located;
    // Arrays of their exact length: half a million of them, each grown by `push`, would hold 17 slots.
    const targets: Resolved[] = new Array<Resolved>(references.length);
    for (let r = 0; r < references.length; r++) {
      const value = element[references[r]!.field];
      if (typeof value === 'string') {
        const target = byId.get(value);
        if (target) (target as unknown as IndexedElement).#referredBy(self);
        targets[r] = target;
      } else if (Array.isArray(value)) {
        const ids = value as readonly string[];
        const list = new Array<Located | undefined>(ids.length);
        for (let i = 0; i < ids.length; i++) {
          const target = byId.get(ids[i]!);
          if (target) (target as unknown as IndexedElement).#referredBy(self);
          list[i] = target;
        }
        targets[r] = list;
      }
    }
    this.#targets = targets;
  }

  /**
   * An element naming this one in two fields, or twice in a list, is listed once: its references are
   * resolved together. Most elements have one referrer, kept without an array.
   */
  #referredBy(by: Located): void {
    const referrers = this.#referrers;
    if (referrers === undefined) this.#referrers = by;
    else if (!Array.isArray(referrers)) {
      if (referrers !== by) this.#referrers = [referrers, by];
    } else if (referrers[referrers.length - 1] !== by) referrers.push(by);
  }

  resolved(field: string): Resolved {
    const references = kindEntry(this.kind).references ?? [];
    for (let i = 0; i < references.length; i++) if (references[i]!.field === field) return this.#targets?.[i];
    return undefined;
  }

  get referrers(): readonly Located[] {
    const referrers = this.#referrers;
    if (referrers === undefined) return NONE;
    if (Array.isArray(referrers)) return referrers;
    // Asked for as a list: kept as one from now on.
    return (this.#referrers = [referrers]);
  }

  /** Whether `holder` holds this element, directly or further up. */
  isHeldBy(holder: IndexedElement): boolean {
    for (let above = this.holder; above; above = above.holder) if (above === holder) return true;
    return false;
  }

  /** Whether `holder` holds this element directly. */
  isChildOf(holder: IndexedElement): boolean {
    return this.holder === holder;
  }

  /** The element of the nearest holder of `kind` above this one. */
  ownerElement(kind: ElementKind): object | undefined {
    for (let holder = this.holder; holder; holder = holder.holder) if (holder.kind === kind) return holder.element;
    return undefined;
  }
}

/**
 * The owner fields of `Located` (`host`, `switch`, `vm`) are read up the holder chain: no indexed
 * element carries copies of them, which half a million elements would pay for in memory. Each
 * kind's elements are made by a class with getters for exactly its owners, so `'host' in located`
 * still says whether the element sits in a host; kinds with the same owners share a class.
 */
const classByOwners = new Map<string, typeof IndexedElement>();
const CLASS_OF = new Map(
  KIND_ENTRIES.map((kind) => {
    const owners: ElementKind[] = [];
    for (let owner = kind.owner; owner !== 'design'; owner = kindEntry(owner).owner) owners.push(owner);
    let made = classByOwners.get(owners.join(' '));
    if (!made) {
      made = class extends IndexedElement {};
      for (const owner of owners)
        Object.defineProperty(made.prototype, owner, {
          get(this: IndexedElement) {
            return this.ownerElement(owner);
          },
        });
      classByOwners.set(owners.join(' '), made);
    }
    return [kind.id, made] as const;
  }),
);

export function indexDesign(design: Design): DesignIndex {
  const all: Located[] = [];
  const visit = (ownerKind: OwnerKind, owner: object, holder: IndexedElement | undefined) => {
    for (const kind of kindsOwnedBy(ownerKind)) {
      const holds = kindsOwnedBy(kind.id).length > 0;
      const list = elementsIn(owner, kind);
      const Indexed = CLASS_OF.get(kind.id)!;
      for (let i = 0; i < list.length; i++) {
        const element = list[i]!;
        const indexed = new Indexed(kind.id, element, holder, i, all.length);
        all.push(indexed as unknown as Located);
        if (holds) visit(kind.id, element, indexed);
      }
    }
  };
  visit('design', design, undefined);

  // Filled from the last element back, so that of a repeated id the first one is what stays.
  const byId = new Map<string, Located>();
  for (let i = all.length - 1; i >= 0; i--) byId.set(all[i]!.element.id, all[i]!);
  for (const located of all) (located as unknown as IndexedElement).resolve(byId);

  let byKind: Map<ElementKind, Located[]> | undefined;
  const listsByKind = () => {
    if (!byKind) {
      byKind = new Map();
      for (const located of all) {
        const list = byKind.get(located.kind);
        if (list) list.push(located);
        else byKind.set(located.kind, [located]);
      }
    }
    return byKind;
  };

  return {
    design,
    byId,
    all,
    ofKind<K extends ElementKind>(kind: K) {
      return (listsByKind().get(kind) ?? []) as unknown as readonly ElementOf<K>[];
    },
    get<K extends ElementKind>(id: string, kind: K) {
      const found = byId.get(id);
      return found?.kind === kind ? (found as ElementOf<K>) : undefined;
    },
    resolved: (located, field) => (located as unknown as IndexedElement).resolved(field),
    target<K extends ElementKind>(located: Located, field: string, kind: K) {
      const resolved = (located as unknown as IndexedElement).resolved(field);
      return !Array.isArray(resolved) && (resolved as Located | undefined)?.kind === kind
        ? (resolved as ElementOf<K>)
        : undefined;
    },
    targets<K extends ElementKind>(located: Located, field: string, kind: K) {
      const resolved = (located as unknown as IndexedElement).resolved(field);
      if (!Array.isArray(resolved)) return NONE;
      const list = resolved as readonly (Located | undefined)[];
      // Members are nearly always all of the kind asked for: then the list itself is the answer.
      return (list.every((t) => t?.kind === kind) ? list : list.filter((t) => t?.kind === kind)) as ElementOf<K>[];
    },
    referrersOf: (located) => (located as unknown as IndexedElement).referrers,
    childrenOf(located) {
      const holder = located as unknown as IndexedElement;
      // What an element holds comes right after it in document order, up to the first element it does not hold.
      const children: Located[] = [];
      for (let i = holder.at + 1; i < all.length; i++) {
        const next = all[i] as unknown as IndexedElement;
        if (next.isChildOf(holder)) children.push(all[i]!);
        else if (!next.isHeldBy(holder)) break;
      }
      return children;
    },
  };
}
