import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/load/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { exampleJson } from '../../helpers/design.js';

/** The example with verbatim content on its first host's first port and unmanaged blocks. */
function withVerbatim(extraLines: unknown, unmanaged: unknown = []) {
  const doc = exampleJson();
  doc.hosts[0].ports[0].extraLines = extraLines;
  doc.hosts[0].unmanaged = unmanaged;
  return restoreDesign(doc);
}

function problems(extraLines: unknown, unmanaged: unknown = []) {
  const result = withVerbatim(extraLines, unmanaged);
  if (result.ok) throw new Error('expected the design to be refused');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('verbatim content', () => {
  it('refuses an extra line that smuggles a stanza of its own, naming its JSON path', () => {
    expect(problems(['post-up true', 'mtu 9000\nauto evil\niface evil inet manual\n\tpost-up id'])).toEqual([
      'hosts[0].ports[0].extraLines[1]: holds a line break; write one line per entry',
    ]);
    expect(problems(['post-up true\r'])).toEqual([
      'hosts[0].ports[0].extraLines[0]: holds a line break; write one line per entry',
    ]);
  });

  it.each([
    ['auto evil'],
    ['iface evil inet manual'],
    ['allow-hotplug evil'],
    ['  source /tmp/x'],
    ['vlan evil'],
    ['mapping eth0'],
    ['source-directory /tmp'],
  ])('refuses an extra line starting a new stanza: %s', (line) => {
    const word = line.trim().split(/\s+/)[0];
    expect(problems(['mtu 9000', line])).toEqual([
      `hosts[0].ports[0].extraLines[1]: starts with "${word}", which begins a new stanza outside this interface`,
    ]);
  });

  it('refuses backslashes that join lines across the list, Mako and hidden characters', () => {
    expect(problems(['post-up echo \\'])[0]).toMatch(/^hosts\[0\]\.ports\[0\]\.extraLines\[0\]: ends with a backslash/);
    expect(problems(['post-up echo \\', ''])[0]).toMatch(/extraLines\[0\]: ends with a backslash/);
    expect(problems(['\\ evil0'])[0]).toMatch(/extraLines\[0\]: starts with a backslash/);
    expect(problems(['post-up echo ${x} %'])[0]).toMatch(/extraLines\[0\]: holds "%"/);
    expect(problems(['post-up echo \u202eok'])[0]).toBe(
      'hosts[0].ports[0].extraLines[0]: holds the invisible character U+202E',
    );
    expect(problems(['post-up echo \x1b[2K'])[0]).toBe(
      'hosts[0].ports[0].extraLines[0]: holds the invisible character U+001B',
    );
  });

  it('keeps a continued line as entries, and writes its following lines as they were', () => {
    const result = withVerbatim([
      'post-up ip route add 192.0.2.0/24 \\',
      '\t    via 10.2.200.254',
      'post-up echo \\',
      'auto is an argument here',
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = renderInterfaces(result.design, result.design.hosts[0]!.id);
    expect(text).toContain(
      '\tpost-up ip route add 192.0.2.0/24 \\\n\t    via 10.2.200.254\n\tpost-up echo \\\nauto is an argument here\n',
    );
  });

  it('loads the older shapes: a continued line in one entry, an unmanaged block in one string', () => {
    const result = withVerbatim(
      ['post-up ip route add 192.0.2.0/24 \\\n\t    via 10.2.200.254'],
      ['auto vxlan10\niface vxlan10 inet manual\n\tvxlan-id 10\n'],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.design.hosts[0]!.ports[0]!.extraLines).toEqual([
      'post-up ip route add 192.0.2.0/24 \\',
      '\t    via 10.2.200.254',
    ]);
    expect(result.design.hosts[0]!.unmanaged).toEqual([['auto vxlan10', 'iface vxlan10 inet manual', '\tvxlan-id 10']]);
  });

  it('refuses an unmanaged block that would join the stanza before it, or smuggles a line break', () => {
    expect(problems([], [['# a comment', 'post-up id']])).toEqual([
      'hosts[0].unmanaged[0][1]: is the first statement of the block but starts no stanza (auto, iface, allow-*, source...), so it would join the stanza before it',
    ]);
    expect(problems([], [['auto x', 'iface x inet manual\n\tpost-up id']])).toEqual([
      'hosts[0].unmanaged[0][1]: holds a line break; write one line per entry',
    ]);
    expect(problems([], [['auto x', 'iface x inet manual', '\tpost-up id \\']])[0]).toMatch(
      /^hosts\[0\]\.unmanaged\[0\]\[2\]: ends with a backslash/,
    );
    // Stanza keywords are what an unmanaged block is made of.
    expect(withVerbatim([], [['allow-ovs br0', 'iface br0 inet manual', '\tovs_type OVSBridge']]).ok).toBe(true);
  });
});
