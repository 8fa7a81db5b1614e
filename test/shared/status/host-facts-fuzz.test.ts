import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHostFacts } from '../../../shared/status/host-facts.js';
import { hostStatus } from '../../../shared/status/host-status.js';
import { exampleDesign } from '../../helpers/design.js';
import { readCorpus } from './corpus.js';
import { scriptOutput } from './fixtures.js';

const design = exampleDesign();
const host = design.hosts[0]!;
const OUTPUT = scriptOutput({
  bonding: {
    bond0: readCorpus('bonding/libtpa__test_unit_bonding.txt')
      .replaceAll('eth1', 'enp91s0')
      .replaceAll('eth0', 'enp88s0'),
  },
});

/** Whatever the host printed, the result is facts or a message, and facts always judge without throwing. */
function judge(output: string): void {
  const facts = readHostFacts(output);
  if (!facts.ok) {
    expect(facts.message.length).toBeGreaterThan(0);
    return;
  }
  const status = hostStatus(design, host, facts.facts, '2026-11-23T09:00:00.000Z');
  for (const live of Object.values(status)) expect(['ok', 'degraded', 'down', 'unknown']).toContain(live.health);
}

describe('readHostFacts and hostStatus under random output', () => {
  it('never throw on truncated script output', () => {
    fc.assert(
      fc.property(fc.nat({ max: OUTPUT.length }), (cut) => judge(`${OUTPUT.slice(0, cut)}\n@@netloom end\n`)),
      { numRuns: 2000 },
    );
  });

  it('never throw on random text, with or without section markers', () => {
    const marker = fc.constantFrom(
      '@@netloom ip-link',
      '@@netloom ip-addr',
      '@@netloom sysfs',
      '@@netloom bonding bond0',
      '@@netloom end',
      '[]',
      '{}',
      'null',
      '[{"ifname":"enp88s0","flags":["UP"]}]',
    );
    const output = fc
      .array(fc.oneof(marker, fc.string({ maxLength: 80 })), { maxLength: 40 })
      .map((lines) => lines.join('\n'));
    fc.assert(fc.property(output, judge), { numRuns: 2000 });
  });

  it('never throw on well-formed JSON of the wrong shape', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
    fc.assert(
      fc.property(json, json, (links, addrs) =>
        judge(`@@netloom ip-link\n${links}\n@@netloom ip-addr\n${addrs}\n@@netloom sysfs\n@@netloom end\n`),
      ),
      { numRuns: 2000 },
    );
  });
});
