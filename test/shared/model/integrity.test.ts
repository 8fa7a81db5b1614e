import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../shared/model/integrity.js';
import type { Design } from '../../../shared/model/schema.js';
import { exampleDesign } from '../../helpers/design.js';

/** The example design broken in every way integrity knows (and a second host and switch to break across). */
function brokenDesign(): Design {
  const d: any = structuredClone(exampleDesign());
  const h = d.hosts[0];
  // second host with clashes and cross-host refs
  const h2 = structuredClone(h);
  h2.id = 'ms02';
  h2.name = 'ms02';
  const re = (x: string) => x.replace(/^ms01-/, 'ms02-').replace(/^vm-100/, 'vm-200');
  for (const k of ['ports', 'bonds', 'bridges', 'vlans']) for (const e of h2[k]) e.id = re(e.id);
  for (const b of h2.bonds) b.members = b.members.map(re);
  for (const b of h2.bridges) b.ports = b.ports.map(re);
  for (const vm of h2.vms) {
    vm.id = re(vm.id);
    for (const n of vm.nics) {
      n.id = re(n.id);
      n.bridge = re(n.bridge);
    }
  }
  d.hosts.push(h2);
  h.bonds[0].members.push('ms02-enp88s0'); // port of another host
  h.bonds[1].members.push('nope'); // dangling
  h.bonds[0].primary = 'ms01-enp3s0f1np1'; // not a member
  h.bridges[0].ports.push('ms01-vmbr1'); // wrong kind
  h.bridges[1].ports.push('vm-100'); // wrong kind (vm)
  h.vlans.push({ id: 'ms01-v40', name: 'vmbr0.40', parent: 'ms02-vmbr0', vlan: 40, autostart: 'auto' });
  h.vlans.push({ id: 'ms01-v41', name: 'vmbr0.40', parent: 'ms01-v40', vlan: 41, autostart: 'auto' }); // name clash; parent is a vlan
  h.ports[1].name = h.ports[0].name; // name clash
  h.vms.push({
    id: 'vm-101',
    vmid: 100,
    name: 'twin',
    nics: [
      { id: 'vm-101-net0', slot: 0, bridge: 'ms02-vmbr0', model: 'virtio', firewall: false },
      { id: 'vm-101-net0b', slot: 0, bridge: 'ms01-bond0', model: 'virtio', firewall: false },
    ],
  });
  h2.ports[0].id = 'ms01-enp91s0'; // duplicate id
  const sw = d.switches[0];
  sw.ports[1].name = sw.ports[0].name;
  sw.portChannels[1].number = sw.portChannels[0].number;
  const sw2 = structuredClone(sw);
  sw2.id = 'n4032b';
  sw2.name = 'n4032b';
  sw2.ports = sw2.ports.map((p: any) => ({ ...p, id: p.id + 'b' }));
  sw2.portChannels = sw2.portChannels.map((p: any) => ({ ...p, id: p.id + 'b' }));
  sw2.portChannels[0].members = [sw.ports[3].id, 'ms01-enp88s0'];
  sw2.mlagPeer = 'n4032b';
  sw.mlagPeer = 'ms01';
  d.switches.push(sw2);
  d.cables.push({ id: 'cable-x', hostPort: 'n4032-te1-0-17', switchPort: 'ms01-enp88s0' });
  d.cables.push({ id: 'cable-y', hostPort: 'gone', switchPort: 'gone2' });
  return d;
}

describe('checkIntegrity', () => {
  it('accepts the example design', () => {
    expect(checkIntegrity(exampleDesign())).toEqual([]);
  });

  it('reports every broken id, name, number and reference with its path, as before the registry', () => {
    // Captured from the per-kind implementation this one replaced; only the
    // wording of a port-channel member on another switch changed (it now reads
    // like a host reference on another host).
    const expected = [
      ['hosts.1.ports.0.id', 'duplicate id "ms01-enp91s0" (also used by hosts[0].ports[1])'],
      ['hosts.0.ports.1.name', 'interface name "enp88s0" is used twice on host ms01 (also by "ms01-enp88s0")'],
      ['hosts.0.vlans.1.name', 'interface name "vmbr0.40" is used twice on host ms01 (also by "ms01-v40")'],
      ['hosts.0.bonds.0.members.2', 'refers to "ms02-enp88s0", which does not exist (expected a port)'],
      ['hosts.0.bonds.0.primary', 'primary "ms01-enp3s0f1np1" is not a member of bond bond0'],
      ['hosts.0.bonds.1.members.2', 'refers to "nope", which does not exist (expected a port)'],
      ['hosts.0.bridges.0.ports.1', 'refers to "ms01-vmbr1", which is a bridge, not a port or bond or vlan'],
      ['hosts.0.bridges.1.ports.1', 'refers to "vm-100", which is a vm, not a port or bond or vlan'],
      ['hosts.0.vlans.0.parent', 'refers to "ms02-vmbr0" on host ms02, not on ms01'],
      ['hosts.0.vlans.1.parent', 'refers to "ms01-v40", which is a vlan, not a port or bond or bridge'],
      ['hosts.0.vms.1.vmid', 'VM id 100 is used twice on host ms01'],
      ['hosts.0.vms.1.nics.0.bridge', 'refers to "ms02-vmbr0" on host ms02, not on ms01'],
      ['hosts.0.vms.1.nics.1.slot', 'net0 is used twice on VM twin'],
      [
        'hosts.0.vms.1.nics.1.bridge',
        'refers to "ms01-bond0", which is a bond, not a bridge or ovs-bridge or virtual-network or port-group',
      ],
      ['hosts.1.bonds.0.members.0', 'refers to "ms02-enp88s0", which does not exist (expected a port)'],
      ['switches.0.ports.1.name', 'port Tengigabitethernet1/0/17 is listed twice on switch n4032'],
      ['switches.0.portChannels.1.number', 'port-channel 8 is defined twice on switch n4032'],
      ['switches.0.mlagPeer', 'refers to "ms01", which is a host, not a switch'],
      ['switches.1.ports.1.name', 'port Tengigabitethernet1/0/17 is listed twice on switch n4032b'],
      ['switches.1.portChannels.0.members.0', 'refers to "n4032-te2-0-18" on switch n4032, not on n4032b'], // was "refers to port ... of switch n4032, not of n4032b"
      ['switches.1.portChannels.0.members.1', 'refers to "ms01-enp88s0", which is a port, not a switch-port'],
      ['switches.1.portChannels.1.number', 'port-channel 8 is defined twice on switch n4032b'],
      ['switches.1.portChannels.1.members.0', 'refers to "n4032-te1-0-18" on switch n4032, not on n4032b'], // was "refers to port ... of switch n4032, not of n4032b"
      ['switches.1.portChannels.1.members.1', 'refers to "n4032-te2-0-18" on switch n4032, not on n4032b'], // was "refers to port ... of switch n4032, not of n4032b"
      ['switches.1.mlagPeer', 'switch n4032b cannot be its own MLAG peer'],
      ['cables.4.hostPort', 'refers to "n4032-te1-0-17", which is a switch-port, not a port'],
      ['cables.4.switchPort', 'refers to "ms01-enp88s0", which is a port, not a switch-port'],
      ['cables.5.hostPort', 'refers to "gone", which does not exist (expected a port)'],
      ['cables.5.switchPort', 'refers to "gone2", which does not exist (expected a switch-port)'],
    ];
    const got = checkIntegrity(brokenDesign()).map((i) => [i.path.join('.'), i.message]);
    const order = (a: string[], b: string[]) => a.join('\u0000').localeCompare(b.join('\u0000'));
    expect(got.sort(order)).toEqual(expected.sort(order));
  });

  it('finds an interface name clash on the one host that has it among many', () => {
    const d: any = structuredClone(exampleDesign());
    const template = d.hosts[0];
    for (let h = 0; h < 300; h++) {
      const copy = structuredClone(template);
      const id = (x: string) => `h${h}-${x}`;
      copy.id = `h${h}`;
      copy.name = `h${h}`;
      for (const k of ['ports', 'bonds', 'bridges', 'vlans']) for (const e of copy[k]) e.id = id(e.id);
      for (const b of copy.bonds) {
        b.members = b.members.map(id);
        if (b.primary) b.primary = id(b.primary);
      }
      for (const b of copy.bridges) b.ports = b.ports.map(id);
      copy.vms = [];
      d.hosts.push(copy);
    }
    d.hosts[150].ports[1].name = d.hosts[150].ports[0].name;
    expect(checkIntegrity(d)).toEqual([
      {
        path: ['hosts', 150, 'ports', 1, 'name'],
        message: `interface name "${d.hosts[150].ports[0].name}" is used twice on host h149 (also by "h149-ms01-enp88s0")`,
      },
    ]);
  });
});
