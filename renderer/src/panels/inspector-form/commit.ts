/**
 * Committing a field of the inspector: check the value against its attribute
 * (the kind table) or against the whole design (the restore step), and only
 * then change the design. A refused value leaves the design as it was and
 * says why, for the field it is about.
 */
import { checkedEdit, pathOf, updateElement, type Patch } from '../../../../shared/edit/update.js';
import { checkAttribute, type Attribute } from '../../../../shared/model/attributes.js';
import type { Design } from '../../../../shared/model/schema.js';

export type CommitResult =
  { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly message: string };

/** The first problem of an edit, preferring the ones about `field` of the element, without the path prefix. */
function pickProblem(
  design: Design,
  id: string,
  field: string,
  problems: readonly { path: string; message: string }[],
): string {
  const base = pathOf(design, id) ?? '';
  const own = problems.find(
    (p) =>
      p.path === `${base}.${field}` || p.path.startsWith(`${base}.${field}.`) || p.path.startsWith(`${base}.${field}[`),
  );
  if (own) return own.message;
  const first = problems[0];
  return first ? `${first.path}: ${first.message}` : 'the design would not load';
}

/** Applies `patch` to element `id` when the result loads; `field` names the field for messages. */
export function commitPatch(design: Design, id: string, field: string, patch: Patch): CommitResult {
  const after = updateElement(design, id, patch);
  const checked = checkedEdit(after);
  return checked.ok
    ? { ok: true, design: checked.design }
    : { ok: false, message: pickProblem(design, id, field, checked.problems) };
}

/** Commits one attribute value (`undefined` clears it; an attribute with a default goes back to it). */
export function commitAttribute(
  design: Design,
  id: string,
  key: string,
  attribute: Attribute,
  value: unknown,
): CommitResult {
  const next = value === undefined ? attribute.default : value;
  if (next !== undefined) {
    const problem = checkAttribute(attribute, next);
    if (problem) return { ok: false, message: `${attribute.label} ${problem}` };
  }
  return commitPatch(design, id, key, { [key]: next });
}
