import { describe, expect, it } from 'vitest';
import { derivePortChannel } from '../../../shared/derive/port-channel.js';
import { restoreDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { exampleDesign } from '../../helpers/design.js';

function designWith(mutate: (d: any) => void): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  mutate(raw);
  const result = restoreDesign(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

function derived(design: Design, bondId: string) {
  const result = derivePortChannel(design, bondId);
  if ('error' in result) throw new Error(result.error);
  // The result is a loadable design that the LAG and VLAN rules accept.
  const reloaded = restoreDesign(JSON.parse(serializeDesign(result.design)));
  expect(reloaded.ok).toBe(true);
  const errors = validateDesign(result.design).filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return result;
}

const po = (d: Design, sw: string, n: number) =>
  d.switches.find((s) => s.id === sw)!.portChannels.find((p) => p.number === n);

describe('derivePortChannel', () => {
  it('changes nothing when the port-channel already matches the bond', () => {
    const design = exampleDesign();
    const result = derived(design, 'ms01-bond1');
    expect(result.changes).toEqual([]);
    expect(result.design).toEqual(design);
  });

  it('creates a missing LACP port-channel on the cabled ports, with the VLAN the host expects untagged', () => {
    const design = designWith(
      (d) => (d.switches[0].portChannels = d.switches[0].portChannels.filter((p: any) => p.number !== 8)),
    );
    const result = derived(design, 'ms01-bond0');
    expect(po(result.design, 'n4032', 1)).toEqual({
      id: 'n4032-po1',
      number: 1,
      members: ['n4032-te1-0-17', 'n4032-te2-0-17'],
      lacp: 'active',
      switchport: { mode: 'access', vlan: 240 },
    });
    expect(result.changes).toEqual([
      'n4032: created port-channel 1 (mode active, access VLAN 240) on Tengigabitethernet1/0/17, Tengigabitethernet2/0/17',
    ]);
    // The source design is not touched.
    expect(design.switches[0]!.portChannels).toHaveLength(1);
  });

  it('fixes a static port-channel with the wrong native VLAN and too few allowed VLANs', () => {
    const design = designWith((d) => {
      d.switches[0].portChannels[1].lacp = 'on';
      d.switches[0].portChannels[1].switchport = { mode: 'trunk', allowed: '100' };
    });
    const result = derived(design, 'ms01-bond1');
    expect(po(result.design, 'n4032', 9)).toMatchObject({
      lacp: 'active',
      switchport: { mode: 'trunk', allowed: '1-255', native: 240 },
    });
    expect(result.changes).toEqual([
      'n4032: port-channel 9: LACP mode on -> active',
      'n4032: port-channel 9: allowed VLANs: 100 -> 1-255',
      'n4032: port-channel 9: native VLAN: 1 -> 240',
    ]);
  });

  it('allows every VLAN when a VLAN-aware bridge has no VID list', () => {
    const design = designWith((d) => {
      delete d.hosts[0].bridges[1].vids;
      d.switches[0].portChannels.pop();
    });
    expect(po(derived(design, 'ms01-bond1').design, 'n4032', 1)?.switchport).toEqual({
      mode: 'trunk',
      allowed: 'all',
      native: 240,
    });
  });

  it('uses a static LAG for balance-xor and raises the MTU for a jumbo bond', () => {
    const design = designWith((d) => {
      d.hosts[0].bonds[1].mode = 'balance-xor';
      d.hosts[0].bonds[1].mtu = 9000;
    });
    const result = derived(design, 'ms01-bond1');
    expect(po(result.design, 'n4032', 9)).toMatchObject({ lacp: 'on', mtu: 9018 });
  });

  it('moves the bond’s ports out of a port-channel that leads elsewhere', () => {
    const design = designWith((d) => {
      d.switches[0].portChannels[0].members = ['n4032-te2-0-17'];
      d.switches[0].portChannels[1].members.push('n4032-te1-0-17');
    });
    const result = derived(design, 'ms01-bond0');
    expect(po(result.design, 'n4032', 8)?.members).toEqual(['n4032-te1-0-17', 'n4032-te2-0-17']);
    expect(po(result.design, 'n4032', 9)?.members).toEqual(['n4032-te1-0-18', 'n4032-te2-0-18']);
    expect(result.changes).toEqual([
      'n4032: removed Tengigabitethernet1/0/17 from port-channel 9',
      'n4032: port-channel 8: added Tengigabitethernet1/0/17',
    ]);
  });

  it('gathers the bond’s ports into one port-channel and deletes the one left empty', () => {
    const design = designWith((d) => {
      d.switches[0].portChannels[0].members = ['n4032-te1-0-17'];
      d.switches[0].portChannels.push({ id: 'n4032-po20', number: 20, members: ['n4032-te2-0-17'], lacp: 'active' });
    });
    const result = derived(design, 'ms01-bond0');
    expect(result.design.switches[0]!.portChannels.map((p) => [p.number, p.members])).toEqual([
      [8, ['n4032-te1-0-17', 'n4032-te2-0-17']],
      [9, ['n4032-te1-0-18', 'n4032-te2-0-18']],
    ]);
    expect(result.changes).toEqual([
      'n4032: removed Tengigabitethernet2/0/17 from port-channel 20',
      'n4032: deleted port-channel 20, which has no members left',
      'n4032: port-channel 8: added Tengigabitethernet2/0/17',
    ]);
  });

  it('creates the same port-channel number on both switches of an MLAG pair', () => {
    const design = designWith((d) => {
      d.switches[0].portChannels.shift();
      d.switches.push({
        id: 'sw2',
        name: 'sw2',
        vendor: 'cisco-ios',
        mlagPeer: 'n4032',
        ports: [{ id: 'sw2-gi1', name: 'GigabitEthernet1/0/1' }],
      });
      d.cables.find((c: any) => c.id === 'cable-enp91s0').switchPort = 'sw2-gi1';
    });
    const result = derived(design, 'ms01-bond0');
    expect(po(result.design, 'n4032', 1)?.members).toEqual(['n4032-te1-0-17']);
    expect(po(result.design, 'sw2', 1)?.members).toEqual(['sw2-gi1']);
  });

  it.each([
    [
      'an active-backup bond',
      'ms01-bond0',
      (d: any) => (d.hosts[0].bonds[0].mode = 'active-backup'),
      /bond0 is active-backup, which needs no port-channel/,
    ],
    [
      'an uncabled bond',
      'ms01-bond0',
      (d: any) => (d.cables = d.cables.slice(2)),
      /no member of bond0 on ms01 is cabled/,
    ],
    [
      'members on unpaired switches',
      'ms01-bond0',
      (d: any) => {
        d.switches.push({
          id: 'sw2',
          name: 'sw2',
          vendor: 'dell-os6',
          ports: [{ id: 'sw2-te', name: 'Tengigabitethernet1/0/1' }],
        });
        d.cables.find((c: any) => c.id === 'cable-enp91s0').switchPort = 'sw2-te';
      },
      /reach n4032 and sw2, which are neither one stack nor an MLAG pair/,
    ],
    [
      'a host that disagrees with itself on the untagged VLAN',
      'ms01-bond1',
      (d: any) => {
        d.hosts[0].bridges[1].inet = { method: 'static', addresses: ['10.2.245.30/24'] };
        d.hosts[0].bridges[1].vlanAware = false;
        d.hosts[0].bonds[1].inet = { method: 'static', addresses: ['10.2.200.31/24'] };
      },
      /untagged frames for VLAN 240 .* and VLAN 245/,
    ],
  ])('refuses %s with a clear reason', (_name, bondId, mutate, reason) => {
    const result = derivePortChannel(designWith(mutate), bondId);
    expect(result).toEqual({ error: expect.stringMatching(reason) });
  });

  it('refuses to take over a port-channel number the MLAG peer uses for another host', () => {
    const design = designWith((d) => {
      d.switches.push({
        id: 'sw2',
        name: 'sw2',
        vendor: 'dell-os6',
        mlagPeer: 'n4032',
        ports: [
          { id: 'sw2-te1', name: 'Tengigabitethernet1/0/1' },
          { id: 'sw2-te2', name: 'Tengigabitethernet1/0/2' },
        ],
        portChannels: [{ id: 'sw2-po8', number: 8, members: ['sw2-te2'], lacp: 'active' }],
      });
      d.hosts.push({ id: 'nas', name: 'nas', ports: [{ id: 'nas-eno1', name: 'eno1' }] });
      d.cables.push({ id: 'c-nas', hostPort: 'nas-eno1', switchPort: 'sw2-te2' });
      d.cables.find((c: any) => c.id === 'cable-enp91s0').switchPort = 'sw2-te1';
    });
    expect(derivePortChannel(design, 'ms01-bond0')).toEqual({
      error: 'port-channel 8 on sw2 already leads to another host; free it or renumber one of them',
    });
  });

  it('refuses an unknown bond id', () => {
    expect(derivePortChannel(exampleDesign(), 'nope')).toEqual({ error: 'there is no bond with id "nope"' });
  });
});
