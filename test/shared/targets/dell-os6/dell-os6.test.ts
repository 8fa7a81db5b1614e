import { describe, expect, it } from 'vitest';
import { readSwitchConfig, switchportOf, type SwitchConfig } from '../../../../shared/switch-config/index.js';
import { renderDevice, TARGETS } from '../../../../shared/targets/index.js';
import { exampleDesign } from '../../../helpers/design.js';
import { richSwitch } from '../switch-common/designs.js';
import { expectGolden } from '../switch-common/golden.js';

function files(design = exampleDesign()) {
  const out = renderDevice(design, 'n4032');
  const byPath = Object.fromEntries(out.map((f) => [f.path, f]));
  return { startup: byPath['startup-config.txt']!, snippet: byPath['snippet.txt']! };
}

function iface(config: SwitchConfig, name: string) {
  const found = config.interfaces.find((i) => i.name === name);
  if (!found) throw new Error(`no interface ${name} in ${config.interfaces.map((i) => i.name).join(', ')}`);
  return found;
}

describe('dell-os6 target', () => {
  it('applies to Dell switches only, as the dell-os6 target', () => {
    const design = exampleDesign();
    const dell = TARGETS.find((t) => t.id === 'dell-os6')!;
    expect(dell.appliesTo(design, 'n4032')).toBe(true);
    expect(dell.appliesTo(design, 'ms01')).toBe(false);
    expect(files().startup.target).toBe('dell-os6');
  });

  it.each(['startup', 'snippet'] as const)('writes the seed configuration of the example in meaning (%s)', (which) => {
    const config = readSwitchConfig(files()[which].content, 'dell-os6');
    expect(config.problems).toEqual([]);
    expect(config.vlans.map((v) => [v.vlan, v.name])).toEqual([
      [240, 'management'],
      [245, 'vms'],
    ]);
    const po8 = iface(config, 'port-channel 8');
    expect(switchportOf('dell-os6', po8)).toEqual({ mode: 'trunk', allowed: 'all', native: 240 });
    expect(po8.description).toBe('ms01 bond0');
    const members = (n: number) =>
      config.interfaces.filter((i) => i.channelGroup?.number === n).map((i) => [i.name, i.channelGroup?.mode]);
    expect(members(8)).toEqual([
      ['Tengigabitethernet1/0/17', 'active'],
      ['Tengigabitethernet2/0/17', 'active'],
    ]);
    const po9 = iface(config, 'port-channel 9');
    expect(switchportOf('dell-os6', po9)).toMatchObject({ mode: 'trunk', allowed: 'all' });
    expect(members(9)).toEqual([
      ['Tengigabitethernet1/0/18', 'active'],
      ['Tengigabitethernet2/0/18', 'active'],
    ]);
    expect(iface(config, 'Tengigabitethernet1/0/17').description).toBe('ms01 enp88s0');
  });

  it('matches the golden files of the example', () => {
    const { startup, snippet } = files();
    expectGolden(startup.content, new URL('./__fixtures__/homelab.startup-config.txt', import.meta.url));
    expectGolden(snippet.content, new URL('./__fixtures__/homelab.snippet.txt', import.meta.url));
  });

  it('matches the golden files of a switch with access ports, a static jumbo LAG and a narrow trunk', () => {
    const { startup, snippet } = files(richSwitch(exampleDesign(), 'Tengigabitethernet'));
    expectGolden(startup.content, new URL('./__fixtures__/rich.startup-config.txt', import.meta.url));
    expectGolden(snippet.content, new URL('./__fixtures__/rich.snippet.txt', import.meta.url));
    const config = readSwitchConfig(startup.content, 'dell-os6');
    expect(switchportOf('dell-os6', iface(config, 'port-channel 10'))).toEqual({
      mode: 'trunk',
      allowed: '240,245,300-310,400,402,404,406,408,410,412,414,416,418,420,422,424',
      native: 240,
    });
    expect(iface(config, 'port-channel 10').mtu).toBe(9198);
    expect(iface(config, 'Tengigabitethernet1/0/7').channelGroup).toEqual({ number: 10, mode: 'on' });
    expect(switchportOf('dell-os6', iface(config, 'Tengigabitethernet1/0/5'))).toEqual({ mode: 'access', vlan: 245 });
    expect(iface(config, 'Tengigabitethernet1/0/5').description).toBe('nas eno1');
  });

  it('writes running-config syntax: no indentation, exit after every block, quoted text, short port names', () => {
    const { startup, snippet } = files();
    const lines = startup.content.trimEnd().split('\n');
    expect(lines.every((l) => !/^\s/.test(l))).toBe(true);
    expect(lines[3]).toBe('configure');
    expect(lines.at(-1)).toBe('exit');
    expect(startup.content).toContain(
      'interface Te1/0/17\ndescription "ms01 enp88s0"\nchannel-group 8 mode active\nexit\n',
    );
    expect(startup.content).toContain('hostname "n4032"');
    const snippetLines = snippet.content.trimEnd().split('\n');
    expect(snippetLines[0]).toBe('configure');
    expect(snippetLines.at(-1)).toBe('exit');
    // Every block opened in the snippet is closed: `configure` + one per vlan/interface.
    const opened = snippetLines.filter((l) => /^(configure|vlan \d+|interface )/.test(l)).length;
    expect(snippetLines.filter((l) => l === 'exit')).toHaveLength(opened);
    // The snippet states defaults too, so pasting it resets what Netloom manages.
    expect(snippet.content).toContain('switchport trunk allowed vlan all');
  });

  it('makes host-facing port-channels and ports edge ports (spanning-tree portfast), as Cisco gets portfast trunk', () => {
    const blocks = (text: string) =>
      Object.fromEntries(
        text
          .split(/^interface /m)
          .slice(1)
          .map((b) => [b.split('\n')[0]!, b]),
      );
    const rich = files(richSwitch(exampleDesign(), 'Tengigabitethernet'));
    for (const content of [files().startup.content, files().snippet.content, rich.startup.content]) {
      const interfaces = blocks(content);
      expect(interfaces['port-channel 8']).toContain('\nspanning-tree portfast\n');
      expect(interfaces['port-channel 9']).toContain('\nspanning-tree portfast\n');
      // Members follow their port-channel.
      expect(interfaces['Te1/0/17']).not.toContain('spanning-tree');
    }
    const interfaces = blocks(rich.startup.content);
    expect(interfaces['Te1/0/5']).toContain('\nspanning-tree portfast\n');
    // Cabled to no host: not an edge.
    expect(interfaces['port-channel 10']).not.toContain('spanning-tree');
  });

  it('names the element behind every line, and is deterministic', () => {
    const { startup, snippet } = files();
    for (const file of [startup, snippet]) {
      const lines = file.content.trimEnd().split('\n');
      expect(file.lineElements).toHaveLength(lines.length);
    }
    const at = (text: string) => startup.lineElements![startup.content.split('\n').indexOf(text)];
    expect(at('interface port-channel 8')).toBe('n4032-po8');
    expect(at('interface Te2/0/18')).toBe('n4032-te2-0-18');
    expect(at('name "vms"')).toBe('net-vms');
    expect(at('hostname "n4032"')).toBe('n4032');
    expect(files().startup.content).toBe(startup.content);
  });
});
