/**
 * Fuzz: any text read as a Dell OS6 or Cisco IOS running-config is read
 * without a crash or a hang; every problem names a line of the text and says
 * what is wrong, and every VLAN and interface read points at a line of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSwitchConfig } from '../../../shared/switch-config/index.js';
import { SWITCH_VENDORS } from '../../../shared/model/index.js';

const HANG_MS = 5_000;

const word = fc.oneof(
  fc.constantFrom(
    'interface',
    'vlan',
    'name',
    'hostname',
    'exit',
    'end',
    '!',
    'description',
    'switchport',
    'mode',
    'trunk',
    'access',
    'allowed',
    'native',
    'add',
    'remove',
    'except',
    'all',
    'none',
    'channel-group',
    'active',
    'on',
    'mtu',
    'port-channel',
    'Te1/0/1',
    'Gi1/0/48',
    'TenGigabitEthernet1/0/17',
    '1',
    '4094',
    '0',
    '4095',
    '1-4094',
    '10,20-30',
    '30-10',
    '99999999999999999999',
    '"quoted name"',
    '?',
  ),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const line = fc
  .tuple(fc.constantFrom('', ' ', '  '), fc.array(word, { maxLength: 7 }))
  .map(([indent, words]) => indent + words.join(' '));

function expectRead(text: string, vendor: (typeof SWITCH_VENDORS)[number]): void {
  const started = performance.now();
  const config = readSwitchConfig(text, vendor);
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  const lines = text.split(/\r?\n/).length;
  const inText = (n: number) => Number.isInteger(n) && n >= 1 && n <= lines;
  for (const p of config.problems) {
    expect(inText(p.line), `problem at line ${p.line} of ${lines}`).toBe(true);
    expect(p.message).toMatch(/\S/);
  }
  for (const item of [...config.vlans, ...config.interfaces]) expect(inText(item.line)).toBe(true);
}

describe('readSwitchConfig, fuzzed', () => {
  it('reads lines of config words, numbers, VLAN lists and binary', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom(...SWITCH_VENDORS), (lines, vendor) =>
        expectRead(lines.join('\n'), vendor),
      ),
      { numRuns: 400 },
    );
  });

  it('reads any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...SWITCH_VENDORS), expectRead),
      { numRuns: 300 },
    );
  });
});
