import { describe, expect, it } from 'vitest';
import {
  editFirewall,
  firewallAt,
  firewallPlaceOf,
  moveItem,
  setFirewall,
  withRules,
} from '../../../shared/edit/firewall.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleDesign } from '../../helpers/design.js';

function withFirewall(mutate: (d: any) => void): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  mutate(raw);
  const loaded = restoreDesign(raw);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.design;
}

describe('firewall edits', () => {
  it('creates a level on first edit, changes it, and stops managing it', () => {
    const design = exampleDesign();
    const host = { kind: 'host', id: 'ms01' } as const;
    expect(firewallAt(design, host)).toBeUndefined();
    const on = editFirewall(design, host, (fw) => ({ ...fw, options: { enable: true } }));
    expect(firewallAt(on, host)).toEqual({ options: { enable: true }, rules: [] });
    expect(checkedEdit(on).ok).toBe(true);
    const dc = editFirewall(on, { kind: 'datacenter' }, (fw) =>
      withRules(fw, [{ type: 'in', action: 'ACCEPT', macro: 'SSH', enabled: true }]),
    );
    expect(dc.firewall?.rules).toHaveLength(1);
    expect(setFirewall(dc, { kind: 'datacenter' }, undefined).firewall).toBeUndefined();
    expect(firewallAt(setFirewall(dc, host, undefined), host)).toBeUndefined();
  });

  it('moves a rule and clamps out-of-range targets', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('finds the panel place of a path inside a firewall, and nothing outside one', () => {
    const design = exampleDesign();
    expect(firewallPlaceOf(design, ['firewall', 'rules', 3])).toEqual({ level: { kind: 'datacenter' }, rule: 3 });
    expect(firewallPlaceOf(design, ['firewall', 'ipsets', 1, 'entries', 0])).toEqual({
      level: { kind: 'datacenter' },
      ipset: 1,
    });
    expect(firewallPlaceOf(design, ['hosts', 0, 'firewall', 'rules', 0])).toEqual({
      level: { kind: 'host', id: 'ms01' },
      rule: 0,
    });
    expect(firewallPlaceOf(design, ['hosts', 0, 'vms', 0, 'firewall'])).toEqual({
      level: { kind: 'vm', id: design.hosts[0]!.vms[0]!.id },
    });
    expect(firewallPlaceOf(design, ['hosts', 0, 'bonds', 0])).toBeUndefined();
    expect(firewallPlaceOf(design, ['hosts', 9, 'firewall'])).toBeUndefined();
  });

  it('points firewall problems at the rule or IP set entry they are about', () => {
    const design = withFirewall((d) => {
      d.firewall = {
        options: { enable: true },
        ipsets: [{ name: 'management', entries: [{ cidr: '10.2.200.0/24' }, { cidr: 'nosuchalias' }] }],
      };
      d.hosts[0].firewall = {
        rules: [
          { type: 'in', action: 'ACCEPT', proto: 'tcp' },
          { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' },
        ],
      };
    });
    const at = (rule: string) => validateDesign(design).find((d) => d.rule === rule)?.at;
    expect(at('firewall/shadowed-rule')).toEqual(['hosts', 0, 'firewall', 'rules', 1]);
    expect(at('firewall/undefined-reference')).toEqual(['firewall', 'ipsets', 0, 'entries', 1]);
  });
});
