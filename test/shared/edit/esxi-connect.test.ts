/** Drawing on an ESXi host: a port onto a vSwitch is an active uplink, a VM onto a port group a NIC. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planConnection } from '../../../shared/edit/connect.js';
import { addHostElement } from '../../../shared/edit/create.js';
import { copyFragment, pasteFragment } from '../../../shared/edit/fragment.js';
import { removeElements } from '../../../shared/edit/remove.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { Design } from '../../../shared/model/index.js';
import { ROOT } from '../../helpers/cli.js';

function nestedEsxi(): Design {
  const result = parseDesign(readFileSync(`${ROOT}shared/examples/nested-esxi.netloom.json`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

function connect(design: Design, a: string, b: string): Design {
  const plan = planConnection(design, { node: a, handle: null }, { node: b, handle: null });
  if (!plan.ok) throw new Error(plan.reason);
  const checked = checkedEdit(plan.apply(design));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.design;
}

describe('ESXi kinds on the canvas', () => {
  it('adds a port drawn onto a vSwitch as its last active uplink', () => {
    let d = addHostElement(nestedEsxi(), 'esx01', 'port').design;
    const port = d.hosts[0]!.ports.at(-1)!.id;
    d = connect(d, port, 'esx01-vswitch1');
    expect(d.hosts[0]!.vswitches[0]!.activeUplinks).toEqual(['esx01-vmnic0', port]);
  });

  it('attaches a VM drawn onto a port group with a new NIC', () => {
    const d = connect(nestedEsxi(), 'vm-101', 'esx01-pg-nested');
    expect(d.hosts[0]!.vms[1]!.nics.map((n) => [n.slot, n.bridge])).toEqual([
      [0, 'esx01-pg-lab'],
      [1, 'esx01-pg-nested'],
    ]);
  });

  it('adds a port group on the first vSwitch from the palette, and refuses one on a host without', () => {
    const d = addHostElement(nestedEsxi(), 'esx01', 'port-group').design;
    expect(d.hosts[0]!.portGroups.at(-1)).toMatchObject({ name: 'PG1', vswitch: 'esx01-vswitch1', vlan: 0 });
    const bare = removeElements(nestedEsxi(), ['esx01-vswitch1']);
    expect(() => addHostElement(bare, 'esx01', 'port-group')).toThrow(
      'host esx01 has no vSwitch to hold a port group yet',
    );
  });

  it('removes a vSwitch with its port groups and the VM NICs on them, and a port from the uplinks', () => {
    const d = removeElements(nestedEsxi(), ['esx01-vswitch1']);
    expect(d.hosts[0]!.portGroups).toEqual([]);
    expect(d.hosts[0]!.vms.map((vm) => vm.nics.length)).toEqual([0, 0]);
    const e = removeElements(nestedEsxi(), ['esx01-vmnic1']);
    expect(e.hosts[0]!.vswitches[0]!.standbyUplinks).toEqual([]);
  });
});

describe('ESXi kinds pasted', () => {
  it('gives a port group and a vSwitch pasted on their own host free names, the vSwitch without the uplinks it left behind', () => {
    const d = nestedEsxi();
    const pasted = pasteFragment(d, copyFragment(d, ['esx01-vswitch1', 'esx01-pg-lab']), { x: 40, y: 40 });
    const checked = checkedEdit(pasted.design);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const host = checked.design.hosts[0]!;
    expect(host.vswitches.map((v) => v.name)).toEqual(['vSwitch1', 'vSwitch0']);
    expect(host.vswitches[1]!.activeUplinks).toEqual([]);
    expect(host.portGroups.map((g) => [g.name, host.vswitches.find((v) => v.id === g.vswitch)!.name])).toEqual([
      ['Lab', 'vSwitch1'],
      ['Nested ESXi', 'vSwitch1'],
      ['Lab0', 'vSwitch0'],
    ]);
  });
});
