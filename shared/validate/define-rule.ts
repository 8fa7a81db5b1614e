/**
 * The small toolkit every rule file uses: `defineRule` turns a check that
 * reports (elements, message) pairs into a Rule whose diagnostics carry the
 * rule id, severity and the JSON path of the first element; `nameOf` says
 * which element is meant in words people recognise.
 */
import type { DesignIndex } from '../model/index-of.js';
import { formatPath, type PathSegment } from '../model/paths.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { Rule } from './rule.js';

/**
 * Reports one problem: the ids of every element involved (the first is the one to select), a
 * sentence, and where inside the design it is when narrower than an element (`Diagnostic.at`).
 */
export type Report = (elements: readonly [string, ...string[]], message: string, at?: readonly PathSegment[]) => void;

export interface RuleDefinition<Id extends string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly summary: string;
  check(index: DesignIndex, report: Report): void;
}

export function defineRule<const Id extends string>(definition: RuleDefinition<Id>): Rule<Id> {
  return {
    id: definition.id,
    severity: definition.severity,
    summary: definition.summary,
    check(index) {
      const diagnostics: Diagnostic<Id>[] = [];
      definition.check(index, (elements, message, at) => {
        const unique = [...new Set(elements)] as [string, ...string[]];
        const first = index.byId.get(unique[0]);
        diagnostics.push({
          rule: definition.id,
          severity: definition.severity,
          elements: unique,
          path: formatPath(first?.path ?? []),
          message,
          ...(at ? { at } : {}),
        });
      });
      return diagnostics;
    },
  };
}

/** `bond bond0 on ms01`, `port-channel 8 on n4032`, `port Tengigabitethernet1/0/17 on n4032`: the registry's `elementName`. */
export { elementName as nameOf } from '../model/kinds/index.js';
