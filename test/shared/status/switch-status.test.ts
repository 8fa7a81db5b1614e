import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/model/index.js';
import { SWITCH_STATUS_READS, type SwitchObservation } from '../../../shared/status/switch-observation.js';
import { switchStatus, switchStatusAll } from '../../../shared/status/switch-status.js';
import { exampleDesign } from '../../helpers/design.js';
import { readCorpus } from './corpus.js';

const READ_AT = '2026-11-30T13:00:00.000Z';

const OS6_STATUS = 'switch/dellemc.os6__fixtures_show_interfaces_status.os6.txt';
const OS6_CHANNELS = readFileSync(
  new URL('__fixtures__/os6-show-interfaces-port-channel.txt', import.meta.url),
  'utf8',
);
const IOS_SUMMARY = 'switch/genieparser__iosxe_ShowEtherchannelSummary_golden_output.ios.txt';
const IOS_NEIGHBORS = 'switch/genieparser__iosxe_ShowLacpNeighbor_golden_output.ios.txt';

function observe(vendor: keyof typeof SWITCH_STATUS_READS, outputs: string[]): SwitchObservation {
  const result = SWITCH_STATUS_READS[vendor].observe(outputs);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * The corpus' OS6 table is of a one-unit switch whose Te1/0/17-18 are down; the port-channel
 * fixture has them active. For one consistent read, those rows are brought up and unit 2's copies added.
 */
function os6Status(): string {
  const text = readCorpus(OS6_STATUS).replace(
    /^(Te1\/0\/1[78] {18})N\/A {4}Unknown Auto Down {2}/gm,
    '$1Full   10000   Auto Up    ',
  );
  const unit2 = [...text.matchAll(/^Te1\/0\/1[78] .*$/gm)].map((m) => m[0].replace('Te1/', 'Te2/'));
  return text.replace(/^(Te1\/0\/18 .*)$/m, `$1\n${unit2.join('\n')}`);
}

/** The example design (ms01's two LACP bonds on n4032) with its port-channels numbered as in the OS6 fixture: Po1 and Po2. */
function os6Design(): Design {
  const design = exampleDesign();
  const sw = design.switches[0]!;
  return {
    ...design,
    switches: [{ ...sw, portChannels: sw.portChannels.map((pc, i) => ({ ...pc, number: i + 1 })) }],
  };
}

describe('OS6 switch status (show interfaces status + show interfaces port-channel)', () => {
  it('observes ports by canonical name and members as bundled, inactive or down', () => {
    const obs = observe('dell-os6', [os6Status(), OS6_CHANNELS]);
    expect(obs.ports?.get('Tengigabitethernet1/0/1')).toEqual({ link: 'up', speedMbps: 1000, duplex: 'full' });
    expect(obs.ports?.get('Tengigabitethernet1/1/1')?.link).toBe('detach');
    expect(obs.channels.get(2)).toEqual({
      number: 2,
      lacp: true,
      members: [
        { port: 'Tengigabitethernet1/0/18', state: 'bundled' },
        { port: 'Tengigabitethernet2/0/18', state: 'inactive' },
      ],
    });
    expect(obs.channels.get(3)?.lacp).toBe(false);
    expect(obs.channels.get(4)?.members).toEqual([]);
  });

  it('a port-channel whose bundle matches the host bond is ok; one with a member left out is amber and says why', () => {
    const design = os6Design();
    const status = switchStatus(design, design.switches[0]!, observe('dell-os6', [os6Status(), OS6_CHANNELS]), READ_AT);
    expect(status['n4032-po8']).toMatchObject({ health: 'ok', reasons: [], readAt: READ_AT });
    expect(status['n4032-po8']!.facts).toMatchObject({
      protocol: 'LACP',
      bundled: 'Te1/0/17, Te2/0/17',
      'host bond': 'bond0 on ms01',
      'bond cabled to': 'Te1/0/17, Te2/0/17',
    });
    expect(status['n4032-po9']).toMatchObject({
      health: 'degraded',
      reasons: [
        'Te2/0/18 is not bundled: its link is up but it is inactive in the port-channel',
        'Po2 bundles Te1/0/18; bond1 on ms01 is cabled to Te1/0/18, Te2/0/18',
      ],
    });
    expect(status['n4032-te2-0-18']).toMatchObject({
      health: 'degraded',
      reasons: ['Te2/0/18 is not bundled in Po2: its link is up but it is inactive in the port-channel'],
      facts: { 'port-channel': 'Po2', 'member state': 'inactive', link: 'up', speed: '10000 Mb/s' },
    });
    expect(status['n4032-te1-0-17']).toMatchObject({ health: 'ok', facts: { link: 'up', duplex: 'full' } });
    expect(status['n4032']).toMatchObject({ health: 'ok', facts: { ports: 36, 'port-channels': 4 } });
  });

  it('a LACP bundle facing an active-backup bond is amber; a missing port-channel is down with drift', () => {
    const design = os6Design();
    const host = design.hosts[0]!;
    const abDesign: Design = {
      ...design,
      hosts: [{ ...host, bonds: host.bonds.map((b) => ({ ...b, mode: 'active-backup' as const })) }],
    };
    const obs = observe('dell-os6', [os6Status(), OS6_CHANNELS]);
    const status = switchStatus(abDesign, abDesign.switches[0]!, obs, READ_AT);
    expect(status['n4032-po8']).toMatchObject({
      health: 'degraded',
      reasons: ['Po1 runs LACP but bond0 on ms01 is active-backup, not 802.3ad'],
    });

    const sw = design.switches[0]!;
    const renumbered = { ...sw, portChannels: sw.portChannels.map((pc) => ({ ...pc, number: pc.number + 10 })) };
    const missing = switchStatus({ ...design, switches: [renumbered] }, renumbered, obs, READ_AT);
    expect(missing['n4032-po8']).toMatchObject({
      health: 'down',
      reasons: ['Po11 does not exist on n4032'],
      drift: ['Po11 is missing on the switch'],
    });
  });

  it('a port on a module that is not present is down', () => {
    const design = os6Design();
    const sw = design.switches[0]!;
    const withModule = { ...sw, ports: [...sw.ports, { id: 'te-1-1-1', name: 'Tengigabitethernet1/1/1' }] };
    const status = switchStatus(
      { ...design, switches: [withModule] },
      withModule,
      observe('dell-os6', [os6Status(), OS6_CHANNELS]),
      READ_AT,
    );
    expect(status['te-1-1-1']).toMatchObject({
      health: 'down',
      reasons: ['Te1/1/1 is on a module that is not present'],
    });
  });
});

/** A Cisco switch with the corpus' channel groups (Gi2, Gi3 in Po1; Gi4-Gi6 in Po2) and a host whose LACP bond is cabled to Po1. */
function iosDesign(): Design {
  const design = exampleDesign();
  const gi = (n: number) => ({ id: `gi${n}`, name: `GigabitEthernet${n}` });
  return {
    ...design,
    switches: [
      {
        id: 'csr',
        name: 'csr1000v',
        vendor: 'cisco-ios',
        stackUnits: 1,
        ports: [gi(1), gi(2), gi(3), gi(4), gi(5), gi(6)],
        portChannels: [
          { id: 'po1', number: 1, members: ['gi2', 'gi3'], lacp: 'active' },
          { id: 'po2', number: 2, members: ['gi4', 'gi5', 'gi6'], lacp: 'passive' },
        ],
      },
    ],
    cables: [
      { id: 'c1', hostPort: 'ms01-enp88s0', switchPort: 'gi2' },
      { id: 'c2', hostPort: 'ms01-enp91s0', switchPort: 'gi3' },
    ],
  };
}

describe('IOS switch status (show etherchannel summary + show lacp neighbor)', () => {
  it('observes members with their state and LACP partner; ports outside a channel are not read', () => {
    const obs = observe('cisco-ios', [readCorpus(IOS_SUMMARY), readCorpus(IOS_NEIGHBORS)]);
    expect(obs.ports).toBeUndefined();
    expect(obs.channels.get(2)?.members.map((m) => [m.port, m.state])).toEqual([
      ['GigabitEthernet4', 'bundled'],
      ['GigabitEthernet5', 'hot-standby'],
      ['GigabitEthernet6', 'bundled'],
    ]);
    expect(obs.channels.get(1)?.members[0]?.partner).toMatchObject({ systemMac: '00:1e:49:ff:a3:e6', portNumber: 1 });
  });

  it('judges Po1 ok against the bond, Po2 amber for its hot-standby member, Gi1 unknown', () => {
    const design = iosDesign();
    const obs = observe('cisco-ios', [readCorpus(IOS_SUMMARY), readCorpus(IOS_NEIGHBORS)]);
    const status = switchStatus(design, design.switches[0]!, obs, READ_AT);
    expect(status['po1']).toMatchObject({ health: 'ok', facts: { link: 'up', 'host bond': 'bond0 on ms01' } });
    expect(status['po2']).toMatchObject({
      health: 'degraded',
      reasons: ['Gi5 is not bundled: it is hot-standby: more members than the port-channel may bundle'],
    });
    expect(status['gi2']).toMatchObject({
      health: 'ok',
      facts: { 'port-channel': 'Po1', 'member state': 'bundled', 'partner MAC': '00:1e:49:ff:a3:e6', link: 'up' },
    });
    expect(status['gi1']).toMatchObject({
      health: 'unknown',
      reasons: ['csr1000v reports only port-channel members, and Gi1 is in none'],
    });
  });

  it('members bundled with two different partners are amber, naming both', () => {
    const design = iosDesign();
    const neighbors = readCorpus(IOS_NEIGHBORS).replace(/^(Gi3 .*)001e\.49ff\.a3e6/m, '$1001e.49ff.0001');
    const obs = observe('cisco-ios', [readCorpus(IOS_SUMMARY), neighbors]);
    const status = switchStatus(design, design.switches[0]!, obs, READ_AT);
    expect(status['po1']).toMatchObject({
      health: 'degraded',
      reasons: ['Po1 members see different LACP partners: 00:1e:49:ff:a3:e6 (Gi2) and 00:1e:49:ff:00:01 (Gi3)'],
    });
  });

  it('a parse failure names the command and line', () => {
    const result = SWITCH_STATUS_READS['cisco-ios'].observe(['no table here', '']);
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^show etherchannel summary: /) },
    });
  });
});

describe('switchStatusAll', () => {
  it('gives the switch, its ports and port-channels one state and reason', () => {
    const sw = exampleDesign().switches[0]!;
    const status = switchStatusAll(sw, 'unreachable', 'n4032 does not answer', READ_AT);
    expect(Object.keys(status).sort()).toEqual(
      [sw.id, ...sw.ports.map((p) => p.id), ...sw.portChannels.map((p) => p.id)].sort(),
    );
    expect(status['n4032-po8']).toEqual({ health: 'unreachable', reasons: ['n4032 does not answer'], readAt: READ_AT });
  });
});
