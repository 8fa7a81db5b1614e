import { indexDesign } from '../model/index-of.js';
import type { Design } from '../model/schema.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import { RULES } from './rules/index.js';

export { formatDiagnostic, type Diagnostic, type Severity } from './diagnostic.js';

/** Runs every rule over a loaded (schema- and integrity-valid) design. */
export function validateDesign(design: Design): Diagnostic[] {
  const index = indexDesign(design);
  return RULES.flatMap((rule): Diagnostic[] => rule.check(index)).sort(compareDiagnostics);
}
