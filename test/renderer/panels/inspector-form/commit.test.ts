import { describe, expect, it } from 'vitest';
import { bondAttributes, bridgeAttributes } from '../../../../shared/model/kinds/index.js';
import { commitAttribute, commitPatch } from '../../../../renderer/src/panels/inspector-form/commit.js';
import { exampleDesign } from '../../../helpers/design.js';

describe('inspector commits', () => {
  it('refuses an attribute value outside its table, leaving the design as it was', () => {
    const design = exampleDesign();
    const result = commitAttribute(design, 'ms01-vmbr1', 'pvid', bridgeAttributes.pvid, 4095);
    expect(result).toEqual({ ok: false, message: 'PVID must be between 1 and 4094; got 4095' });
    expect(design.hosts[0]!.bridges[1]!.pvid).toBe(240);
  });

  it('takes a valid value; clearing an attribute with a default goes back to the default', () => {
    const design = exampleDesign();
    const set = commitAttribute(design, 'ms01-vmbr1', 'pvid', bridgeAttributes.pvid, 1);
    expect(set.ok && set.design.hosts[0]!.bridges[1]!.pvid).toBe(1);
    const cleared = commitAttribute(design, 'ms01-bond0', 'miimon', bondAttributes.miimon, undefined);
    expect(cleared.ok && cleared.design.hosts[0]!.bonds[0]!.miimon).toBe(100);
    const unset = commitAttribute(design, 'ms01-bond0', 'lacpRate', bondAttributes.lacpRate, undefined);
    expect(unset.ok && 'lacpRate' in unset.design.hosts[0]!.bonds[0]!).toBe(false);
  });

  it('refuses a name the kernel would refuse, or one already used on the host, with the reason', () => {
    const design = exampleDesign();
    expect(commitPatch(design, 'ms01-bond0', 'name', { name: 'bond 0' })).toEqual({
      ok: false,
      message: 'interface name "bond 0" contains whitespace',
    });
    const dup = commitPatch(design, 'ms01-bond0', 'name', { name: 'bond1' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.message).toContain('interface name "bond1" is used twice on host ms01');
  });

  it('refuses a reference to a port that does not exist', () => {
    const r = commitPatch(exampleDesign(), 'ms01-bond0', 'members', { members: ['nope'] });
    expect(r.ok || r.message).toBe('refers to "nope", which does not exist (expected a port)');
  });
});
