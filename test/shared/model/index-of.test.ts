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

  it('resolves references both ways: what a field names, and who names an element, once each', () => {
    const host = design.hosts[0]!;
    const bond = host.bonds[0]!;
    // The bond names its first member twice (in members and as primary), and names a port that does not exist.
    const linked = indexDesign({
      ...design,
      hosts: [{ ...host, bonds: [{ ...bond, members: [...bond.members, 'ghost'], primary: bond.members[0] }] }],
    });
    const indexed = linked.get(bond.id, 'bond')!;
    expect(linked.targets(indexed, 'members', 'port').map((p) => p.element.id)).toEqual(bond.members);
    expect(linked.resolved(indexed, 'members')).toHaveLength(bond.members.length + 1);
    expect((linked.resolved(indexed, 'members') as readonly unknown[]).at(-1)).toBeUndefined();
    expect(linked.target(indexed, 'primary', 'port')?.element.id).toBe(bond.members[0]);
    // A list field is not one element, and an element of another kind is not the one asked for.
    expect(linked.target(indexed, 'members', 'port')).toBeUndefined();
    expect(linked.target(indexed, 'primary', 'bond')).toBeUndefined();
    const first = linked.get(bond.members[0]!, 'port')!;
    expect(linked.referrersOf(first).filter((r) => r === indexed)).toHaveLength(1);
  });

  it('lists what an element holds directly, in document order', () => {
    const sw = design.switches[0]!;
    const held = index.childrenOf(index.get(sw.id, 'switch')!).map((l) => l.element.id);
    expect(held).toEqual([...sw.ports.map((p) => p.id), ...sw.portChannels.map((p) => p.id)]);
    const host = design.hosts[0]!;
    const ofHost = index.childrenOf(index.get(host.id, 'host')!).map((l) => l.element.id);
    // The host's VMs, not their NICs: those the VM holds.
    expect(ofHost).toContain(host.vms[0]!.id);
    expect(ofHost).not.toContain(host.vms[0]!.nics[0]!.id);
    expect(index.childrenOf(index.get(host.vms[0]!.id, 'vm')!).map((l) => l.element.id)).toEqual(
      host.vms[0]!.nics.map((n) => n.id),
    );
  });
});
