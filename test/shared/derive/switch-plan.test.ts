import { describe, expect, it } from 'vitest';
import { comparePortNames, planSwitch } from '../../../shared/derive/switch-plan.js';
import { exampleDesign } from '../../helpers/design.js';
import { richSwitch } from '../targets/switch-common/designs.js';

describe('switch plan', () => {
  it('derives port-channel and port descriptions from the host at the other end of the cable', () => {
    const plan = planSwitch(exampleDesign(), 'n4032');
    expect(plan.portChannels.map((pc) => [pc.number, pc.description, pc.lacp, pc.hostFacing])).toEqual([
      [8, 'ms01 bond0', 'active', true],
      [9, 'ms01 bond1', 'active', true],
    ]);
    expect(plan.ports.map((p) => [p.name, p.description, p.channel?.number])).toEqual([
      ['Tengigabitethernet1/0/17', 'ms01 enp88s0', 8],
      ['Tengigabitethernet1/0/18', 'ms01 enp3s0f0np0', 9],
      ['Tengigabitethernet2/0/17', 'ms01 enp91s0', 8],
      ['Tengigabitethernet2/0/18', 'ms01 enp3s0f1np1', 9],
    ]);
    expect(plan.vlans).toEqual([
      { vlan: 240, name: 'management', elementId: 'net-mgmt' },
      { vlan: 245, name: 'vms', elementId: 'net-vms' },
    ]);
  });

  it('keeps a description the design gives, and creates VLANs ports need that no network names', () => {
    const design = richSwitch(exampleDesign(), 'Gigabitethernet');
    design.switches[0]!.portChannels[0]!.description = 'uplink of ms01';
    design.switches[0]!.portChannels[1]!.description = '  ';
    design.switches[0]!.ports.find((p) => p.id === 'sw-p5')!.switchport = { mode: 'access', vlan: 300 };
    const plan = planSwitch(design, 'n4032');
    expect(plan.portChannels[0]!.description).toBe('uplink of ms01');
    expect(plan.portChannels[1]!.description).toBe('ms01 bond1');
    expect(plan.vlans.map((v) => [v.vlan, v.name, v.elementId])).toEqual([
      [240, 'management', 'net-mgmt'],
      [245, 'vms', 'net-vms'],
      [300, undefined, 'sw-p5'],
    ]);
    const p6 = plan.ports.find((p) => p.elementId === 'sw-p6')!;
    expect([p6.description, p6.hostFacing]).toEqual(['spare', false]);
  });

  it('orders ports by unit, slot and port', () => {
    expect(['Te2/0/1', 'Te1/0/10', 'Te1/0/9', 'Gi1/0/9'].sort(comparePortNames)).toEqual([
      'Gi1/0/9',
      'Te1/0/9',
      'Te1/0/10',
      'Te2/0/1',
    ]);
  });
});
