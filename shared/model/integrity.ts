/**
 * Cross-element integrity of a schema-valid design: unique ids, values unique
 * per owner (interface names on a host, VM ids, NIC slots, switch port names,
 * port-channel numbers), every reference pointing at an element of the right
 * kind in the right place, and each kind's own checks. What to check comes
 * from the kind registry; one pass over the elements, so the cost grows
 * linearly with the design. A design that fails here cannot be loaded; design
 * rules (shared/validate) judge only designs that pass.
 */
import { indexDesign, type DesignIndex, type Located } from './index-of.js';
import { deviceOf, kindEntry, ownerOf, type ElementKind } from './kinds/index.js';
import { formatPath, type PathSegment } from './paths.js';
import type { Design } from './schema.js';

/** How many owners sit above elements of `kind`: 0 for what the design holds, 1 in a host or switch, 2 in a VM. */
function depthOf(kind: ElementKind): number {
  let depth = 0;
  for (let owner = kindEntry(kind).owner; owner !== 'design'; owner = kindEntry(owner).owner) depth++;
  return depth;
}

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

  /** Problem with `target`, what `id` names, as an element of one of `kinds` (on the device `here`, when given), if any. */
  const refProblem = (
    id: string,
    target: Located | undefined,
    kinds: readonly string[],
    here: ReturnType<typeof deviceOf>,
  ): string | undefined => {
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

  /**
   * First holder of each value by group, for the registry's unique values, of the owners being
   * walked. Elements come in document order, an owner's own before the next owner's, so one
   * owner per nesting depth is open at a time (the design, a host, one of its VMs), and what a
   * finished owner held is let go.
   */
  const open: { owner: object; groups: Map<string, Map<string, string>> }[] = [];
  const holdersOf = (depth: number, owner: object, group: string) => {
    let level = open[depth];
    if (level?.owner !== owner) open[depth] = level = { owner, groups: new Map() };
    let byValue = level.groups.get(group);
    if (!byValue) level.groups.set(group, (byValue = new Map()));
    return byValue;
  };
  for (const located of index.all) {
    const kind = kindEntry(located.kind);
    const element = located.element as unknown as Record<string, unknown>;
    const owner = ownerOf(located);
    for (const unique of kind.unique ?? []) {
      const value = element[unique.field] as string | number;
      const held = holdersOf(depthOf(located.kind), owner?.element ?? design, unique.group);
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
        const targets = index.resolved(located, reference.field) as readonly (Located | undefined)[];
        (value as string[]).forEach((id, i) => {
          const problem = refProblem(id, targets[i], reference.to, here);
          if (problem) report([...located.path, reference.field, i], problem);
        });
      } else if (typeof value === 'string') {
        const problem =
          reference.among !== undefined && !(element[reference.among] as readonly string[]).includes(value)
            ? `${reference.field} "${value}" is not a member of ${kind.label} ${(kind.title as (e: unknown) => string)(element)}`
            : refProblem(value, index.resolved(located, reference.field) as Located | undefined, reference.to, here);
        if (problem) report([...located.path, reference.field], problem);
      }
    }
  }
  return issues;
}
