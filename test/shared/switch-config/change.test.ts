import { afterEach, describe, expect, it } from 'vitest';
import type { SwitchVendor } from '../../../shared/model/schema.js';
import { switchChange, SwitchLineError } from '../../../shared/switch-config/change.js';
import { TestSwitch } from '../../switch/test-switch.js';

const switches: TestSwitch[] = [];
afterEach(async () => {
  await Promise.all(switches.splice(0).map((sw) => sw.close()));
});

/** A test switch whose running-config is what `lines` (global configuration mode) make of a blank one. */
async function configured(vendor: SwitchVendor, lines: readonly string[]): Promise<TestSwitch> {
  const sw = await TestSwitch.start({ vendor, setup: lines });
  switches.push(sw);
  return sw;
}

const OS6_BEFORE = [
  'vlan 240',
  'name "old-vms"',
  'exit',
  'interface Te1/0/5',
  'description "was here"',
  'switchport mode trunk',
  'switchport trunk allowed vlan 1,240',
  'exit',
];

const OS6_SNIPPET = [
  'configure',
  'vlan 240',
  'name "vms"',
  'exit',
  'vlan 250',
  'name "storage"',
  'exit',
  'interface port-channel 8',
  'description "pve1 bond0"',
  'spanning-tree portfast',
  'switchport mode trunk',
  'switchport trunk native vlan 1',
  'switchport trunk allowed vlan 240,250',
  'mtu 9216',
  'exit',
  'interface Te1/0/5',
  'description "pve1 enp1s0"',
  'channel-group 8 mode active',
  'exit',
  'interface Te1/0/6',
  'description "pve1 enp2s0"',
  'channel-group 8 mode active',
  'exit',
  'exit',
];

const IOS_SNIPPET = [
  'configure terminal',
  'vlan 240',
  ' name vms',
  'exit',
  'interface TenGigabitEthernet1/0/3',
  ' description pve1 nic0',
  ' switchport access vlan 240',
  ' switchport mode access',
  ' spanning-tree portfast',
  'exit',
  'end',
];

describe('switchChange', () => {
  it('sends nothing when the switch already runs every managed setting', async () => {
    const sw = await configured('dell-os6', OS6_SNIPPET.slice(1, -1));
    expect(switchChange('dell-os6', OS6_SNIPPET, sw.runningConfig())).toEqual({ apply: [], inverse: [], diff: '' });
  });

  it('sends only the blocks that differ, and its inverse puts back the running-config exactly (OS6)', async () => {
    const before = await configured('dell-os6', [
      ...OS6_BEFORE,
      'interface Te1/0/6',
      'channel-group 8 mode active',
      'description "pve1 enp2s0"',
      'exit',
      'vlan 250',
      'name "storage"',
      'exit',
    ]);
    const change = switchChange('dell-os6', OS6_SNIPPET, before.runningConfig());
    // VLAN 250 and Te1/0/6 are already as the snippet says.
    expect(change.apply).toEqual(['vlan 240', 'name "vms"', 'exit', ...OS6_SNIPPET.slice(7, 19)]);
    expect(change.diff).toContain('-name "old-vms"\n+name "vms"');
    expect(change.inverse).toContain('no mtu');
    const after = await configured('dell-os6', [
      ...OS6_BEFORE,
      'interface Te1/0/6',
      'channel-group 8 mode active',
      'description "pve1 enp2s0"',
      'exit',
      'vlan 250',
      'name "storage"',
      'exit',
      ...change.apply,
    ]);
    expect(after.runningConfig()).not.toBe(before.runningConfig());
    expect(switchChange('dell-os6', OS6_SNIPPET, after.runningConfig()).apply).toEqual([]);
    const undone = await configured('dell-os6', [
      ...OS6_BEFORE,
      'interface Te1/0/6',
      'channel-group 8 mode active',
      'description "pve1 enp2s0"',
      'exit',
      'vlan 250',
      'name "storage"',
      'exit',
      ...change.apply,
      ...change.inverse,
    ]);
    expect(undone.runningConfig()).toBe(before.runningConfig());
  });

  it('removes the VLANs it created and clears what was unset, on a blank switch', async () => {
    const blank = await configured('dell-os6', []);
    const change = switchChange('dell-os6', OS6_SNIPPET, blank.runningConfig());
    expect(change.inverse.slice(-2)).toEqual(['no vlan 250', 'no vlan 240']);
    const undone = await configured('dell-os6', [...change.apply, ...change.inverse]);
    expect(undone.runningConfig()).toBe(blank.runningConfig());
  });

  it('reads IOS blocks (indented settings, unquoted text) the same way', async () => {
    const blank = await configured('cisco-ios', []);
    const change = switchChange('cisco-ios', IOS_SNIPPET, blank.runningConfig());
    expect(change.apply).toEqual([
      'vlan 240',
      'name vms',
      'exit',
      'interface TenGigabitEthernet1/0/3',
      'description pve1 nic0',
      'switchport access vlan 240',
      'switchport mode access',
      'spanning-tree portfast',
      'exit',
    ]);
    const applied = await configured('cisco-ios', change.apply);
    expect(switchChange('cisco-ios', IOS_SNIPPET, applied.runningConfig()).apply).toEqual([]);
    const undone = await configured('cisco-ios', [...change.apply, ...change.inverse]);
    expect(undone.runningConfig()).toBe(blank.runningConfig());
  });

  describe('refuses a line that must not reach a switch, naming it', () => {
    const withDescription = (text: string) => [
      'configure',
      'interface Te1/0/5',
      `description "${text}"`,
      'exit',
      'exit',
    ];
    it.each([
      ['a question mark (CLI help)', 'uplink?', /"\?"/],
      ['a control character', 'a\u0007b', /printable ASCII/],
      ['more than the vendor allows', 'x'.repeat(65), /at most 64 characters/],
      ['a double quote', 'say "hi', /double quote/],
    ])('%s', (_what, text, message) => {
      expect(() => switchChange('dell-os6', withDescription(text), '')).toThrow(message);
      expect(() => switchChange('dell-os6', withDescription(text), '')).toThrow(SwitchLineError);
    });

    it('a description that smuggled a line break: the next line is no setting Netloom writes', () => {
      const lines = [
        'configure terminal',
        'interface TenGigabitEthernet1/0/3',
        ' description x',
        'end',
        'reload',
        'exit',
        'end',
      ];
      expect(() => switchChange('cisco-ios', lines, '')).toThrow(
        /snippet line 4 \("end"\): not a setting Netloom writes/,
      );
    });

    it('a line longer than any switch takes', () => {
      const lines = [
        'configure',
        'interface Te1/0/5',
        `switchport trunk allowed vlan ${'1,'.repeat(250)}2`,
        'exit',
        'exit',
      ];
      expect(() => switchChange('dell-os6', lines, '')).toThrow(/at most 400/);
    });
  });
});
