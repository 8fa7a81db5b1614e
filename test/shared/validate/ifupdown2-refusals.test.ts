/**
 * The rules for what ifupdown2 refuses are right about real ifupdown2 3.0.0:
 * each failing design's export draws the refusal from `ifup -a -s`, each
 * passing one is accepted without a word. One batch, so Python starts once.
 */
import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleDesign } from '../../helpers/design.js';
import { judgeInterfaces } from '../../helpers/ifupdown2.js';
import { IFUPDOWN2_CASES } from './ifupdown2-cases.js';

function designWith(mutate: (d: any) => void): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  mutate(raw);
  const result = restoreDesign(raw);
  if (!result.ok) throw new Error(`test design does not load: ${JSON.stringify(result.problems)}`);
  return result.design;
}

const cases = Object.entries(IFUPDOWN2_CASES);
const exported = cases.flatMap(([, c]) => [c.fail, c.pass].map((m) => renderInterfaces(designWith(m), 'ms01')));

describe('what ifup -a -s refuses', () => {
  const judged = judgeInterfaces(exported, { queries: 'all' });

  it.each(cases.map(([name, c], i) => [name, c, i] as const))(
    '%s: the failing export is refused, the passing one accepted',
    (name, c, i) => {
      const [refused, accepted] = [judged[2 * i]!, judged[2 * i + 1]!];
      expect(refused.check.stderr).toContain(c.refusal);
      // An error-severity rule means deploy's gate (the exit status) refuses the file.
      const rule = validateDesign(designWith(c.fail)).find((d) => d.rule === name.split(' ')[0]);
      expect(refused.check.status).toBe(rule?.severity === 'error' ? 1 : 0);
      expect(accepted.check, exported[2 * i + 1]).toMatchObject({ status: 0, stderr: '' });
    },
  );
});
