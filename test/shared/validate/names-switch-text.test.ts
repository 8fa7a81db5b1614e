import { describe, expect, it } from 'vitest';
import { planSwitch } from '../../../shared/derive/switch-plan.js';
import { restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleDesign } from '../../helpers/design.js';

/** The example with its host renamed: the switch derives its descriptions (`<host> bond0`) from the name. */
function withHostName(name: string): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  raw.hosts[0].name = name;
  const result = restoreDesign(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

describe('names/switch-text on descriptions the switch derives', () => {
  it('reports each port and port-channel whose derived description is longer than the switch takes', () => {
    const host = `h${'x'.repeat(59)}`;
    const design = withHostName(host);
    const found = validateDesign(design).filter((d) => d.rule === 'names/switch-text');
    const plan = planSwitch(design, 'n4032');
    // Every description in the plan that is too long for Dell OS6 (64 characters), and nothing else.
    const tooLong = [...plan.portChannels, ...plan.ports].filter((p) => (p.description?.length ?? 0) > 64);
    expect(tooLong.map((p) => p.elementId)).toContain('n4032-po8');
    expect(found.map((d) => d.elements[0]).sort()).toEqual(tooLong.map((p) => p.elementId).sort());
    const po8 = found.find((d) => d.elements[0] === 'n4032-po8')!;
    expect(po8.message).toBe(
      `description "${host} bond0" is 66 characters; the switch takes at most 64 (Dell EMC OS6 switch n4032)`,
    );
  });

  it('says nothing when the derived descriptions fit', () => {
    expect(validateDesign(withHostName('ms01')).filter((d) => d.rule === 'names/switch-text')).toEqual([]);
  });
});
