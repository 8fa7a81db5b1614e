/**
 * Changing fields of one element, and the check that keeps a design loadable:
 * an edit whose result the restore step would refuse is not applied; its
 * problems come back with JSON paths so a form can show them under the field.
 */
import { normaliseDesign, restoreDesign, type LoadProblem } from '../load/index.js';
import { formatPath, type PathSegment } from '../model/paths.js';
import type { Design } from '../model/schema.js';
import { indexOf } from './cached-index.js';
import { followVlanNames } from './vlan-name.js';

function setIn(
  value: unknown,
  path: readonly PathSegment[],
  fn: (old: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  if (path.length === 0) return fn(value as Record<string, unknown>);
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setIn(value[head as number], rest, fn);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: setIn(record[head], rest, fn) };
}

/** Fields to set; `undefined` removes an optional field. */
export type Patch = Readonly<Record<string, unknown>>;

/**
 * The design with `patch` merged into the element `id` (no checks; see `checkedEdit`). VLAN
 * interfaces named `<parent>.<vid>` follow a new VLAN id, parent or parent name.
 */
export function updateElement(design: Design, id: string, patch: Patch): Design {
  const located = indexOf(design).byId.get(id);
  if (!located) throw new Error(`no element with id "${id}"`);
  const after = setIn(design, located.path, (old) => {
    const next = { ...old };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    return next;
  }) as Design;
  return followVlanNames(design, after);
}

/** JSON path of an element, such as `hosts[0].bonds[1]`. */
export function pathOf(design: Design, id: string): string | undefined {
  const located = indexOf(design).byId.get(id);
  return located && formatPath(located.path);
}

export type CheckedEdit =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly problems: readonly LoadProblem[] };

/** `after` in its stored form (port names as the vendor spells them) if it would load, else the problems the restore step finds in it. */
export function checkedEdit(after: Design): CheckedEdit {
  const normal = normaliseDesign(after);
  const restored = restoreDesign(JSON.parse(JSON.stringify(normal)));
  return restored.ok ? { ok: true, design: normal } : { ok: false, problems: restored.problems };
}
