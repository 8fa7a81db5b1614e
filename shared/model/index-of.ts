/**
 * An index of a design's elements by id, with the JSON path and owners of
 * each. Built once per design; rules, targets and the canvas look elements up
 * here instead of searching arrays. Which lists hold elements, and in what
 * order, comes from the kind registry.
 */
import {
  elementsIn,
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
}

/**
 * One indexed element: its kind, the element, its owners (set by kind id, `host`, `vm`) and where
 * it sits. The JSON path is worked out when asked: few elements ever need it (a problem to
 * report, an edit), and a design of 50,000 hosts holds over half a million elements.
 */
class IndexedElement {
  constructor(
    readonly kind: ElementKind,
    readonly element: { readonly id: string },
    /** The indexed element holding this one; none for what the design holds. */
    private readonly holder: IndexedElement | undefined,
    private readonly collection: string,
    private readonly position: number,
  ) {}

  get path(): readonly PathSegment[] {
    return [...(this.holder?.path ?? []), this.collection, this.position];
  }
}

export function indexDesign(design: Design): DesignIndex {
  const all: Located[] = [];
  /** `owners` holds the elements above, by kind id (`host`, `vm`): they become fields of each indexed element. */
  const visit = (
    ownerKind: OwnerKind,
    owner: object,
    holder: IndexedElement | undefined,
    owners: readonly (readonly [string, object])[],
  ) => {
    for (const kind of kindsOwnedBy(ownerKind)) {
      const holds = kindsOwnedBy(kind.id).length > 0;
      const list = elementsIn(owner, kind);
      for (let i = 0; i < list.length; i++) {
        const element = list[i]!;
        const indexed = new IndexedElement(kind.id, element, holder, kind.collection, i);
        for (const [key, value] of owners) (indexed as unknown as Record<string, unknown>)[key] = value;
        all.push(indexed as unknown as Located);
        if (holds) visit(kind.id, element, indexed, [...owners, [kind.id, element]]);
      }
    }
  };
  visit('design', design, undefined, []);

  // Filled from the last element back, so that of a repeated id the first one is what stays.
  const byId = new Map<string, Located>();
  for (let i = all.length - 1; i >= 0; i--) byId.set(all[i]!.element.id, all[i]!);

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
  };
}
