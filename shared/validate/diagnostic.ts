import type { PathSegment } from '../model/paths.js';
import type { RuleId } from './rules/index.js';

/** What a design rule reports: which rule, how bad, which elements, where, and why. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic<Rule extends string = RuleId | 'internal/rule-crashed'> {
  /** Namespaced rule id such as `bond/lacp-peer-mismatch`; `internal/rule-crashed` when a rule threw. */
  readonly rule: Rule;
  readonly severity: Severity;
  /** Ids of every element involved; the first is the one to select. */
  readonly elements: readonly [string, ...string[]];
  /** JSON path of the first element, such as `hosts[0].bonds[1]`. */
  readonly path: string;
  readonly message: string;
  /**
   * Where inside the design the problem is, when that is narrower than the first element:
   * a firewall rule (`['hosts', 0, 'firewall', 'rules', 2]`), IP set entry or firewall level.
   */
  readonly at?: readonly PathSegment[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return ORDER[a.severity] - ORDER[b.severity] || a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule);
}

/** One line per diagnostic, as `netloom check` prints it: `error bond/... ms01 hosts[0].bonds[1]: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.rule} ${d.elements[0]} ${d.path}: ${d.message}`;
}
