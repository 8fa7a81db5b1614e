import { describe, expect, it } from 'vitest';
import { readSwitchConfig, switchFromConfig } from '../../../shared/switch-config/index.js';
import { readCorpus } from '../status/corpus.js';

describe('switchFromConfig', () => {
  it('takes the port-channels and their members from a real IOS config', () => {
    const text = readCorpus('switch/cisco.ios__test_ios_lag_interfaces.test_ios_lag_interfaces_merged.ios.cfg');
    const { switch: sw, notes } = switchFromConfig(readSwitchConfig(text, 'cisco-ios'), {
      vendor: 'cisco-ios',
      name: 'Core',
    });
    expect(notes).toEqual([]);
    expect(sw.ports.map((p) => [p.id, p.name])).toEqual([
      ['core-gi0-1', 'GigabitEthernet0/1'],
      ['core-gi0-2', 'GigabitEthernet0/2'],
      ['core-gi0-3', 'GigabitEthernet0/3'],
      ['core-gi0-4', 'GigabitEthernet0/4'],
      ['core-gi0-5', 'GigabitEthernet0/5'],
    ]);
    expect(sw.portChannels).toEqual([
      { id: 'core-po11', number: 11, members: ['core-gi0-1', 'core-gi0-3'], lacp: 'active' },
      { id: 'core-po22', number: 22, members: ['core-gi0-2', 'core-gi0-4', 'core-gi0-5'], lacp: 'active' },
    ]);
  });

  it('reads switchports, descriptions and mtu, and names the line of everything it leaves out', () => {
    const text = [
      'hostname n3',
      'interface Te1/0/1',
      'description "to pve1"',
      'channel-group 8 mode desirable',
      'switchport mode trunk',
      'exit',
      'interface Te2/0/2',
      'switchport access vlan 30',
      'mtu 9999',
      'exit',
      'interface Te9',
      'description odd',
      'exit',
      'interface port-channel 8',
      'switchport mode trunk',
      'switchport trunk native vlan 240',
      'mtu 9216',
      'exit',
      'interface port-channel 9',
      'exit',
    ].join('\n');
    const { switch: sw, notes } = switchFromConfig(readSwitchConfig(text, 'dell-os6'), {
      vendor: 'dell-os6',
      name: 'n3',
    });
    expect(sw.stackUnits).toBe(2);
    expect(sw.ports).toEqual([
      { id: 'n3-te1-0-1', name: 'Tengigabitethernet1/0/1', description: 'to pve1' },
      { id: 'n3-te2-0-2', name: 'Tengigabitethernet2/0/2', switchport: { mode: 'access', vlan: 30 } },
    ]);
    expect(sw.portChannels).toEqual([
      {
        id: 'n3-po8',
        number: 8,
        members: ['n3-te1-0-1'],
        lacp: 'active',
        mtu: 9216,
        switchport: { mode: 'trunk', allowed: 'all', native: 240 },
      },
    ]);
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [
        2,
        'Tengigabitethernet1/0/1: channel-group mode desirable is not LACP active, passive or on; the port-channel is taken as active',
      ],
      [
        2,
        "Tengigabitethernet1/0/1: the switchport lines of a port-channel member are left out; port-channel 8's apply",
      ],
      [7, 'Tengigabitethernet2/0/2: mtu 9999 is outside 1280-9216; left out'],
      [11, expect.stringMatching(/^"Tengigabitethernet9" is not a Dell EMC OS6 port name; .*; the port is left out$/)],
    ]);
  });
});
