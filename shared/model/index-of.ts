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
  get<K extends ElementKind>(id: string, kind: K): ElementOf<K> | undefined;
}

export function indexDesign(design: Design): DesignIndex {
  const all: Located[] = [];
  /** `owners` holds the elements above, by kind id (`host`, `vm`): they become fields of each located element. */
  const visit = (
    ownerKind: OwnerKind,
    owner: object,
    path: readonly PathSegment[],
    owners: readonly (readonly [string, object])[],
  ) => {
    for (const kind of kindsOwnedBy(ownerKind)) {
      const holds = kindsOwnedBy(kind.id).length > 0;
      const list = elementsIn(owner, kind);
      for (let i = 0; i < list.length; i++) {
        const element = list[i]!;
        const at = [...path, kind.collection, i];
        const located: Record<string, unknown> = { kind: kind.id, element, path: at };
        for (const [key, value] of owners) located[key] = value;
        all.push(located as unknown as Located);
        if (holds) visit(kind.id, element, at, [...owners, [kind.id, element]]);
      }
    }
  };
  visit('design', design, [], []);

  const byId = new Map<string, Located>();
  for (const located of all) if (!byId.has(located.element.id)) byId.set(located.element.id, located);

  return {
    design,
    byId,
    all,
    get<K extends ElementKind>(id: string, kind: K) {
      const found = byId.get(id);
      return found?.kind === kind ? (found as ElementOf<K>) : undefined;
    },
  };
}
