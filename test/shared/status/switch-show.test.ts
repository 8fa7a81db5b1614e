import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEtherchannelSummary, type EtherchannelSummary } from '../../../shared/status/ios-etherchannel-summary.js';
import { parseLacpNeighbors } from '../../../shared/status/ios-lacp-neighbor.js';
import { parseOs6InterfacesStatus } from '../../../shared/status/os6-interfaces-status.js';
import { parseOs6PortChannels } from '../../../shared/status/os6-port-channel.js';
import type { Parsed } from '../../../shared/status/parse-result.js';
import { readCorpus } from './corpus.js';

function valueOf<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`);
  return result.value;
}

describe('OS6 show interfaces status', () => {
  it('reads every row of the dellemc.os6 fixture', () => {
    const result = parseOs6InterfacesStatus(readCorpus('switch/dellemc.os6__fixtures_show_interfaces_status.os6.txt'));
    const status = valueOf(result);
    expect(result.ok && result.warnings).toEqual([]);
    expect(status.ports).toHaveLength(34);
    expect(status.ports[0]).toEqual({
      line: 4,
      port: 'Te1/0/1',
      description: 'connected to sp',
      link: 'up',
      duplex: 'full',
      speedMbps: 1000,
      autoNegotiation: true,
      flowControl: false,
      mode: 'trunk',
      vlans: '(1),2-4096',
    });
    expect(status.ports[1]).toMatchObject({
      port: 'Te1/0/2',
      description: 'to_NIC_1',
      link: 'up',
      mode: 'access',
      vlans: '99',
    });
    expect(status.ports[2]).toMatchObject({
      port: 'Te1/0/3',
      description: undefined,
      link: 'down',
      duplex: null,
      speedMbps: null,
      vlans: '1',
    });
    expect(status.ports.find((p) => p.port === 'Te1/0/22')?.vlans).toBe('100');
    expect(status.ports.find((p) => p.port === 'Fo1/1/1')).toMatchObject({
      link: 'detach',
      duplex: null,
      speedMbps: null,
      autoNegotiation: null,
      flowControl: null,
      mode: undefined,
    });
    expect(status.ports.find((p) => p.port === 'Fo1/1/2')).toMatchObject({
      link: 'down',
      duplex: 'full',
      speedMbps: 40000,
      autoNegotiation: false,
      mode: 'access',
    });
    expect(status.ports.filter((p) => p.link === 'detach').map((p) => p.port)).toEqual([
      'Fo1/1/1',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Te1/1/${n}`),
    ]);
    expect(status.portChannels).toEqual([]);
  });

  it('reads port-channel rows', () => {
    const text = [
      'Port    Description                    Link    M  VLAN',
      'Channel                                State',
      '------- ------------------------------ ------- -- -------------------',
      'Po8     ms01 bond0                     Up      T  (240),1-239,241-4093',
      'Po9                                    Down    A  1',
    ].join('\n');
    expect(
      valueOf(
        parseOs6InterfacesStatus(
          `Port      Description     Duplex Speed   Neg  Link   Flow  M  VLAN\n--------- --------------- ------ ------- ---- ------ ----- -- ----\n\n${text}`,
        ),
      ).portChannels,
    ).toEqual([
      { line: 7, portChannel: 8, description: 'ms01 bond0', link: 'up', mode: 'trunk', vlans: '(240),1-239,241-4093' },
      { line: 8, portChannel: 9, description: undefined, link: 'down', mode: 'access', vlans: '1' },
    ]);
  });

  it('names the line of a value it cannot read', () => {
    const text =
      'Port      Description     Duplex Speed   Neg  Link   Flow  M  VLAN\n--------- --------------- ------ ------- ---- ------ ----- -- ----\nTe1/0/1                   Full   fast    Auto Up     Off   T  1\n';
    expect(parseOs6InterfacesStatus(text)).toEqual({
      ok: false,
      error: { line: 3, message: 'speed "fast" is not a number of Mb/s, Unknown or N/A' },
    });
    expect(parseOs6InterfacesStatus("% Invalid input detected at '^' marker.\n")).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no port table/) },
    });
  });
});

describe('OS6 show interfaces port-channel', () => {
  it('reads the fixture written from the documented format', () => {
    const text = readFileSync(new URL('__fixtures__/os6-show-interfaces-port-channel.txt', import.meta.url), 'utf8');
    const channels = valueOf(parseOs6PortChannels(text));
    expect(channels.map((c) => c.portChannel)).toEqual([1, 2, 3, 4]);
    expect(channels[0]).toEqual({
      line: 4,
      portChannel: 1,
      members: [
        { port: 'Te1/0/17', active: true },
        { port: 'Te2/0/17', active: true },
      ],
      lacp: true,
      hashType: 7,
      minLinks: 1,
      localPreference: false,
    });
    expect(channels[1]!.members).toEqual([
      { port: 'Te1/0/18', active: true },
      { port: 'Te2/0/18', active: false },
    ]);
    expect(channels[2]).toMatchObject({ lacp: false, minLinks: 2, localPreference: true });
    expect(channels[2]!.members.map((m) => m.port)).toEqual(['Te1/0/7', 'Te1/0/8', 'Te1/0/9', 'Te2/0/7', 'Te2/0/8']);
    expect(channels[3]!.members).toEqual([]);
  });

  it('names the line of a bad row', () => {
    const text =
      'Channel   Ports        Ch-Type  Hash Type  Min-links  Local Prf\n-------   -----------  -------  ---------  ---------  ---------\nPo1       Te1/0/1      Dynamic  7          1          Disabled\n';
    expect(parseOs6PortChannels(text)).toEqual({
      ok: false,
      error: { line: 3, message: 'member "Te1/0/1" comes before "Active:" or "Inactive:"' },
    });
  });
});

describe('IOS show etherchannel summary', () => {
  const parse = (file: string): EtherchannelSummary => valueOf(parseEtherchannelSummary(readCorpus(`switch/${file}`)));
  const members = (s: EtherchannelSummary, group: number) =>
    s.groups.find((g) => g.group === group)!.members.map((m) => `${m.port}:${m.state}`);

  it('reads golden output 1 (tab-separated, spelled-out flags)', () => {
    const result = parseEtherchannelSummary(
      readCorpus('switch/genieparser__iosxe_ShowEtherchannelSummary_golden_output.ios.txt'),
    );
    expect(result.ok && result.warnings).toEqual([]);
    const s = valueOf(result);
    expect(s.channelGroupsInUse).toBe(2);
    expect(s.aggregators).toBe(2);
    expect(s.groups.map((g) => [g.group, g.portChannel, g.flags, g.layer, g.inUse, g.protocol])).toEqual([
      [1, 1, 'RU', 'layer3', true, 'lacp'],
      [2, 2, 'RU', 'layer3', true, 'lacp'],
    ]);
    expect(members(s, 1)).toEqual(['Gi2:bundled', 'Gi3:bundled']);
    expect(members(s, 2)).toEqual(['Gi4:bundled', 'Gi5:hot-standby', 'Gi6:bundled']);
  });

  it('reads golden output 3 (wrapped member lists, groups without protocol)', () => {
    const s = parse('genieparser__iosxe_ShowEtherchannelSummary_golden_output_3.ios.txt');
    expect(s.channelGroupsInUse).toBeUndefined();
    expect(s.aggregators).toBe(5);
    expect(s.groups.map((g) => [g.group, g.flags, g.layer, g.inUse, g.protocol, g.members.length])).toEqual([
      [1, 'SD', 'layer2', false, null, 0],
      [2, 'SD', 'layer2', false, null, 0],
      [3, 'SU', 'layer2', true, 'lacp', 6],
      [4, 'RD', 'layer3', false, 'lacp', 2],
      [5, 'RD', 'layer3', false, 'lacp', 2],
    ]);
    expect(members(s, 3)).toEqual([
      'Te2/0/1:bundled',
      'Te2/0/2:down',
      'Te2/0/3:suspended',
      'Te3/0/1:suspended',
      'Te3/0/2:down',
      'Te3/0/3:bundled',
    ]);
    expect(members(s, 4)).toEqual(['Fi1/0/5:down', 'Gi4/0/5:down']);
  });

  it('names the line of a member it cannot read', () => {
    const text =
      'Group  Port-channel  Protocol    Ports\n------+-------------+-----------+------\n1      Po1(SU)        LACP        Gi1/0/1(P) Gi1/0/2(Q)\n';
    expect(parseEtherchannelSummary(text)).toEqual({
      ok: false,
      error: { line: 3, message: 'member Gi1/0/2 has flags "Q", none of which is a state letter' },
    });
  });
});

describe('IOS show lacp neighbor', () => {
  it('reads the golden output', () => {
    const result = parseLacpNeighbors(readCorpus('switch/genieparser__iosxe_ShowLacpNeighbor_golden_output.ios.txt'));
    const neighbors = valueOf(result);
    expect(result.ok && result.warnings).toEqual([]);
    expect(neighbors.map((n) => [n.group, n.port, n.rate, n.active, n.ageSeconds])).toEqual([
      [1, 'Gi2', 'slow', true, 25],
      [1, 'Gi3', 'slow', true, 19],
      [2, 'Gi4', 'slow', false, 15],
      [2, 'Gi5', 'slow', false, 1],
      [2, 'Gi6', 'slow', false, 0],
    ]);
    expect(neighbors[0]).toMatchObject({
      line: 11,
      portPriority: 32768,
      systemMac: '00:1e:49:ff:a3:e6',
      adminKey: 0,
      operKey: 1,
      portNumber: 1,
    });
    expect(neighbors[0]!.state.value).toBe(0x3d);
    expect(neighbors[0]!.state.bits).toMatchObject({
      active: true,
      aggregating: true,
      in_sync: true,
      collecting: true,
      distributing: true,
      short_timeout: false,
    });
    expect(neighbors[2]!.state.bits).toMatchObject({ active: false, in_sync: true });
    expect(neighbors[2]!.operKey).toBe(2);
  });

  it('refuses text that is not the command output', () => {
    expect(parseLacpNeighbors("% Invalid input detected at '^' marker.")).toMatchObject({ ok: false });
  });
});
