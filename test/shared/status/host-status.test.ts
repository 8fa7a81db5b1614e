import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/model/index.js';
import { readHostFacts, type HostFacts } from '../../../shared/status/host-facts.js';
import { hostStatus, hostStatusAll } from '../../../shared/status/host-status.js';
import { exampleDesign } from '../../helpers/design.js';
import { readCorpus } from './corpus.js';
import { bondLink, lacpSlave, ms01Addresses, ms01Links, MS01_SYSFS, physical, scriptOutput } from './fixtures.js';

const READ_AT = '2026-11-23T09:00:00.000Z';

function facts(output: string): HostFacts {
  const result = readHostFacts(output);
  if (!result.ok) throw new Error(result.message);
  return result.facts;
}

function statusOf(output: string, design: Design = exampleDesign()) {
  return hostStatus(design, design.hosts[0]!, facts(output), READ_AT);
}

describe('hostStatus on the example design', () => {
  it('is ok everywhere when every link is up and LACP is in sync', () => {
    const status = statusOf(scriptOutput());
    for (const id of [
      'ms01',
      'ms01-enp88s0',
      'ms01-enp91s0',
      'ms01-bond0',
      'ms01-bond1',
      'ms01-vmbr0',
      'ms01-vmbr1',
      'cable-enp88s0',
    ]) {
      expect(status[id], id).toMatchObject({ health: 'ok', reasons: [], readAt: READ_AT });
      expect(status[id]!.drift, id).toBeUndefined();
    }
    expect(status['ms01-enp88s0']!.facts).toMatchObject({
      operstate: 'UP',
      carrier: true,
      speed: '2500 Mb/s',
      duplex: 'full',
      bond: 'bond0',
      'MII status': 'up',
      aggregator: 1,
      'actor state': '63: active, short timeout, aggregating, in sync, collecting, distributing',
      'link failures': 0,
    });
    expect(status['ms01-bond0']!.facts).toMatchObject({
      source: 'ip -d link',
      mode: '802.3ad',
      'members up': '2 of 2',
      'active aggregator': 1,
    });
  });

  it('turns a port without carrier red, its cable red, and its bond amber', () => {
    const status = statusOf(
      scriptOutput({
        links: ms01Links({
          enp91s0: physical('enp91s0', { up: false, master: 'bond0', slave: lacpSlave(1, 69, 1, 'DOWN') }),
        }),
      }),
    );
    expect(status['ms01-enp91s0']).toMatchObject({
      health: 'down',
      reasons: ['enp91s0 has no carrier (operstate DOWN)'],
    });
    expect(status['cable-enp91s0']).toMatchObject({
      health: 'down',
      reasons: ['ms01: enp91s0 has no carrier (operstate DOWN)'],
    });
    expect(status['ms01-bond0']!.health).toBe('degraded');
    expect(status['ms01-bond0']!.reasons).toContain('enp91s0 MII status is down');
    expect(status['ms01-enp88s0']!.health).toBe('ok');
  });

  it('marks a member whose partner sends no LACPDU amber, on the port and the bond', () => {
    const status = statusOf(
      scriptOutput({
        links: ms01Links({ enp88s0: physical('enp88s0', { master: 'bond0', slave: lacpSlave(1, 79, 1) }) }),
      }),
    );
    expect(status['ms01-enp88s0']!.health).toBe('degraded');
    expect(status['ms01-enp88s0']!.reasons).toContain(
      'enp88s0 partner is defaulted: no LACPDU received from the switch',
    );
    expect(status['ms01-bond0']!.health).toBe('degraded');
  });

  it('reports a bond whose MII is down as down', () => {
    const status = statusOf(
      scriptOutput({ links: ms01Links({ bond1: bondLink('bond1', { up: false, aggregator: 2 }) }) }),
    );
    expect(status['ms01-bond1']!.health).toBe('down');
    expect(status['ms01-bond1']!.reasons[0]).toBe('bond1 MII status is down');
  });

  it('flags a port that negotiated a lower speed than the design', () => {
    const sysfs = MS01_SYSFS.map((l) => (l.startsWith('enp88s0 ') ? 'enp88s0 1000 full' : l));
    const status = statusOf(scriptOutput({ sysfs }));
    expect(status['ms01-enp88s0']).toMatchObject({
      health: 'degraded',
      reasons: ['enp88s0 negotiated 1000 Mb/s; the design says 2500 Mb/s'],
    });
    expect(status['ms01-enp88s0']!.facts!.speed).toBe('1000 Mb/s');
  });

  it('prefers the bonding file over ip link and reads aggregators from it', () => {
    const text = readCorpus(
      'bonding/augeas__test_procnetbonding.aug.aggregation.802.3ad.split-aggregators.driver-v3.4.0.txt',
    )
      .replaceAll('eth0', 'enp88s0')
      .replaceAll('eth1', 'enp91s0');
    const status = statusOf(scriptOutput({ bonding: { bond0: text } }));
    const bond0 = status['ms01-bond0']!;
    expect(bond0.facts!.source).toBe('/proc/net/bonding/bond0');
    expect(bond0.health).toBe('degraded');
    expect(bond0.reasons).toContain('not in the active aggregator 3: enp88s0, enp91s0');
    expect(bond0.drift).toEqual([
      'member eth2, eth3 not in the design',
      'transmit hash policy is layer2+3; the design says layer3+4',
      'LACP rate is slow; the design says fast',
    ]);
  });

  it('marks a bond unknown, naming the line, when its bonding file does not parse', () => {
    const corrupt = readCorpus('bonding/insights-core__test_bond.py.BONDINFO_CORRUPT.corrupt-fragment.txt');
    const status = statusOf(scriptOutput({ bonding: { bond1: corrupt } }));
    expect(status['ms01-bond1']!.health).toBe('unknown');
    expect(status['ms01-bond1']!.reasons[0]).toMatch(
      /^\/proc\/net\/bonding\/bond1 line 1: expected "Ethernet Channel Bonding Driver/,
    );
  });

  it('reports drift of mode, MTU and addresses as a separate list', () => {
    const links = ms01Links({ bond0: bondLink('bond0', { mode: 'balance-rr', mtu: 9000 }) });
    const status = statusOf(scriptOutput({ links, addresses: ms01Addresses(['10.2.200.31/24']) }));
    expect(status['ms01-bond0']!.drift).toEqual(['mode is balance-rr; the design says 802.3ad']);
    expect(status['ms01-vmbr0']!.drift).toEqual([
      'address 10.2.200.30/24 missing on the host',
      'address 10.2.200.31/24 not in the design',
    ]);

    const design = exampleDesign();
    design.hosts[0]!.bonds[0]!.mtu = 1500;
    const withMtu = statusOf(scriptOutput({ links }), design);
    expect(withMtu['ms01-bond0']!.drift).toContain('MTU is 9000; the design says 1500');
  });

  it('reports bridge ports that differ from the design, ignoring the taps of running VMs', () => {
    const tap = { ...physical('tap100i0', { master: 'vmbr1' }) };
    const stray = physical('enp3s0f1np1', { master: 'vmbr0' });
    const status = statusOf(scriptOutput({ links: [...ms01Links({ enp3s0f1np1: stray }), tap] }));
    expect(status['ms01-vmbr0']!.drift).toEqual(['bridge port enp3s0f1np1 not in the design']);
    expect(status['ms01-vmbr1']!.drift).toBeUndefined();
  });

  it('reports elements missing on the host as down with drift', () => {
    const links = ms01Links();
    const status = statusOf(
      scriptOutput({ links: links.filter((l) => l.ifname !== 'vmbr1' && l.ifname !== 'enp3s0f1np1') }),
    );
    expect(status['ms01-vmbr1']).toMatchObject({
      health: 'down',
      reasons: ['vmbr1 does not exist on the host'],
      drift: ['vmbr1 is missing on the host'],
    });
    expect(status['ms01-enp3s0f1np1']!.health).toBe('down');
    expect(status['ms01-bond1']!.reasons).toContain('enp3s0f1np1 is not a member of bond1');
  });

  it('puts every element of an unreachable host and its cables in one state with the reason', () => {
    const design = exampleDesign();
    const status = hostStatusAll(design, design.hosts[0]!, 'unreachable', 'ms01 did not answer within 5 s', READ_AT);
    expect(Object.keys(status)).toHaveLength(13);
    for (const s of Object.values(status)) expect(s.health).toBe('unreachable');
    expect(status['cable-enp88s0']!.reasons).toEqual(['ms01 did not answer within 5 s']);
  });
});

describe('readHostFacts', () => {
  it('says so when the output was cut short', () => {
    expect(readHostFacts(scriptOutput().replace('@@netloom end', ''))).toEqual({
      ok: false,
      message: 'the status output was cut short (no end marker)',
    });
  });

  it('names the section that does not parse', () => {
    const output = scriptOutput().replace(/@@netloom ip-link\n.*\n/, '@@netloom ip-link\nip: command not found\n');
    expect(readHostFacts(output)).toMatchObject({ ok: false, message: /^ip -j -d link show: not valid JSON/ });
  });
});
