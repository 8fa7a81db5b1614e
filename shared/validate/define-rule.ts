/**
 * The small toolkit every rule file uses: `defineRule` turns a check that
 * reports (elements, message) pairs into a Rule whose diagnostics carry the
 * rule id, severity and the JSON path of the first element; `nameOf` says
 * which element is meant in words people recognise.
 */
import type { DesignIndex } from '../model/index-of.js';
import { formatPath } from '../model/paths.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { Rule } from './rule.js';

/** Reports one problem: the ids of every element involved (the first is the one to select) and a sentence. */
export type Report = (elements: readonly [string, ...string[]], message: string) => void;

export interface RuleDefinition {
  readonly id: string;
  readonly severity: Severity;
  readonly summary: string;
  check(index: DesignIndex, report: Report): void;
}

export function defineRule(definition: RuleDefinition): Rule {
  return {
    id: definition.id,
    severity: definition.severity,
    summary: definition.summary,
    check(index) {
      const diagnostics: Diagnostic[] = [];
      definition.check(index, (elements, message) => {
        const unique = [...new Set(elements)] as [string, ...string[]];
        const first = index.byId.get(unique[0]);
        diagnostics.push({
          rule: definition.id,
          severity: definition.severity,
          elements: unique,
          path: formatPath(first?.path ?? []),
          message,
        });
      });
      return diagnostics;
    },
  };
}

/** `bond bond0 on ms01`, `port-channel 8 on n4032`, `port Tengigabitethernet1/0/17 on n4032`: the registry's `elementName`. */
export { elementName as nameOf } from '../model/kinds/index.js';
