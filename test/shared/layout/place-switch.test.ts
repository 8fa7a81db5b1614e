import { describe, expect, it } from 'vitest';
import { placeSwitch } from '../../../shared/layout/place-switch.js';
import type { Switch } from '../../../shared/model/index.js';
import { exampleDesign } from '../../helpers/design.js';

const imported = (name: string): Switch => ({
  id: name,
  name,
  vendor: 'dell-os6',
  stackUnits: 2,
  ports: [
    { id: `${name}-te1-0-17`, name: 'Tengigabitethernet1/0/17', description: 'new' },
    { id: `${name}-te1-0-20`, name: 'Tengigabitethernet1/0/20' },
  ],
  portChannels: [{ id: `${name}-po8`, number: 8, members: [`${name}-te1-0-17`], lacp: 'active' }],
});

describe('placeSwitch', () => {
  it('replaces a switch of the same name in place, keeping the ids cables point at, and reports cables it drops', () => {
    const design = exampleDesign();
    const { design: placed, dropped, replaced } = placeSwitch(design, imported('n4032'));
    expect(replaced).toBe(true);
    const sw = placed.switches[0]!;
    expect(sw.id).toBe('n4032');
    expect(sw.management).toBe(design.switches[0]!.management);
    expect(sw.ports.map((p) => p.id)).toEqual(['n4032-te1-0-17', 'n4032-te1-0-20']);
    expect(sw.portChannels).toEqual([{ id: 'n4032-po8', number: 8, members: ['n4032-te1-0-17'], lacp: 'active' }]);
    expect(placed.cables.map((c) => c.id)).toEqual(['cable-enp88s0']);
    expect(dropped).toEqual([
      'cable cable-enp91s0: its switch port is gone',
      'cable cable-enp3s0f0np0: its switch port is gone',
      'cable cable-enp3s0f1np1: its switch port is gone',
    ]);
    expect(Object.keys(placed.layout).some((id) => id === 'n4032-po9')).toBe(false);
  });

  it('adds a new switch under an id no element uses', () => {
    const design = exampleDesign();
    const { design: placed, replaced } = placeSwitch(design, { ...imported('ms01'), name: 'edge' });
    expect(replaced).toBe(false);
    const sw = placed.switches.at(-1)!;
    expect(sw.id).toBe('ms01-2');
    expect(sw.ports.map((p) => p.id)).toEqual(['ms01-2-te1-0-17', 'ms01-2-te1-0-20']);
    expect(sw.portChannels[0]!.members).toEqual(['ms01-2-te1-0-17']);
    expect(placed.cables).toEqual(design.cables);
  });
});
