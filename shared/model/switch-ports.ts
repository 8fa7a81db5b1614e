/**
 * Interface naming schemes of the switch vendors Netloom writes for. A port
 * is named as the vendor's running-config names it, with unit/slot/port.
 */
import type { SwitchVendor } from './schema.js';

interface PortScheme {
  readonly pattern: RegExp;
  readonly example: string;
}

export const SWITCH_PORT_SCHEMES: Record<SwitchVendor, PortScheme> = {
  'dell-os6': {
    pattern: /^(Gigabitethernet|Tengigabitethernet|Twentyfivegigabitethernet|Fortygigabitethernet|Hundredgigabitethernet)[1-9]\d*\/0\/[1-9]\d*$/,
    example: 'Tengigabitethernet1/0/17 (or Gigabitethernet1/0/1, Fortygigabitethernet2/0/1)',
  },
  'cisco-ios': {
    pattern: /^(FastEthernet|GigabitEthernet|TwoGigabitEthernet|FiveGigabitEthernet|TenGigabitEthernet|TwentyFiveGigE|FortyGigabitEthernet|HundredGigE)\d+(\/\d+){1,2}$/,
    example: 'GigabitEthernet1/0/1 (or TenGigabitEthernet1/1/1)',
  },
};

/** `undefined` when the name fits the vendor's scheme, else a message showing the expected form. */
export function checkSwitchPortName(vendor: SwitchVendor, name: string): string | undefined {
  const scheme = SWITCH_PORT_SCHEMES[vendor];
  return scheme.pattern.test(name)
    ? undefined
    : `"${name}" is not a ${vendor} port name; expected the form ${scheme.example}`;
}

/** Stack unit of a unit/slot/port name (1 for `Tengigabitethernet1/0/17`). */
export function stackUnitOf(name: string): number | undefined {
  const m = /(\d+)\/\d+(\/\d+)?$/.exec(name);
  return m && m[2] !== undefined ? Number(m[1]) : undefined;
}
