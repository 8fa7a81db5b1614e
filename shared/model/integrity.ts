/**
 * Cross-element integrity of a schema-valid design: unique ids, values unique
 * per owner (interface names on a host, VM ids, NIC slots, switch port names,
 * port-channel numbers), every reference pointing at an element of the right
 * kind in the right place, and each kind's own checks. What to check comes
 * from the kind registry; one pass over the elements, so the cost grows
 * linearly with the design. A design that fails here cannot be loaded; design
 * rules (shared/validate) judge only designs that pass.
 */
import { indexDesign, type DesignIndex } from './index-of.js';
import { deviceOf, kindEntry, ownerOf } from './kinds/index.js';
import { formatPath, type PathSegment } from './paths.js';
import type { Design } from './schema.js';

export interface IntegrityIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

/** `index` is the design's index when the caller has built it already. */
export function checkIntegrity(design: Design, index: DesignIndex = indexDesign(design)): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const report = (path: readonly PathSegment[], message: string) => issues.push({ path, message });

  // The index keeps the first element of each id: any other element with that id repeats it.
  if (index.byId.size < index.all.length) {
    for (const located of index.all) {
      const first = index.byId.get(located.element.id)!;
      if (first !== located)
        report(
          [...located.path, 'id'],
          `duplicate id "${located.element.id}" (also used by ${formatPath(first.path)})`,
        );
    }
  }

  /** Problem with `id` as an element of one of `kinds` (on the device `here`, when given), if any. */
  const refProblem = (id: string, kinds: readonly string[], here: ReturnType<typeof deviceOf>): string | undefined => {
    const target = index.byId.get(id);
    if (!target) return `refers to "${id}", which does not exist (expected a ${kinds.join(' or ')})`;
    if (!kinds.includes(target.kind))
      return `refers to "${id}", which is a ${target.kind}, not a ${kinds.join(' or ')}`;
    if (!here) return undefined;
    const there = deviceOf(target);
    return there && here.element.id !== there.element.id
      ? `refers to "${id}" on ${there.kind} ${there.element.name}, not on ${here.element.name}`
      : undefined;
  };
  const titleOf = (owner: ReturnType<typeof ownerOf>) =>
    owner ? (kindEntry(owner.kind).title as (e: unknown) => string)(owner.element) : '';

  /** First holder of each value, by owner id and group, for the registry's unique values. */
  const holders = new Map<string, Map<string, Map<string, string>>>();
  // Elements come owner by owner (document order): the last owner's groups are usually the ones asked for.
  let last: { readonly ownerId: string; readonly byGroup: Map<string, Map<string, string>> } | undefined;
  const holdersOf = (ownerId: string, group: string) => {
    if (last?.ownerId !== ownerId) {
      let byGroup = holders.get(ownerId);
      if (!byGroup) holders.set(ownerId, (byGroup = new Map()));
      last = { ownerId, byGroup };
    }
    const byGroup = last.byGroup;
    let byValue = byGroup.get(group);
    if (!byValue) byGroup.set(group, (byValue = new Map()));
    return byValue;
  };
  for (const located of index.all) {
    const kind = kindEntry(located.kind);
    const element = located.element as unknown as Record<string, unknown>;
    const owner = ownerOf(located);
    for (const unique of kind.unique ?? []) {
      const value = element[unique.field] as string | number;
      const held = holdersOf(owner ? (owner.element as { id: string }).id : '', unique.group);
      const key = String(value);
      const other = held.get(key);
      if (other !== undefined) report([...located.path, unique.field], unique.message(value, titleOf(owner), other));
      else held.set(key, located.element.id);
    }
    if (kind.check)
      kind.check(located.element as never, (owner?.element ?? design) as never, (field, message) =>
        report([...located.path, field], message),
      );
    for (const reference of kind.references ?? []) {
      const value = element[reference.field];
      const here = reference.sameDevice === true ? deviceOf(located) : undefined;
      if (Array.isArray(value)) {
        (value as string[]).forEach((id, i) => {
          const problem = refProblem(id, reference.to, here);
          if (problem) report([...located.path, reference.field, i], problem);
        });
      } else if (typeof value === 'string') {
        const problem =
          reference.among !== undefined && !(element[reference.among] as readonly string[]).includes(value)
            ? `${reference.field} "${value}" is not a member of ${kind.label} ${(kind.title as (e: unknown) => string)(element)}`
            : refProblem(value, reference.to, here);
        if (problem) report([...located.path, reference.field], problem);
      }
    }
  }
  return issues;
}
