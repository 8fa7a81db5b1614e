import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSwitchConfig, switchportOf } from '../../../shared/switch-config/index.js';
import { ROOT } from '../../helpers/cli.js';

const CORPUS = new URL('../shared/corpus/switch/', new URL(`file://${ROOT}`));
const corpus = (name: string) => readFileSync(new URL(name, CORPUS), 'utf8');

describe('switch config reader on real Dell OS6 configs', () => {
  it('reads the N4064F running-config: hostname, ports in long form, port-channels, no VLAN names', () => {
    const config = readSwitchConfig(corpus('dellemc.os6__fixtures_show_running-config.N4064F.os6.cfg'), 'dell-os6');
    expect(config.problems).toEqual([]);
    expect(config.hostname).toBe('os6');
    const ports = config.interfaces.filter((i) => i.kind === 'port').map((i) => i.name);
    expect(ports).toHaveLength(11);
    expect(ports[0]).toBe('Tengigabitethernet1/0/1');
    expect(ports[10]).toBe('Tengigabitethernet1/0/11');
    expect(config.interfaces.filter((i) => i.kind === 'port-channel').map((i) => i.name)).toEqual([
      'port-channel 1',
      'port-channel 2',
      'port-channel 3',
      'port-channel 4',
      'port-channel 5',
    ]);
    // `interface vlan 1` and `interface out-of-band` are interfaces Netloom does not write.
    expect(config.interfaces.filter((i) => i.kind === 'other').map((i) => i.name)).toEqual(['out-of-band', 'vlan 1']);
    // Nested blocks of other commands (stack, router bgp, template peer) do not leak into interfaces.
    expect(config.interfaces.every((i) => i.channelGroup === undefined && i.description === undefined)).toBe(true);
    expect(switchportOf('dell-os6', config.interfaces[2]!)).toEqual({ mode: 'access', vlan: 1 });
    expect(config.interfaces.find((i) => i.name === 'port-channel 3')!.line).toBe(80);
  });

  it('starts a new block at the next header even when an exit is missing', () => {
    const config = readSwitchConfig(
      'vlan 10\nname "ten"\ninterface Gi1/0/1\nswitchport access vlan 10\ninterface Gi1/0/2\ndescription "b"\n',
      'dell-os6',
    );
    expect(config.vlans).toEqual([{ vlan: 10, name: 'ten', line: 1 }]);
    expect(config.interfaces.map((i) => [i.name, i.accessVlan, i.description])).toEqual([
      ['Gigabitethernet1/0/1', 10, undefined],
      ['Gigabitethernet1/0/2', undefined, 'b'],
    ]);
  });

  it('reads port names in any form and case as the canonical name, and leaves other interfaces as written', () => {
    const names = (text: string, vendor: 'dell-os6' | 'cisco-ios') =>
      readSwitchConfig(text, vendor).interfaces.map((i) => [i.name, i.kind]);
    expect(
      names(
        'interface Te1/0/1\nexit\ninterface tengigabitethernet 1/0/2\nexit\ninterface TenGigabitEthernet2/0/3\nexit\ninterface Port-Channel 8\nexit\ninterface vlan 10\nexit\n',
        'dell-os6',
      ),
    ).toEqual([
      ['Tengigabitethernet1/0/1', 'port'],
      ['Tengigabitethernet1/0/2', 'port'],
      ['Tengigabitethernet2/0/3', 'port'],
      ['port-channel 8', 'port-channel'],
      ['vlan 10', 'other'],
    ]);
    expect(
      names(
        'interface gi1/0/1\ninterface Tengigabitethernet 1/1/1\ninterface Twe1/0/2\ninterface Vlan10\n',
        'cisco-ios',
      ),
    ).toEqual([
      ['GigabitEthernet1/0/1', 'port'],
      ['TenGigabitEthernet1/1/1', 'port'],
      ['TwentyFiveGigE1/0/2', 'port'],
      ['Vlan10', 'other'],
    ]);
  });

  it('reads the OS6 interface fixture: quoted description and access VLAN', () => {
    const config = readSwitchConfig(corpus('dellemc.os6__fixtures_os6_config_config.os6.cfg'), 'dell-os6');
    expect(config.hostname).toBe('router');
    expect(config.interfaces.map((i) => [i.name, i.description, switchportOf('dell-os6', i)])).toEqual([
      ['Tengigabitethernet1/0/1', 'test_string', { mode: 'access', vlan: 1 }],
      ['Tengigabitethernet1/0/2', undefined, { mode: 'access', vlan: 1 }],
      ['Tengigabitethernet1/0/9', undefined, { mode: 'access', vlan: 2 }],
    ]);
  });
});

describe('switch config reader on real Cisco IOS configs', () => {
  it('reads l2_interfaces: access and trunk ports, native VLAN, allowed lists continued with add', () => {
    const config = readSwitchConfig(corpus('cisco.ios__fixtures_ios_l2_interfaces.ios.cfg'), 'cisco-ios');
    expect(config.problems).toEqual([]);
    expect(config.interfaces.map((i) => [i.name, switchportOf('cisco-ios', i)])).toEqual([
      ['GigabitEthernet0/1', { mode: 'access', vlan: 10 }],
      ['GigabitEthernet0/2', { mode: 'trunk', allowed: '10-20,40', native: 10 }],
      ['TwoGigabitEthernet1/0/1', { mode: 'access', vlan: 20 }],
      [
        'GigabitEthernet0/3',
        {
          mode: 'trunk',
          allowed:
            '11,59,67,75,77,81,100,400-408,411-413,415,418,461,674-675,696,931,935,951-952,973-974,979,982,986,988,993',
        },
      ],
    ]);
  });

  it('reads lag_interfaces: port-channels and member ports with and without a mode', () => {
    const config = readSwitchConfig(
      corpus('cisco.ios__test_ios_lag_interfaces.test_ios_lag_interfaces_merged.ios.cfg'),
      'cisco-ios',
    );
    expect(config.interfaces.filter((i) => i.kind === 'port-channel').map((i) => i.name)).toEqual([
      'port-channel 11',
      'port-channel 22',
    ]);
    expect(config.interfaces.filter((i) => i.channelGroup).map((i) => [i.name, i.channelGroup])).toEqual([
      ['GigabitEthernet0/1', { number: 11, mode: 'active' }],
      ['GigabitEthernet0/2', { number: 22, mode: 'active' }],
      ['GigabitEthernet0/3', { number: 11, mode: 'active' }],
      ['GigabitEthernet0/4', { number: 22, mode: 'active' }],
      ['GigabitEthernet0/5', { number: 22, mode: undefined }],
    ]);
  });

  it('reads a show run interface excerpt with description, trunk and channel-group', () => {
    const config = readSwitchConfig(
      corpus('genieparser__iosxe_ShowRunInterface_golden_output_10.ios.txt'),
      'cisco-ios',
    );
    const [gi] = config.interfaces;
    expect([gi!.name, gi!.description, gi!.channelGroup, switchportOf('cisco-ios', gi!)]).toEqual([
      'GigabitEthernet1/0/2',
      'test_of_parser',
      { number: 23, mode: 'active' },
      { mode: 'trunk', allowed: '500,821,900-905' },
    ]);
  });

  it('reads VLAN blocks with names and ends blocks at the first unindented line', () => {
    const config = readSwitchConfig(corpus('batfish__unit-tests_cisco_vlan.mixed.cfg'), 'cisco-ios');
    expect(config.vlans.find((v) => v.vlan === 2)?.name).toBe('myfavoritevlan');
    expect(config.vlans.find((v) => v.vlan === 10)?.name).toBeUndefined();
    const ranges = readSwitchConfig(corpus('batfish__cisco-testconfigs_ios_switchport_mode.ios.cfg'), 'cisco-ios');
    expect(ranges.interfaces.find((i) => i.name === 'Ethernet0/4')?.allowed).toEqual([{ from: 1, to: 2 }]);
  });

  it('reports a broken VLAN list with its line number instead of throwing', () => {
    const config = readSwitchConfig(
      'interface Gi1/0/1\n switchport mode trunk\n switchport trunk allowed vlan 10-5\n',
      'cisco-ios',
    );
    expect(config.problems).toEqual([{ line: 3, message: 'range "10-5" runs backwards' }]);
  });

  it('applies remove, except and none to the allowed list', () => {
    const read = (lines: string) =>
      readSwitchConfig(`interface Gi1/0/1\n switchport mode trunk\n${lines}`, 'cisco-ios').interfaces[0]!;
    expect(read(' switchport trunk allowed vlan remove 2-4093\n').allowed).toEqual([
      { from: 1, to: 1 },
      { from: 4094, to: 4094 },
    ]);
    expect(switchportOf('cisco-ios', read(' switchport trunk allowed vlan except 1\n'))).toMatchObject({
      allowed: '2-4094',
    });
    expect(read(' switchport trunk allowed vlan none\n').allowed).toEqual([]);
    expect(switchportOf('cisco-ios', read(' switchport trunk allowed vlan all\n'))).toMatchObject({ allowed: 'all' });
  });
});

describe('switch config reader on arbitrary text', () => {
  it('never throws, whatever the lines', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'interface Te1/0/1',
        'interface port-channel 3',
        'vlan 10,20-',
        'vlan 1-4094',
        ' switchport trunk allowed vlan add 9999',
        'exit',
        '!',
        ' name',
        'channel-group x',
        'switchport trunk allowed vlan remove 1-',
        'mtu 99999999999999999999',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 30 }),
        fc.constantFrom('dell-os6' as const, 'cisco-ios' as const),
        (lines, vendor) => {
          const config = readSwitchConfig(lines.join('\n'), vendor);
          expect(Array.isArray(config.interfaces)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
