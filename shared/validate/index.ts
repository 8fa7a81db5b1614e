import { indexDesign, type DesignIndex } from '../model/index-of.js';
import type { Design } from '../model/schema.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { RULES } from './rules/index.js';

export { formatDiagnostic, type Diagnostic, type Severity } from './diagnostic.js';

/** Runs every rule over a loaded (schema- and integrity-valid) design. */
export function validateDesign(design: Design): Diagnostic[] {
  return validateIndex(indexDesign(design));
}

/** `validateDesign` over an index already built (the one loading returns). */
export function validateIndex(index: DesignIndex): Diagnostic[] {
  return RULES.flatMap((rule): Diagnostic[] => rule.check(index)).sort(compareDiagnostics);
}
