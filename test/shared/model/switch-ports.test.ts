import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/model/index.js';
import { checkSwitchPortName, stackUnitOf } from '../../../shared/model/switch-ports.js';
import { exampleJson } from '../../helpers/design.js';

describe('switch port names', () => {
  it.each([
    ['dell-os6', 'Tengigabitethernet1/0/17'],
    ['dell-os6', 'Gigabitethernet2/0/48'],
    ['cisco-ios', 'GigabitEthernet1/0/1'],
    ['cisco-ios', 'GigabitEthernet0/1'],
    ['cisco-ios', 'TenGigabitEthernet1/1/4'],
  ] as const)('accepts %s %s', (vendor, name) => {
    expect(checkSwitchPortName(vendor, name)).toBeUndefined();
  });

  it.each([
    // The short form running-configs print is refused: the design keeps one spelling per port.
    ['dell-os6', 'Te1/0/17', /expected the form Tengigabitethernet1\/0\/17/],
    ['dell-os6', 'TenGigabitEthernet1/0/17', /expected the form Tengigabitethernet1\/0\/17/],
    ['cisco-ios', 'Gi1/0/1', /expected the form GigabitEthernet1\/0\/1/],
    ['cisco-ios', 'Tengigabitethernet1/0/17', /"Tengigabitethernet1\/0\/17" is not a cisco-ios port name/],
  ] as const)('refuses %s %s, showing the expected form', (vendor, name, message) => {
    expect(checkSwitchPortName(vendor, name)).toMatch(message);
  });

  it('refuses a Dell port name on a Cisco switch at load, with the JSON path', () => {
    const doc = exampleJson();
    doc.switches[0].vendor = 'cisco-ios';
    const result = restoreDesign(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(4);
      expect(result.problems[0]).toEqual({
        path: 'switches[0].ports[0].name',
        message: '"Tengigabitethernet1/0/17" is not a cisco-ios port name; expected the form GigabitEthernet1/0/1 (or TenGigabitEthernet1/1/1)',
      });
    }
  });

  it('reads the stack unit of unit/slot/port names', () => {
    expect(stackUnitOf('Tengigabitethernet2/0/17')).toBe(2);
    expect(stackUnitOf('GigabitEthernet0/1')).toBeUndefined();
  });
});
