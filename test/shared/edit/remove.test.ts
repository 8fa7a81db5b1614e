import { describe, expect, it } from 'vitest';
import { addHost } from '../../../shared/edit/create.js';
import { membershipId } from '../../../shared/edit/links.js';
import { removeElements } from '../../../shared/edit/remove.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { exampleDesign } from '../../helpers/design.js';

const loads = (d: Parameters<typeof checkedEdit>[0]) => expect(checkedEdit(d).ok).toBe(true);

describe('removeElements', () => {
  it('removing a port drops it from its bond, its cable and the layout', () => {
    const before = { ...exampleDesign(), layout: { 'ms01-enp88s0': { x: 1, y: 2 } } };
    const d = removeElements(before, ['ms01-enp88s0']);
    expect(d.hosts[0]!.bonds[0]!.members).toEqual(['ms01-enp91s0']);
    expect(d.cables.map((c) => c.id)).not.toContain('cable-enp88s0');
    expect(d.layout).toEqual({});
    loads(d);
  });

  it('removing a bridge takes the VM NICs on it', () => {
    const d = removeElements(exampleDesign(), ['ms01-vmbr1']);
    expect(d.hosts[0]!.vms[0]!.nics).toEqual([]);
    loads(d);
  });

  it('removing a host takes its cables; the switch stays', () => {
    const d = removeElements(exampleDesign(), ['ms01']);
    expect(d.hosts).toEqual([]);
    expect(d.cables).toEqual([]);
    expect(d.switches).toHaveLength(1);
    loads(d);
  });

  it('cutting a membership link removes only the reference', () => {
    const d = removeElements(exampleDesign(), [
      membershipId('member', 'ms01-bond1', 'ms01-enp3s0f0np0'),
      membershipId('channel', 'n4032-po8', 'n4032-te2-0-17'),
    ]);
    expect(d.hosts[0]!.bonds[1]!.members).toEqual(['ms01-enp3s0f1np1']);
    expect(d.hosts[0]!.ports).toHaveLength(4);
    expect(d.switches[0]!.portChannels[0]!.members).toEqual(['n4032-te1-0-17']);
    loads(d);
  });

  it('keeps untouched parts identical (so the canvas skips them)', () => {
    const before = addHost(exampleDesign()).design;
    const after = removeElements(before, ['n4032-po9']);
    expect(after.hosts).toBe(before.hosts);
    expect(after.switches[0]!.ports).toBe(before.switches[0]!.ports);
    expect(removeElements(before, []).hosts[1]).toBe(before.hosts[1]);
  });
});
