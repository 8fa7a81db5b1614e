/**
 * The small toolkit every rule file uses: `defineRule` turns a check that
 * reports (elements, message) pairs into a Rule whose diagnostics carry the
 * rule id, severity and the JSON path of the first element; `nameOf` says
 * which element is meant in words people recognise.
 */
import type { DesignIndex, Located } from '../model/index-of.js';
import { elementName } from '../model/kinds/index.js';
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

/** `bond bond0 on ms01`, `port-channel 8 on n4032`, `port Tengigabitethernet1/0/17 on n4032`. */
export function nameOf(located: Located): string {
  switch (located.kind) {
    case 'network':
      return `network ${located.element.name} (VLAN ${located.element.vlan})`;
    case 'host':
      return `host ${located.element.name}`;
    case 'switch':
      return `switch ${located.element.name}`;
    case 'port':
    case 'bond':
    case 'bridge':
      return `${located.kind} ${located.element.name} on ${located.host.name}`;
    case 'vlan':
      return `VLAN interface ${located.element.name} on ${located.host.name}`;
    case 'vm':
      return `VM ${located.element.name} on ${located.host.name}`;
    case 'vm-nic':
      return `VM ${located.vm.name} net${located.element.slot}`;
    case 'switch-port':
      return `port ${located.element.name} on ${located.switch.name}`;
    case 'port-channel':
      return `port-channel ${located.element.number} on ${located.switch.name}`;
    case 'cable':
      return `cable ${located.element.id}`;
    case 'ovs-bridge':
    case 'ovs-bond':
    case 'ovs-int-port':
      return elementName(located);
  }
}
