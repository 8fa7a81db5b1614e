import { describe, expect, it } from 'vitest';
import { readSwitchConfig, switchportOf, type SwitchConfig } from '../../../../shared/switch-config/index.js';
import { renderDevice, TARGETS } from '../../../../shared/targets/index.js';
import { ciscoExample, richSwitch } from '../switch-common/designs.js';
import { expectGolden } from '../switch-common/golden.js';

function files(design = ciscoExample()) {
  const out = renderDevice(design, 'n4032');
  const byPath = Object.fromEntries(out.map((f) => [f.path, f]));
  return { startup: byPath['startup-config.txt']!, snippet: byPath['snippet.txt']! };
}

function iface(config: SwitchConfig, name: string) {
  const found = config.interfaces.find((i) => i.name === name);
  if (!found) throw new Error(`no interface ${name}`);
  return found;
}

/** The lines of one interface block. */
function block(content: string, header: string): string[] {
  const lines = content.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) throw new Error(`no ${header}`);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith(' '));
  return lines.slice(start, end);
}

describe('cisco-ios target', () => {
  it('applies to Cisco switches only', () => {
    const design = ciscoExample();
    const cisco = TARGETS.find((t) => t.id === 'cisco-ios')!;
    expect(cisco.appliesTo(design, 'n4032')).toBe(true);
    expect(TARGETS.find((t) => t.id === 'dell-os6')!.appliesTo(design, 'n4032')).toBe(false);
    expect(files().startup.target).toBe('cisco-ios');
  });

  it.each(['startup', 'snippet'] as const)('writes the example in meaning (%s)', (which) => {
    const config = readSwitchConfig(files()[which].content, 'cisco-ios');
    expect(config.problems).toEqual([]);
    expect(config.vlans.map((v) => [v.vlan, v.name])).toEqual([
      [240, 'management'],
      [245, 'vms'],
    ]);
    expect(switchportOf('cisco-ios', iface(config, 'port-channel 8'))).toEqual({
      mode: 'trunk',
      allowed: 'all',
      native: 240,
    });
    expect(iface(config, 'port-channel 8').description).toBe('ms01 bond0');
    expect(
      config.interfaces
        .filter((i) => i.channelGroup?.number === 9)
        .map((i) => [i.name, i.channelGroup?.mode, switchportOf('cisco-ios', i)]),
    ).toEqual([
      ['TenGigabitEthernet1/0/18', 'active', { mode: 'trunk', allowed: 'all', native: 240 }],
      ['TenGigabitEthernet2/0/18', 'active', { mode: 'trunk', allowed: 'all', native: 240 }],
    ]);
  });

  it('matches the golden files', () => {
    const plain = files();
    expectGolden(plain.startup.content, new URL('./__fixtures__/homelab.startup-config.txt', import.meta.url));
    expectGolden(plain.snippet.content, new URL('./__fixtures__/homelab.snippet.txt', import.meta.url));
    const rich = files(richSwitch(ciscoExample(), 'TenGigabitEthernet'));
    expectGolden(rich.startup.content, new URL('./__fixtures__/rich.startup-config.txt', import.meta.url));
    expectGolden(rich.snippet.content, new URL('./__fixtures__/rich.snippet.txt', import.meta.url));
  });

  it('puts portfast on host-facing trunks and wraps long allowed lists as IOS does', () => {
    const { startup } = files(richSwitch(ciscoExample(), 'TenGigabitEthernet'));
    expect(block(startup.content, 'interface Port-channel8')).toContain(' spanning-tree portfast trunk');
    expect(block(startup.content, 'interface TenGigabitEthernet1/0/17')).not.toContain(' spanning-tree portfast trunk');
    expect(block(startup.content, 'interface TenGigabitEthernet1/0/5')).toEqual([
      'interface TenGigabitEthernet1/0/5',
      ' description nas eno1',
      ' switchport access vlan 245',
      ' switchport mode access',
      ' spanning-tree portfast',
    ]);
    // The unused port is not facing a host.
    expect(block(startup.content, 'interface TenGigabitEthernet1/0/6')).toEqual([
      'interface TenGigabitEthernet1/0/6',
      ' description spare',
    ]);
    const po10 = block(startup.content, 'interface Port-channel10');
    expect(po10.filter((l) => l.includes('allowed vlan add')).length).toBeGreaterThan(0);
    expect(po10.every((l) => l.length <= 90)).toBe(true);
    const config = readSwitchConfig(startup.content, 'cisco-ios');
    expect(switchportOf('cisco-ios', iface(config, 'port-channel 10'))).toMatchObject({
      allowed: '240,245,300-310,400,402,404,406,408,410,412,414,416,418,420,422,424',
    });
  });

  it('writes a snippet that enters and leaves configuration mode, with every line owned', () => {
    const { snippet } = files();
    const lines = snippet.content.trimEnd().split('\n');
    expect(lines[0]).toBe('configure terminal');
    expect(lines.at(-1)).toBe('end');
    expect(snippet.lineElements).toHaveLength(lines.length);
    expect(snippet.lineElements![lines.indexOf('interface Port-channel9')]).toBe('n4032-po9');
    expect(lines.filter((l) => l === 'exit')).toHaveLength(lines.filter((l) => /^(vlan|interface) /.test(l)).length);
  });
});
