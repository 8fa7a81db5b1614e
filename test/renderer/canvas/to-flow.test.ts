import { describe, expect, it } from 'vitest';
import { updateElement } from '../../../shared/edit/update.js';
import { indexDesign } from '../../../shared/model/index.js';
import type { Diagnostic } from '../../../shared/validate/diagnostic.js';
import { badgesOf, designToFlow, nodeIdsOf, reuseUnchanged } from '../../../renderer/src/canvas/to-flow.js';
import { exampleDesign } from '../../helpers/design.js';

const inputs = (design = exampleDesign()) => ({ design, badges: new Map(), live: {}, selection: new Set<string>() });

describe('designToFlow', () => {
  it('marks elements with extra lines and hosts with unmanaged blocks, counting the lines that run as root', () => {
    const design = updateElement(
      updateElement(exampleDesign(), 'ms01-vmbr0', {
        extraLines: ['# lab route', 'post-up ip route add 192.0.2.0/24 via 10.2.200.254'],
      }),
      'ms01',
      { unmanaged: [['auto vxlan10', 'iface vxlan10 inet manual']] },
    );
    const { nodes } = designToFlow(inputs(design));
    const data = (id: string) => nodes.find((n) => n.id === id)!.data;
    expect(data('ms01-vmbr0').verbatim).toEqual({ lines: 2, rootCommands: 1 });
    expect(data('ms01').verbatim).toEqual({ lines: 2, rootCommands: 0 });
    expect(data('ms01-vmbr1').verbatim).toBeUndefined();
  });

  it('has one node per element, id = element id, each element inside its device frame after it', () => {
    const design = exampleDesign();
    const { nodes } = designToFlow(inputs(design));
    expect(nodes.map((n) => n.id).sort()).toEqual(nodeIdsOf(design).sort());
    const order = new Map(nodes.map((n, i) => [n.id, i]));
    const index = indexDesign(design);
    for (const n of nodes) {
      const e = index.byId.get(n.id)!;
      expect(n.type).toBe(e.kind);
      const owner = 'host' in e ? e.host.id : 'switch' in e ? e.switch.id : undefined;
      expect(n.parentId).toBe(owner);
      if (owner) expect(order.get(owner)!).toBeLessThan(order.get(n.id)!);
    }
  });

  it('draws cables with their ids, coloured by the networks the trunk carries, and memberships with derived ids', () => {
    const { edges } = designToFlow(inputs());
    const cable = edges.find((e) => e.id === 'cable-enp88s0')!;
    expect(cable).toMatchObject({ type: 'cable', source: 'n4032-te1-0-17', target: 'ms01-enp88s0' });
    expect(cable.data).toMatchObject({ colours: ['#2563eb', '#16a34a'], vlans: '240, 245' });
    expect(edges.find((e) => e.id === 'vm-100-net0')).toMatchObject({
      type: 'nic',
      source: 'ms01-vmbr1',
      target: 'vm-100',
      targetHandle: 'vm-100-net0',
      data: { tag: 245, colour: '#16a34a' },
    });
    expect(edges.map((e) => e.id)).toContain('member:ms01-bond0:ms01-enp88s0');
    expect(edges.map((e) => e.id)).toContain('bridge:ms01-vmbr1:ms01-bond1');
    expect(edges.find((e) => e.id === 'channel:n4032-po8:n4032-te1-0-17')).toMatchObject({
      source: 'n4032-po8',
      target: 'n4032-te1-0-17',
    });
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it('draws Open vSwitch elements from their registry entries: nodes with their detail, memberships as edges', () => {
    const raw = JSON.parse(JSON.stringify(exampleDesign()));
    const host = raw.hosts[0];
    host.ports.push(
      { id: 'ms01-eno1', name: 'eno1', autostart: 'auto' },
      { id: 'ms01-eno2', name: 'eno2', autostart: 'auto' },
    );
    host.ovsBonds = [
      {
        id: 'ms01-obond',
        name: 'bond9',
        members: ['ms01-eno1', 'ms01-eno2'],
        bondMode: 'balance-tcp',
        lacp: 'active',
        lacpTime: 'fast',
        autostart: 'auto',
      },
    ];
    host.ovsBridges = [{ id: 'ms01-ovsbr', name: 'vmbr9', ports: ['ms01-obond', 'ms01-vlan50'], autostart: 'auto' }];
    host.ovsIntPorts = [{ id: 'ms01-vlan50', name: 'vlan50', tag: 50, autostart: 'auto' }];
    const { nodes, edges } = designToFlow(inputs(raw));
    const node = (id: string) => nodes.find((n) => n.id === id)!;
    expect([node('ms01-ovsbr').type, node('ms01-obond').type, node('ms01-vlan50').type]).toEqual([
      'ovs-bridge',
      'ovs-bond',
      'ovs-int-port',
    ]);
    expect(node('ms01-obond').data).toMatchObject({ title: 'bond9', detail: 'balance-tcp · LACP active fast' });
    expect(node('ms01-vlan50').data).toMatchObject({ title: 'vlan50', detail: 'tag 50' });
    expect(node('ms01-ovsbr').parentId).toBe('ms01');
    expect(edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'ovs-member:ms01-obond:ms01-eno1',
        'ovs-member:ms01-obond:ms01-eno2',
        'ovs-port:ms01-ovsbr:ms01-obond',
        'ovs-port:ms01-ovsbr:ms01-vlan50',
      ]),
    );
  });

  it('an access port carries only its VLAN; a cable without switch settings takes the host side', () => {
    const trunkless = updateElement(exampleDesign(), 'n4032-po8', { switchport: { mode: 'access', vlan: 245 } });
    const { edges } = designToFlow(inputs(trunkless));
    expect(edges.find((e) => e.id === 'cable-enp88s0')!.data).toMatchObject({ colours: ['#16a34a'] });
    const bare = updateElement(exampleDesign(), 'n4032-po9', { switchport: undefined });
    const host = designToFlow(inputs(bare)).edges.find((e) => e.id === 'cable-enp3s0f0np0')!;
    expect(host.data).toMatchObject({ vlans: '240, 245' });
  });

  it('declares each node size and the handles every edge ends on, so off-screen nodes need not be drawn to be measured', () => {
    const { nodes, edges } = designToFlow(inputs());
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) expect(n.measured).toEqual({ width: n.width, height: n.height });
    const declared = (node: string, handle: string | null | undefined) =>
      byId.get(node)!.handles!.find((h) => h.id === handle);
    for (const e of edges) {
      expect(declared(e.source, e.sourceHandle), `${e.id} source`).toMatchObject({ type: 'source', position: 'top' });
      expect(declared(e.target, e.targetHandle), `${e.id} target`).toMatchObject({
        type: 'target',
        position: 'bottom',
      });
    }
    const vm = byId.get('vm-100')!;
    const nics = vm.handles!.filter((h) => h.id !== 'new-nic');
    expect(nics.length).toBeGreaterThan(0);
    for (const h of vm.handles!) expect(h.y + h.height! / 2).toBe(vm.height);
  });

  it('takes positions from the layout and sizes frames around their elements', () => {
    const design = { ...exampleDesign(), layout: { ms01: { x: 100, y: 50 }, 'ms01-enp88s0': { x: 600, y: 400 } } };
    const { nodes } = designToFlow(inputs(design));
    const host = nodes.find((n) => n.id === 'ms01')!;
    expect(host.position).toEqual({ x: 100, y: 50 });
    expect(nodes.find((n) => n.id === 'ms01-enp88s0')!.position).toEqual({ x: 600, y: 400 });
    expect(host.width).toBeGreaterThanOrEqual(600 + 150);
    expect(host.height).toBeGreaterThanOrEqual(400 + 48);
  });

  it('puts problem counts, worst severity and live health on the nodes they name', () => {
    const diagnostics: Diagnostic[] = [
      {
        rule: 'bond/single-member',
        severity: 'warning',
        elements: ['ms01-bond0'],
        path: 'hosts[0].bonds[0]',
        message: 'm',
      },
      {
        rule: 'bond/lacp-peer-mismatch',
        severity: 'error',
        elements: ['ms01-bond0', 'n4032-po8'],
        path: 'hosts[0].bonds[0]',
        message: 'm',
      },
    ];
    const { nodes } = designToFlow({
      ...inputs(),
      badges: badgesOf(diagnostics),
      live: {
        'ms01-enp91s0': { health: 'down', reasons: [], readAt: 'now' },
        'ms01-bond1': {
          health: 'degraded',
          reasons: ['enp3s0f0np0 is down', 'enp3s0f1np1\x1b[1A\x1b[2K has no LACP partner'],
          readAt: 'now',
        },
      },
    });
    expect(nodes.find((n) => n.id === 'ms01-bond0')!.data).toMatchObject({ problems: 2, worst: 'error' });
    expect(nodes.find((n) => n.id === 'n4032-po8')!.data).toMatchObject({ problems: 1, worst: 'error' });
    expect(nodes.find((n) => n.id === 'ms01-enp91s0')!.data).toMatchObject({ health: 'down' });
    expect(nodes.find((n) => n.id === 'ms01-enp91s0')!.data).not.toHaveProperty('healthReason');
    // The reasons for a health go along, for the node's tooltip, with what a host wrote that would act instead of show shown as text.
    expect(nodes.find((n) => n.id === 'ms01-bond1')!.data).toMatchObject({
      health: 'degraded',
      healthReason: 'enp3s0f0np0 is down; enp3s0f1np1^[[1A^[[2K has no LACP partner',
    });
  });
});

describe('reuseUnchanged', () => {
  it('keeps node objects whose element did not change, and replaces the one that did', () => {
    const design = exampleDesign();
    const first = designToFlow(inputs(design)).nodes;
    const edited = updateElement(design, 'ms01-bond0', { miimon: 200 });
    const second = reuseUnchanged(first, designToFlow(inputs(edited)).nodes);
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual(['ms01', 'ms01-bond0']);
  });
});
