/**
 * Fuzz: any text given as an interfaces file imports without a crash or a
 * hang, into a host that loads and exports; every note names a line of the
 * file and says what is wrong. Bounded runs: a few seconds in all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importInterfaces } from '../../../../shared/importers/index.js';
import { restoreDesign } from '../../../../shared/load/index.js';
import { renderInterfaces } from '../../../../shared/targets/ifupdown2/index.js';

const HANG_MS = 5_000;

const word = fc.oneof(
  fc.constantFrom(
    'auto',
    'iface',
    'allow-hotplug',
    'allow-ovs',
    'source',
    'source-directory',
    'mapping',
    'vlan',
    'inet',
    'inet6',
    'static',
    'manual',
    'dhcp',
    'loopback',
    'lo',
    'eth0',
    'eth0.10',
    'bond0',
    'vmbr0',
    'bond-slaves',
    'bridge-ports',
    'bridge-vids',
    'vlan-raw-device',
    'address',
    '10.0.0.1/24',
    'gateway',
    'post-up',
    'post_up',
    'ovs_extra',
    'mtu',
    '9000',
    '#',
    '\\',
    '%',
    '${x}',
    '<%',
    'none',
    'glob',
    'eth[0-3]',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const line = fc
  .tuple(
    fc.constantFrom('', '  ', '\t', ' \\ '),
    fc.array(word, { maxLength: 5 }),
    fc.constantFrom('', ' \\', '\r', '  '),
  )
  .map(([indent, words, end]) => indent + words.join(' ') + end);

function expectImported(text: string): void {
  const started = performance.now();
  const { host, notes } = importInterfaces(text, { hostName: 'fuzz' });
  const loaded = restoreDesign({ format: 'netloom/1', name: 'fuzz', hosts: [host] });
  if (!loaded.ok) throw new Error(`the imported host does not load: ${JSON.stringify(loaded.problems)}`);
  expect(typeof renderInterfaces(loaded.design, host.id)).toBe('string');
  expect(performance.now() - started).toBeLessThan(HANG_MS);
  const lines = Math.max(1, text.replace(/\r\n?/g, '\n').split('\n').length);
  for (const note of notes) {
    expect(
      Number.isInteger(note.line) && note.line >= 1 && note.line <= lines,
      `note at line ${note.line} of ${lines}: ${note.message}`,
    ).toBe(true);
    expect(note.message).toMatch(/\S/);
  }
}

describe('importInterfaces, fuzzed', () => {
  it('imports lines of keywords, values, backslashes, Mako and binary into a host that loads', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => expectImported(lines.join('\n'))),
      { numRuns: 400 },
    );
  });

  it('imports any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectImported), { numRuns: 300 });
  });
});
