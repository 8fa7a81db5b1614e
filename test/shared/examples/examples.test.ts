import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleFile } from '../../../shared/examples/index.js';
import { parseDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { ROOT } from '../../helpers/cli.js';
import { readEsxcliScript } from '../targets/esxi/esxcli-reader.js';

const DIR = `${ROOT}shared/examples/`;

function load(id: (typeof EXAMPLES)[number]['id']): { text: string; design: Design } {
  const text = readFileSync(DIR + exampleFile(id), 'utf8');
  const result = parseDesign(text);
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result.problems)}`);
  return { text, design: result.design };
}

describe('bundled examples', () => {
  it('lists every example file in the folder once, each with a name and a one-line description', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.netloom.json'));
    expect(EXAMPLES.map((e) => exampleFile(e.id)).sort()).toEqual(files.sort());
    for (const e of EXAMPLES) {
      expect(e.name).not.toBe('');
      expect(e.description).toMatch(/^[^\n]{20,200}$/);
    }
  });

  it.each(EXAMPLES.map((e) => e.id))('%s loads, is saved in canonical form and checks clean', (id) => {
    const { text, design } = load(id);
    expect(serializeDesign(design)).toBe(text);
    expect(validateDesign(design)).toEqual([]);
  });

  it('nested-esxi: an ESXi host whose port group for the nested ESXi VM accepts promiscuous mode and forged transmits', () => {
    const { design } = load('nested-esxi');
    const host = design.hosts[0]!;
    expect(host.platform).toBe('esxi');
    expect(host.vms.map((vm) => [vm.name, vm.nestedHypervisor ?? false])).toEqual([
      ['nested-esx01', true],
      ['web01', false],
    ]);
    const script = renderDevice(design, host.id).find((f) => f.path === 'esxcli.sh')!;
    expect(readEsxcliScript(script.content)).toEqual([
      {
        name: 'vSwitch1',
        mtu: 9000,
        uplinks: { active: ['vmnic0'], standby: ['vmnic1'], unused: ['vmnic2'] },
        loadBalancing: 'portid',
        security: { allowPromiscuous: 'reject', allowForgedTransmits: 'reject', allowMacChange: 'reject' },
        portGroups: [
          { name: 'Lab', vlan: 20, security: {} },
          { name: 'Nested ESXi', vlan: 4095, security: { allowPromiscuous: 'accept', allowForgedTransmits: 'accept' } },
        ],
      },
    ]);
    // The nested ESXi VM's NICs are on that port group, the other VM's on the normal one.
    const groupOf = new Map(host.portGroups.map((g) => [g.id, g.name]));
    expect(host.vms.flatMap((vm) => vm.nics.map((n) => `${vm.name} net${n.slot}: ${groupOf.get(n.bridge)}`))).toEqual([
      'nested-esx01 net0: Nested ESXi',
      'nested-esx01 net1: Nested ESXi',
      'web01 net0: Lab',
    ]);
  });
});
