import { describe, expect, it } from 'vitest';
import {
  addHost,
  addHostElement,
  addNetwork,
  addSwitch,
  addSwitchElement,
  EditRefused,
  HOST_ELEMENT_KINDS,
} from '../../../shared/edit/create.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { Design, FORMAT } from '../../../shared/model/index.js';

const empty = () => Design.parse({ format: FORMAT, name: 'lab' });

describe('adding elements', () => {
  it('every kind added twice gets fresh ids and free names, and the design loads', () => {
    let d = empty();
    const host = addHost(d, { x: 10, y: 20 });
    // A libvirt host takes every host kind, virtual networks and bridged-traffic rules included.
    d = { ...host.design, hosts: host.design.hosts.map((h) => ({ ...h, platform: 'libvirt' as const })) };
    const sw = addSwitch(d);
    d = sw.design;
    for (const kind of HOST_ELEMENT_KINDS) for (let i = 0; i < 2; i++) d = addHostElement(d, host.id, kind).design;
    for (const kind of ['switch-port', 'port-channel'] as const)
      for (let i = 0; i < 2; i++) d = addSwitchElement(d, sw.id, kind).design;
    d = addNetwork(addNetwork(d).design).design;
    const checked = checkedEdit(d);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    const h = d.hosts[0]!;
    expect(h.ports.map((p) => p.name)).toEqual(['eth0', 'eth1']);
    expect(h.bonds.map((p) => p.name)).toEqual(['bond0', 'bond1']);
    expect(h.bridges.map((p) => p.name)).toEqual(['vmbr0', 'vmbr1']);
    expect(h.vlans.map((v) => [v.name, v.vlan])).toEqual([
      ['vmbr0.10', 10],
      ['vmbr0.11', 11],
    ]);
    expect(h.vms.map((v) => v.vmid)).toEqual([100, 101]);
    expect(h.virtualNetworks.map((n) => [n.name, n.bridgeName, n.subnet])).toEqual([
      ['net1', 'virbr1', '192.168.101.1/24'],
      ['net2', 'virbr2', '192.168.102.1/24'],
    ]);
    expect(h.bridgeRules.map((r) => r.action)).toEqual(['ACCEPT', 'ACCEPT']);
    expect(d.switches[0]!.ports.map((p) => p.name)).toEqual(['Tengigabitethernet1/0/1', 'Tengigabitethernet1/0/2']);
    expect(d.switches[0]!.portChannels.map((p) => p.number)).toEqual([1, 2]);
    expect(d.networks.map((n) => n.vlan)).toEqual([10, 11]);
    expect(d.layout).toEqual({ [host.id]: { x: 10, y: 20 } });
  });

  it('a VLAN interface needs something to sit on', () => {
    const { design, id } = addHost(empty());
    expect(() => addHostElement(design, id, 'vlan')).toThrow(EditRefused);
  });
});
