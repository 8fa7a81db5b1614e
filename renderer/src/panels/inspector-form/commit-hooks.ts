/** Field commits bound to the store: check, then apply as one history step. */
import type { Patch } from '../../../../shared/edit/update.js';
import type { Attribute } from '../../../../shared/model/attributes.js';
import { useAppStore } from '../../store/store.js';
import { commitAttribute, commitPatch, type CommitResult } from './commit.js';
import type { Commit } from './fields.js';

function apply(result: CommitResult): string | undefined {
  if (!result.ok) return result.message;
  useAppStore.getState().edit(() => result.design);
  return undefined;
}

/** A commit that sets `field` of element `id` to what `patchOf` makes of the value. */
export const fieldCommit =
  (id: string, field: string, patchOf: (value: unknown) => Patch = (value) => ({ [field]: value })): Commit =>
  (value) =>
    apply(commitPatch(useAppStore.getState().design, id, field, patchOf(value)));

export const attributeCommit =
  (id: string, key: string, attribute: Attribute): Commit =>
  (value) =>
    apply(commitAttribute(useAppStore.getState().design, id, key, attribute, value));
