import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment } from '../../../shared/edit/fragment.js';
import { updateElement } from '../../../shared/edit/update.js';
import { VlanInterface, type Design } from '../../../shared/model/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { exampleDesign } from '../../helpers/design.js';

/** The example with VLAN 10 on enp88s0 named `enp88s0.10`, and one named by hand. */
function withVlans(): Design {
  const d = exampleDesign();
  const host = d.hosts[0]!;
  const vlans = [
    { id: 'ms01-vlan10', name: 'enp88s0.10', parent: 'ms01-enp88s0', vlan: 10 },
    { id: 'ms01-storage', name: 'storage', parent: 'ms01-enp88s0', vlan: 20 },
  ].map((v) => VlanInterface.parse(v));
  return { ...d, hosts: [{ ...host, vlans }, ...d.hosts.slice(1)] };
}
const vlansOf = (d: Design) => d.hosts[0]!.vlans.map((v) => [v.name, v.vlan]);

describe('VLAN interface names follow their parent and VLAN id', () => {
  it('a new VLAN id renames enp88s0.10 to enp88s0.100, and the export says so', () => {
    const d = updateElement(withVlans(), 'ms01-vlan10', { vlan: 100 });
    expect(vlansOf(d)).toEqual([
      ['enp88s0.100', 100],
      ['storage', 20],
    ]);
    const text = renderInterfaces(d, 'ms01');
    expect(text).toMatch(/^iface enp88s0\.100 /m);
    expect(text).not.toMatch(/enp88s0\.10\b/);
  });

  it('renaming or changing the parent renames the VLAN interfaces named after it', () => {
    expect(vlansOf(updateElement(withVlans(), 'ms01-enp88s0', { name: 'eno1' }))).toEqual([
      ['eno1.10', 10],
      ['storage', 20],
    ]);
    expect(vlansOf(updateElement(withVlans(), 'ms01-vlan10', { parent: 'ms01-bond0' }))).toEqual([
      ['bond0.10', 10],
      ['storage', 20],
    ]);
  });

  it('a name given by hand stays, also when given in the same edit', () => {
    expect(vlansOf(updateElement(withVlans(), 'ms01-storage', { vlan: 30 }))).toEqual([
      ['enp88s0.10', 10],
      ['storage', 30],
    ]);
    expect(vlansOf(updateElement(withVlans(), 'ms01-vlan10', { vlan: 30, name: 'mgmt' }))).toEqual([
      ['mgmt', 30],
      ['storage', 20],
    ]);
  });

  it('a name that would be too long or taken stays as it was', () => {
    expect(vlansOf(updateElement(withVlans(), 'ms01-enp88s0', { name: 'enp3s0f0np0xyz' }))).toEqual([
      ['enp88s0.10', 10],
      ['storage', 20],
    ]);
    const taken = updateElement(withVlans(), 'ms01-storage', { name: 'enp88s0.30' });
    expect(vlansOf(updateElement(taken, 'ms01-vlan10', { vlan: 30 }))).toEqual([
      ['enp88s0.10', 30],
      ['enp88s0.30', 20],
    ]);
  });
});

describe('pasting VLAN interfaces', () => {
  it('a VLAN interface pasted with its parent takes the new parent’s name and keeps its VLAN id', () => {
    const d = withVlans();
    const { design } = pasteFragment(d, copyFragment(d, ['ms01-enp88s0', 'ms01-vlan10']), { x: 0, y: 0 });
    const host = design.hosts[0]!;
    const port = host.ports.at(-1)!;
    expect(port.name).not.toBe('enp88s0');
    expect(host.vlans.at(-1)).toMatchObject({ name: `${port.name}.10`, parent: port.id, vlan: 10 });
  });

  it('a VLAN interface pasted alone onto its own parent is named vlan<VID>, never enp88s0.0', () => {
    const d = withVlans();
    const { design } = pasteFragment(d, copyFragment(d, ['ms01-vlan10']), { x: 0, y: 0 });
    expect(design.hosts[0]!.vlans.at(-1)).toMatchObject({ name: 'vlan10', parent: 'ms01-enp88s0', vlan: 10 });
  });

  it('a whole host keeps its VLAN interfaces’ names', () => {
    const d = withVlans();
    const { design } = pasteFragment(d, copyFragment(d, ['ms01']), { x: 0, y: 0 });
    expect(vlansOf({ ...design, hosts: [design.hosts[1]!] })).toEqual([
      ['enp88s0.10', 10],
      ['storage', 20],
    ]);
  });
});
