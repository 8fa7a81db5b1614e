import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBondingProc } from '../../../shared/status/bonding-proc.js';
import { readCorpus } from './corpus.js';

const SAMPLE = readCorpus('bonding/insights-core__test_bond.py.BOND_MODE_4.802.3ad.lacp-details.slave-down.txt');
const LINES = SAMPLE.split('\n');

/** Any outcome is fine as long as it is a result, never a throw, and an error names a line or says what is missing. */
function checkResult(text: string): void {
  const result = parseBondingProc(text);
  if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
  else expect(result.value.mode).toBeDefined();
}

describe('parseBondingProc under random input', () => {
  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), checkResult), { numRuns: 2000 });
  });

  it('never throws on truncated samples', () => {
    fc.assert(
      fc.property(fc.nat({ max: SAMPLE.length }), (cut) => checkResult(SAMPLE.slice(0, cut))),
      { numRuns: 2000 },
    );
  });

  it('never throws on samples with lines shuffled, dropped, duplicated or mangled', () => {
    const mangled = fc
      .array(
        fc.oneof(
          fc.constantFrom(...LINES),
          fc.constantFrom(...LINES).map((l) => l.replace(/\d+/, 'x')),
          fc.constantFrom(...LINES).map((l) => l.replace(':', '')),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 120 },
      )
      .map((ls) => ls.join('\n'));
    fc.assert(fc.property(mangled, checkResult), { numRuns: 2000 });
  });

  it('reads a huge file in linear time', () => {
    const huge = `${LINES.slice(0, 20).join('\n')}\n${Array.from({ length: 50_000 }, (_, i) => `Slave Interface: veth${i}\nMII Status: up\n`).join('')}`;
    const started = performance.now();
    const result = parseBondingProc(huge);
    expect(result.ok && result.value.slaves.length).toBe(50_000);
    // A bound so a catastrophic regex would fail the run, not a speed goal.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
