import { describe, expect, it } from 'vitest';
import { planConnection } from '../../../shared/edit/connect.js';
import { addHost, addHostElement } from '../../../shared/edit/create.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import type { Design } from '../../../shared/model/index.js';
import { exampleDesign } from '../../helpers/design.js';

const plan = (design: Design, a: string, b: string, handles: { a?: string; b?: string } = {}) =>
  planConnection(design, { node: a, handle: handles.a ?? null }, { node: b, handle: handles.b ?? null });

function applied(design: Design, a: string, b: string, handles: { a?: string; b?: string } = {}): Design {
  const p = plan(design, a, b, handles);
  if (!p.ok) throw new Error(p.reason);
  const next = p.apply(design);
  const checked = checkedEdit(next);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return next;
}

/** The example with a free port and an empty bond on ms01. */
function withFreeParts(): Design {
  let d = exampleDesign();
  d = addHostElement(d, 'ms01', 'port').design;
  d = addHostElement(d, 'ms01', 'bond').design;
  return d;
}

describe('planConnection', () => {
  it('refuses a VM straight onto a port, naming the bridge it needs', () => {
    const p = plan(exampleDesign(), 'vm-100', 'ms01-enp88s0');
    expect(p).toEqual({ ok: false, reason: 'a VM connects to a bridge, not straight onto a port' });
  });

  it('refuses a port into a second bond, in either direction', () => {
    const d = withFreeParts();
    const bond = d.hosts[0]!.bonds.at(-1)!.id;
    for (const [a, b] of [
      ['ms01-enp88s0', bond],
      [bond, 'ms01-enp88s0'],
    ] as const) {
      const p = plan(d, a, b);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.reason).toContain('already a member of bond0');
    }
  });

  it('refuses memberships across hosts', () => {
    let d = addHost(exampleDesign()).design;
    d = addHostElement(d, d.hosts[1]!.id, 'bond').design;
    const p = plan(d, 'ms01-enp88s0', d.hosts[1]!.bonds[0]!.id);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(/on host ms01 and .* on host1/);
  });

  it('adds a free port to a bond and the result still loads', () => {
    const d = withFreeParts();
    const port = d.hosts[0]!.ports.at(-1)!.id;
    const bond = d.hosts[0]!.bonds.at(-1)!.id;
    const next = applied(d, bond, port);
    expect(next.hosts[0]!.bonds.at(-1)!.members).toEqual([port]);
  });

  it('refuses a bonded port as a bridge port, and a second bridge for a bond', () => {
    const d = exampleDesign();
    const a = plan(d, 'ms01-enp88s0', 'ms01-vmbr1');
    expect(a.ok || a.reason).toBe('enp88s0 is a member of bond0; put bond0 on the bridge instead');
    const b = plan(d, 'ms01-bond0', 'ms01-vmbr1');
    expect(b.ok || b.reason).toBe('bond0 is already a port of vmbr0; an interface joins one bridge');
  });

  it('cables a host port to a switch port once, and refuses a second cable on either end', () => {
    let d = withFreeParts();
    const port = d.hosts[0]!.ports.at(-1)!.id;
    const taken = plan(d, port, 'n4032-te1-0-17');
    expect(taken.ok || taken.reason).toBe('Tengigabitethernet1/0/17 is already cabled; a port takes one cable');
    d = { ...d, cables: d.cables.filter((c) => c.switchPort !== 'n4032-te1-0-17') };
    const next = applied(d, 'n4032-te1-0-17', port);
    expect(next.cables.at(-1)).toMatchObject({ hostPort: port, switchPort: 'n4032-te1-0-17' });
  });

  it('refuses a bond cabled to a switch port', () => {
    const p = plan(exampleDesign(), 'ms01-bond0', 'n4032-te1-0-17');
    expect(p.ok || p.reason).toBe('only a host port can be cabled to a switch port, not a bond');
  });

  it('adds a NIC when a VM is connected to a bridge, and moves a NIC dragged by its own handle', () => {
    const d = exampleDesign();
    const added = applied(d, 'vm-100', 'ms01-vmbr0', { a: 'new-nic' });
    expect(added.hosts[0]!.vms[0]!.nics.map((n) => [n.slot, n.bridge])).toEqual([
      [0, 'ms01-vmbr1'],
      [1, 'ms01-vmbr0'],
    ]);
    const moved = applied(d, 'ms01-vmbr0', 'vm-100', { b: 'vm-100-net0' });
    expect(moved.hosts[0]!.vms[0]!.nics).toHaveLength(1);
    expect(moved.hosts[0]!.vms[0]!.nics[0]!.bridge).toBe('ms01-vmbr0');
  });

  it('puts a switch port into a port-channel of the same switch only once', () => {
    const d = exampleDesign();
    const p = plan(d, 'n4032-te1-0-17', 'n4032-po9');
    expect(p.ok || p.reason).toBe('Tengigabitethernet1/0/17 is already a member of port-channel 8');
  });

  it('refuses connecting an element to itself or to a whole device', () => {
    expect(plan(exampleDesign(), 'ms01-bond0', 'ms01-bond0').ok).toBe(false);
    expect(plan(exampleDesign(), 'ms01', 'ms01-bond0').ok).toBe(false);
  });

  it('joins OVS elements through the memberships their kinds declare, and puts a VM NIC on an OVS bridge', () => {
    let d = exampleDesign();
    d = addHostElement(d, 'ms01', 'port').design;
    d = addHostElement(d, 'ms01', 'ovs-bond').design;
    d = addHostElement(d, 'ms01', 'ovs-bridge').design;
    d = addHostElement(d, 'ms01', 'ovs-int-port').design;
    const host = () => d.hosts[0]!;
    const [port, bond, bridge, intPort] = [
      host().ports.at(-1)!.id,
      host().ovsBonds[0]!.id,
      host().ovsBridges[0]!.id,
      host().ovsIntPorts[0]!.id,
    ];
    d = applied(d, port, bond);
    d = applied(d, bridge, bond);
    d = applied(d, intPort, bridge);
    d = applied(d, 'vm-100', bridge);
    expect(host().ovsBonds[0]!.members).toEqual([port]);
    expect(host().ovsBridges[0]!.ports).toEqual([bond, intPort]);
    expect(host().vms[0]!.nics.at(-1)!.bridge).toBe(bridge);
    expect(plan(d, intPort, bridge)).toEqual({
      ok: false,
      reason: `${host().ovsIntPorts[0]!.name} is already in ${host().ovsBridges[0]!.name}`,
    });
    expect(plan(d, intPort, bond)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot be connected') });
  });
});
