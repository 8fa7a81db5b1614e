import { describe, expect, it } from 'vitest';
import {
  editFirewall,
  firewallAt,
  firewallPlaceOf,
  moveItem,
  renameReferences,
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

describe('renaming an alias or IP set', () => {
  /** The example with a datacenter alias `nas` and IP set `admins`, used at every level; VM 100 has its own alias `backup`. */
  const design = () =>
    withFirewall((d) => {
      d.firewall = {
        aliases: [{ name: 'nas', cidr: '192.168.10.5' }],
        ipsets: [{ name: 'admins', entries: [{ cidr: 'nas' }, { cidr: '192.168.10.0/24' }] }],
        rules: [{ type: 'in', action: 'ACCEPT', source: 'NAS', dest: 'dc/nas', macro: 'SSH' }],
        groups: [{ name: 'web', rules: [{ type: 'in', action: 'ACCEPT', source: '+admins', macro: 'HTTPS' }] }],
      };
      d.hosts[0].firewall = { rules: [{ type: 'in', action: 'ACCEPT', source: 'nas', dest: '+admins' }] };
      d.hosts[0].vms[0].firewall = {
        aliases: [{ name: 'backup', cidr: '192.168.10.9' }],
        rules: [
          { type: 'in', action: 'ACCEPT', source: 'nas' },
          { type: 'in', action: 'ACCEPT', source: 'backup' },
          { type: 'out', action: 'ACCEPT', dest: 'guest/nas' },
        ],
      };
    });
  const dc = { kind: 'datacenter' } as const;

  it('rewrites every reference that resolves to the datacenter alias, at every level, keeping prefixes', () => {
    const before = design();
    const after = renameReferences(before, dc, 'alias', 'nas', 'storage');
    expect(after.firewall!.rules[0]).toMatchObject({ source: 'storage', dest: 'dc/storage' });
    expect(after.firewall!.ipsets[0]!.entries.map((e) => e.cidr)).toEqual(['storage', '192.168.10.0/24']);
    expect(after.hosts[0]!.firewall!.rules[0]).toMatchObject({ source: 'storage', dest: '+admins' });
    const vmRules = after.hosts[0]!.vms[0]!.firewall!.rules;
    // guest/nas names the VM's own alias (there is none), so it is not the datacenter's.
    expect(vmRules.map((r) => ('source' in r ? r.source : undefined) ?? ('dest' in r ? r.dest : undefined))).toEqual([
      'storage',
      'backup',
      'guest/nas',
    ]);
    // What the rename did not touch keeps its identity (the canvas redraws only what changed).
    expect(after.switches).toBe(before.switches);
    expect(after.firewall!.groups).toBe(before.firewall!.groups);
  });

  it('leaves references a VM resolves to its own set, and writes dc/ where the new name is the VM’s own', () => {
    const shadowed = design();
    const vm = shadowed.hosts[0]!.vms[0]!;
    const own = { ...vm.firewall!, aliases: [...vm.firewall!.aliases, { name: 'nas', cidr: '192.168.10.7' }] };
    const withOwn = updateFirewallOfVm(shadowed, own);
    expect(renameReferences(withOwn, dc, 'alias', 'nas', 'storage').hosts[0]!.vms[0]!.firewall!.rules[0]).toMatchObject(
      {
        source: 'nas',
      },
    );
    const clash = renameReferences(design(), dc, 'alias', 'nas', 'backup');
    expect(clash.hosts[0]!.vms[0]!.firewall!.rules.slice(0, 2)).toMatchObject([
      { source: 'dc/backup' },
      { source: 'backup' },
    ]);
  });

  it('renames a VM’s own alias only in that VM, and an IP set in rules and groups', () => {
    const vmLevel = { kind: 'vm', id: design().hosts[0]!.vms[0]!.id } as const;
    const vm = renameReferences(design(), vmLevel, 'alias', 'backup', 'offsite');
    expect(vm.hosts[0]!.vms[0]!.firewall!.rules[1]).toMatchObject({ source: 'offsite' });
    expect(vm.firewall!.rules[0]).toMatchObject({ source: 'NAS', dest: 'dc/nas' });
    const ipset = renameReferences(design(), dc, 'ipset', 'admins', 'operators');
    expect(ipset.firewall!.groups[0]!.rules[0]).toMatchObject({ source: '+operators' });
    expect(ipset.hosts[0]!.firewall!.rules[0]).toMatchObject({ dest: '+operators' });
    // An IP set rename leaves alias references in entries alone.
    expect(ipset.firewall!.ipsets[0]!.entries[0]!.cidr).toBe('nas');
  });
});

function updateFirewallOfVm(design: Design, firewall: NonNullable<Design['hosts'][number]['vms'][number]['firewall']>) {
  return setFirewall(design, { kind: 'vm', id: design.hosts[0]!.vms[0]!.id }, firewall);
}
