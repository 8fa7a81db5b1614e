import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from '../../../shared/edit/fragment.js';
import { indexDesign } from '../../../shared/model/index.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { exampleDesign } from '../../helpers/design.js';

describe('copy and paste', () => {
  it('duplicating a whole host gives new ids, a new name, the same wiring inside it, and a loadable design', () => {
    const d = { ...exampleDesign(), layout: { ms01: { x: 0, y: 0 }, 'ms01-bond0': { x: 10, y: 20 } } };
    const { design, ids } = pasteFragment(d, copyFragment(d, ['ms01']), { x: 32, y: 32 });
    expect(checkedEdit(design).ok).toBe(true);
    expect(design.hosts.map((h) => h.name)).toEqual(['ms01', 'ms01-2']);
    const copy = design.hosts[1]!;
    expect(ids).toEqual([copy.id]);
    const before = new Set(indexDesign(d).byId.keys());
    expect(copy.bonds.flatMap((b) => b.members).every((m) => !before.has(m))).toBe(true);
    expect(copy.bonds[0]!.members).toEqual(copy.ports.slice(0, 2).map((p) => p.id));
    expect(design.layout[copy.id]).toEqual({ x: 32, y: 32 });
    expect(design.layout[copy.bonds[0]!.id]).toEqual({ x: 42, y: 52 });
    // Cables belong to both ends; copying only the host leaves them behind.
    expect(design.cables).toHaveLength(4);
  });

  it('a pasted bond does not take the original bond’s ports', () => {
    const d = exampleDesign();
    const { design, ids } = pasteFragment(d, copyFragment(d, ['ms01-bond0']), { x: 0, y: 0 });
    expect(checkedEdit(design).ok).toBe(true);
    const bond = design.hosts[0]!.bonds.find((b) => b.id === ids[0])!;
    expect(bond.name).toBe('bond2');
    expect(bond.members).toEqual([]);
  });

  it('ports copied with their bond stay together under fresh names', () => {
    const d = exampleDesign();
    const { design } = pasteFragment(d, copyFragment(d, ['ms01-bond0', 'ms01-enp88s0', 'ms01-enp91s0']), {
      x: 0,
      y: 0,
    });
    expect(checkedEdit(design).ok).toBe(true);
    const host = design.hosts[0]!;
    const bond = host.bonds[2]!;
    const newPorts = host.ports.slice(4);
    expect(newPorts.map((p) => p.name)).toEqual(['enp88s1', 'enp91s1']);
    expect(bond.members).toEqual(newPorts.map((p) => p.id));
    expect(host.bonds[0]!.members).toEqual(['ms01-enp88s0', 'ms01-enp91s0']);
  });

  it('a VM pasted into another host loses NICs on bridges that are not there', () => {
    const d = exampleDesign();
    const fragment = copyFragment(d, ['vm-100']);
    // The VM's own host is gone by paste time; the fragment lands in another host.
    const other = { ...d.hosts[0]!, id: 'other', name: 'other', ports: [], bonds: [], bridges: [], vlans: [], vms: [] };
    const { design } = pasteFragment({ ...d, hosts: [other], cables: [] }, fragment, { x: 0, y: 0 }, 'other');
    expect(checkedEdit(design).ok).toBe(true);
    expect(design.hosts[0]!.vms).toHaveLength(1);
    expect(design.hosts[0]!.vms[0]!.nics).toEqual([]);
  });

  it('an OVS bridge copied with its bond and internal port keeps them, under fresh ids and names', () => {
    const raw = JSON.parse(JSON.stringify(exampleDesign()));
    raw.hosts[0].ovsBonds = [
      { id: 'ms01-obond', name: 'bond9', members: ['ms01-enp88s0'], lacp: 'active', autostart: 'auto' },
    ];
    raw.hosts[0].ovsIntPorts = [{ id: 'ms01-vlan50', name: 'vlan50', tag: 50, autostart: 'auto' }];
    raw.hosts[0].ovsBridges = [
      { id: 'ms01-ovsbr', name: 'vmbr9', ports: ['ms01-obond', 'ms01-vlan50'], autostart: 'auto' },
    ];
    const d = checkedEdit(raw);
    if (!d.ok) throw new Error(JSON.stringify(d.problems));
    const { design } = pasteFragment(d.design, copyFragment(d.design, ['ms01-ovsbr', 'ms01-obond', 'ms01-vlan50']), {
      x: 0,
      y: 0,
    });
    expect(checkedEdit(design).ok).toBe(true);
    const host = design.hosts[0]!;
    const [bridge, bond, port] = [host.ovsBridges[1]!, host.ovsBonds[1]!, host.ovsIntPorts[1]!];
    expect([bridge.name, bond.name, port.name]).toEqual(['vmbr2', 'bond2', 'vlan0']);
    expect(bridge.ports).toEqual([bond.id, port.id]);
    expect(port.tag).toBe(50);
    // The copied bond's member was not copied with it, and a port joins one bond.
    expect(bond.members).toEqual([]);
  });
});
