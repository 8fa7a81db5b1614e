import { describe, expect, it } from 'vitest';
import { checkedEdit } from '../../../shared/edit/update.js';
import { restoreDesign } from '../../../shared/load/index.js';
import { SWITCH_VENDORS } from '../../../shared/model/schema.js';
import {
  canonicalPortName,
  portNameProblem,
  shortPortName,
  stackUnitOf,
  switchPayloadMtu,
  VENDORS,
} from '../../../shared/vendors/index.js';
import { exampleDesign, exampleJson } from '../../helpers/design.js';

describe('switch port names', () => {
  it.each([
    // Long, short, any case, a space before the numbers, abbreviations in between: one canonical form.
    ['dell-os6', 'Tengigabitethernet1/0/17', 'Tengigabitethernet1/0/17'],
    ['dell-os6', 'Te1/0/17', 'Tengigabitethernet1/0/17'],
    ['dell-os6', 'TenGigabitEthernet1/0/17', 'Tengigabitethernet1/0/17'],
    ['dell-os6', 'tengigabitethernet 1/0/17', 'Tengigabitethernet1/0/17'],
    ['dell-os6', ' te 2/0/1 ', 'Tengigabitethernet2/0/1'],
    ['dell-os6', 'gi1/0/48', 'Gigabitethernet1/0/48'],
    ['dell-os6', 'Tw1/0/1', 'Twentyfivegigabitethernet1/0/1'],
    ['dell-os6', 'FO2/0/1', 'Fortygigabitethernet2/0/1'],
    ['dell-os6', 'hu1/0/1', 'Hundredgigabitethernet1/0/1'],
    ['cisco-ios', 'GigabitEthernet1/0/1', 'GigabitEthernet1/0/1'],
    ['cisco-ios', 'Gi1/0/1', 'GigabitEthernet1/0/1'],
    ['cisco-ios', 'gigabitethernet 0/1', 'GigabitEthernet0/1'],
    ['cisco-ios', 'TenGig1/1/4', 'TenGigabitEthernet1/1/4'],
    ['cisco-ios', 'Tengigabitethernet1/0/17', 'TenGigabitEthernet1/0/17'],
    ['cisco-ios', 'fa0/1', 'FastEthernet0/1'],
    // The longest abbreviation the word starts with: Tw is TwoGigabitEthernet, Twe TwentyFiveGigE.
    ['cisco-ios', 'Tw1/0/1', 'TwoGigabitEthernet1/0/1'],
    ['cisco-ios', 'twe1/0/1', 'TwentyFiveGigE1/0/1'],
    ['cisco-ios', 'Fi1/0/1', 'FiveGigabitEthernet1/0/1'],
    ['cisco-ios', 'Hu1/0/49', 'HundredGigE1/0/49'],
  ] as const)('%s reads %j as %s', (vendor, typed, canonical) => {
    expect(canonicalPortName(vendor, typed)).toBe(canonical);
    expect(portNameProblem(vendor, canonical)).toBeUndefined();
  });

  it.each([
    ['dell-os6', 'Loopback0'],
    ['dell-os6', 'T1/0/1'],
    ['dell-os6', 'Tengigabitethernetx1/0/1'],
    ['cisco-ios', 'Vlan10'],
    ['cisco-ios', 'Twentyfivegigabitethernet1/0/1'],
    ['cisco-ios', 'Gi1/0/1.100'],
  ] as const)('%s does not read %j as a port', (vendor, typed) => {
    expect(canonicalPortName(vendor, typed)).toBeUndefined();
  });

  it.each([
    [
      'dell-os6',
      'Te1/0/17',
      '"Te1/0/17" is not a Dell EMC OS6 port name; expected the form Tengigabitethernet1/0/17 (or Te1/0/17, Gigabitethernet1/0/1, Fortygigabitethernet2/0/1)',
    ],
    [
      'dell-os6',
      'Tengigabitethernet1/1/17',
      '"Tengigabitethernet1/1/17" is not a Dell EMC OS6 port name; expected the form Tengigabitethernet1/0/17',
    ],
    ['dell-os6', 'Tengigabitethernet0/0/1', 'expected the form Tengigabitethernet1/0/17'],
    ['dell-os6', 'eth0', '"eth0" is not a Dell EMC OS6 port name'],
    [
      'cisco-ios',
      'GigabitEthernet1',
      '"GigabitEthernet1" is not a Cisco IOS port name; expected the form GigabitEthernet1/0/1 (or Gi1/0/1, TenGigabitEthernet1/1/1)',
    ],
    ['cisco-ios', 'gigabitethernet1/0/1', 'expected the form GigabitEthernet1/0/1'],
  ] as const)('%s refuses %j as stored, naming the expected form', (vendor, name, message) => {
    expect(portNameProblem(vendor, name)).toContain(message);
  });

  it('stores the canonical form when a design file gives any other', () => {
    const doc = exampleJson();
    doc.switches[0].ports[0].name = 'te1/0/17';
    doc.switches[0].ports[1].name = 'TENGIGABITETHERNET 2/0/17';
    const result = restoreDesign(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.design.switches[0]!.ports.slice(0, 2).map((p) => p.name)).toEqual([
      'Tengigabitethernet1/0/17',
      'Tengigabitethernet2/0/17',
    ]);
  });

  it('finds two spellings of one port on a switch at load', () => {
    const doc = exampleJson();
    doc.switches[0].ports[1].name = 'Te1/0/17';
    const result = restoreDesign(doc);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: 'switches[0].ports[1].name',
        message: expect.stringContaining('port Tengigabitethernet1/0/17 is listed twice'),
      },
    ]);
  });

  it('refuses a name the vendor does not have at load, with the JSON path and the expected form', () => {
    const doc = exampleJson();
    doc.switches[0].vendor = 'cisco-ios';
    const result = restoreDesign(doc);
    // The Dell ports are TenGigabitEthernet ports in IOS's spelling; unit/0/port numbers are fine on IOS too.
    expect(result.ok).toBe(true);
    doc.switches[0].ports[0].name = 'Twentyfivegigabitethernet1/0/1';
    const refused = restoreDesign(doc);
    expect(refused.ok ? [] : refused.problems).toEqual([
      {
        path: 'switches[0].ports[0].name',
        message:
          '"Twentyfivegigabitethernet1/0/1" is not a Cisco IOS port name; expected the form GigabitEthernet1/0/1 (or Gi1/0/1, TenGigabitEthernet1/1/1)',
      },
    ]);
  });

  it('keeps an edit in the canonical form and the objects it did not touch', () => {
    const design = exampleDesign();
    const sw = design.switches[0]!;
    const renamed = {
      ...design,
      switches: [{ ...sw, ports: [{ ...sw.ports[0]!, name: 'te1/0/5' }, ...sw.ports.slice(1)] }],
    };
    const edited = checkedEdit(renamed);
    if (!edited.ok) throw new Error(JSON.stringify(edited.problems));
    expect(edited.design.switches[0]!.ports[0]!.name).toBe('Tengigabitethernet1/0/5');
    expect(edited.design.switches[0]!.ports[1]).toBe(sw.ports[1]);
    expect(edited.design.hosts).toBe(design.hosts);
    // Nothing to rewrite: the very same design comes back.
    const same = checkedEdit(design);
    expect(same.ok && same.design).toBe(design);
  });

  it('prints the short form running-configs use', () => {
    expect(shortPortName('dell-os6', 'Tengigabitethernet2/0/17')).toBe('Te2/0/17');
    expect(shortPortName('cisco-ios', 'TwentyFiveGigE1/0/1')).toBe('Twe1/0/1');
    expect(shortPortName('cisco-ios', 'Port-channel1')).toBe('Port-channel1');
  });

  it('reads the stack unit of unit/slot/port names', () => {
    expect(stackUnitOf('Tengigabitethernet2/0/17')).toBe(2);
    expect(stackUnitOf('GigabitEthernet0/1')).toBeUndefined();
  });
});

describe('vendor registry', () => {
  it('has an entry for every vendor id, each naming new ports in its own scheme', () => {
    expect(Object.keys(VENDORS).sort()).toEqual([...SWITCH_VENDORS].sort());
    for (const vendor of SWITCH_VENDORS)
      expect(portNameProblem(vendor, `${VENDORS[vendor].newPortStem}1`)).toBeUndefined();
  });

  it.each(SWITCH_VENDORS)('%s: every port type reads back from its long and short form in any case', (vendor) => {
    for (const type of VENDORS[vendor].portTypes) {
      for (const typed of [
        type.long,
        type.short,
        type.long.toLowerCase(),
        type.short.toUpperCase(),
        `${type.short} `,
      ]) {
        expect(canonicalPortName(vendor, `${typed}1/0/1`), typed).toBe(`${type.long}1/0/1`);
      }
    }
  });

  it('knows what each vendor’s mtu means', () => {
    expect(switchPayloadMtu('dell-os6', undefined)).toBe(1500);
    expect(switchPayloadMtu('dell-os6', 9216)).toBe(9198);
    expect(switchPayloadMtu('cisco-ios', 9000)).toBe(9000);
    expect(switchPayloadMtu('cisco-ios', undefined)).toBe(1500);
  });
});
