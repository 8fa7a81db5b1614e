import { stackUnitOf } from '../../vendors/index.js';
import { defineRule, nameOf } from '../define-rule.js';

export const switchPortUnitOutsideStack = defineRule({
  id: 'switch-port/unit-outside-stack',
  severity: 'error',
  summary: 'A switch port names a stack unit the switch does not have (Te3/0/1 on a 2-unit stack).',
  check(index, report) {
    for (const port of index.ofKind('switch-port')) {
      const unit = stackUnitOf(port.element.name);
      if (unit !== undefined && unit > port.switch.stackUnits) {
        report(
          [port.element.id, port.switch.id],
          `${nameOf(port)} is on unit ${unit}, but ${port.switch.name} has ${port.switch.stackUnits} stack unit${port.switch.stackUnits > 1 ? 's' : ''}; fix the port name or the number of stack units`,
        );
      }
    }
  },
});
