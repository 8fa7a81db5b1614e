import type { DesignIndex } from '../model/index-of.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/** A design rule: one file each under `rules/`, registered in `rules/index.ts`. */
export interface Rule<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  /** One line for the rules list (`netloom check --rules`). */
  readonly summary: string;
  check(index: DesignIndex): Diagnostic<Id>[];
}
