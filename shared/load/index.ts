/**
 * Loading a design: the model's restore step (schema, migrations, integrity)
 * with what the layers above it know, switch port names in their vendor's
 * canonical form. Files, recovery, the CLI, edits and tests load through here.
 */
import { parseDesignWith, restoreDesignWith, type LoadStep, type RestoreResult } from '../model/restore.js';
import type { Design } from '../model/schema.js';
import { canonicalSwitchPorts, switchPortNameIssues } from '../vendors/index.js';

export type { LoadProblem, RestoreResult } from '../model/restore.js';
export { formatProblems } from '../model/restore.js';

/** The design in its stored form: port names as their vendor spells them canonically; unchanged parts are the same objects. */
export const normaliseDesign = (design: Design): Design => canonicalSwitchPorts(design);

const STEP: LoadStep = { normalise: normaliseDesign, check: switchPortNameIssues };

/** Validates and upgrades already-parsed JSON. */
export const restoreDesign = (json: unknown): RestoreResult => restoreDesignWith(json, STEP);

/** Parses the text of a `.netloom.json` file. */
export const parseDesign = (text: string): RestoreResult => parseDesignWith(text, STEP);
