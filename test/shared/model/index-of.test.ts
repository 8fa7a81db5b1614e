import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../../shared/model/index-of.js';
import { exampleDesign } from '../../helpers/design.js';

describe('design index', () => {
  const design = exampleDesign();
  const index = indexDesign(design);

  it('works out the JSON path of a nested element, and of one the design holds', () => {
    // A second NIC on a VM added after the last host's VMs: every index on its path counts.
    const h = design.hosts.length - 1;
    const last = design.hosts[h]!;
    const nic = design.hosts[0]!.vms[0]!.nics[0]!;
    const vm = { ...design.hosts[0]!.vms[0]!, id: 'vm-extra', nics: [nic, { ...nic, id: 'nic-extra', slot: 1 }] };
    const grown = { ...design, hosts: [...design.hosts.slice(0, h), { ...last, vms: [...last.vms, vm] }] };
    expect(indexDesign(grown).byId.get('nic-extra')!.path).toEqual(['hosts', h, 'vms', last.vms.length, 'nics', 1]);
    expect(index.byId.get(design.cables[2]!.id)!.path).toEqual(['cables', 2]);
  });

  it('lists the elements of one kind in document order, and none of a kind the design lacks', () => {
    expect(index.ofKind('port').map((p) => p.element.id)).toEqual(
      design.hosts.flatMap((host) => host.ports.map((port) => port.id)),
    );
    expect(index.ofKind('port').every((p) => p.host === design.hosts.find((h) => h.ports.includes(p.element)))).toBe(
      true,
    );
    expect(index.ofKind('ovs-int-port')).toEqual([]);
  });

  it('keeps the first of two elements with one id', () => {
    const host = design.hosts[0]!;
    const twice = {
      ...design,
      hosts: [{ ...host, ports: [...host.ports, { ...host.ports[1]!, id: host.ports[0]!.id }] }],
    };
    const repeated = indexDesign(twice);
    expect(repeated.all.length - repeated.byId.size).toBe(1);
    expect(repeated.byId.get(host.ports[0]!.id)!.path).toEqual(['hosts', 0, 'ports', 0]);
  });
});
