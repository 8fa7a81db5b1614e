import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bondFromProc } from '../../../shared/status/bond-observation.js';
import { parseBondingProc, type BondingInfo } from '../../../shared/status/bonding-proc.js';
import { evaluateBond } from '../../../shared/status/health.js';
import type { Health } from '../../../shared/status/live.js';
import { CORPUS, readCorpus } from './corpus.js';

function parse(file: string): BondingInfo {
  const result = parseBondingProc(readCorpus(`bonding/${file}`));
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.value;
}

const health = (info: BondingInfo) => evaluateBond('bond0', bondFromProc(info));
const slaves = (info: BondingInfo) => info.slaves.map((s) => s.name);
const mii = (info: BondingInfo) => info.slaves.map((s) => s.miiStatus);
const aggregators = (info: BondingInfo) => info.slaves.map((s) => s.aggregatorId);

/** The facts of each sample, read from the file by eye. */
const SAMPLES: Record<string, (info: BondingInfo) => { health: Health; reasons?: RegExp[] }> = {
  'augeas__test_procnetbonding.aug.activebackup.arp-targets.driver-v3.4.0.txt': (info) => {
    expect(info.driverVersion).toBe('v3.4.0 (October 7, 2008)');
    expect(info.mode).toBe('active-backup');
    expect(info.primary).toEqual({ name: null });
    expect(info.activeSlave).toBe('eth1');
    expect(info.arpIntervalMs).toBe(1000);
    expect(info.arpIpTargets).toEqual(['169.254.144.20', '169.254.144.21']);
    expect(slaves(info)).toEqual(['eth0', 'eth1']);
    expect(info.slaves.map((s) => s.linkFailureCount)).toEqual([1, 0]);
    expect(info.slaves[0]!.speedMbps).toBeUndefined();
    return { health: 'ok' };
  },
  'augeas__test_procnetbonding.aug.aggregation.802.3ad.split-aggregators.driver-v3.4.0.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.xmitHashPolicy).toBe('layer2+3');
    expect(info.lacp?.rate).toBe('slow');
    expect(info.lacp?.activeAggregator).toEqual({
      id: 3,
      ports: 2,
      actorKey: 17,
      partnerKey: 16385,
      partnerMac: '00:22:67:00:11:22',
    });
    expect(slaves(info)).toEqual(['eth0', 'eth1', 'eth2', 'eth3']);
    expect(aggregators(info)).toEqual([2, 2, 3, 3]);
    return {
      health: 'degraded',
      reasons: [
        /split across aggregators 2 \(eth0, eth1\) and 3 \(eth2, eth3\)/,
        /not in the active aggregator 3: eth0, eth1/,
      ],
    };
  },
  'augeas__test_procnetbonding.aug.bondingtxt.balance-rr.driver-2.6.1.txt': (info) => {
    expect(info.driverVersion).toBe('2.6.1 (October 29, 2004)');
    expect(info.mode).toBe('balance-rr');
    expect(info.miimonMs).toBe(1000);
    expect(slaves(info)).toEqual(['eth1', 'eth0']);
    expect(info.slaves[0]!.permanentHwAddr).toBeUndefined();
    return { health: 'ok' };
  },
  'checkmk__lnx_bonding.py.bond0.balance-rr.no-slaves.mii-down.txt': (info) => {
    expect(info.mode).toBe('balance-rr');
    expect(info.miiStatus).toBe('down');
    expect(info.slaves).toEqual([]);
    return { health: 'down', reasons: [/bond0 MII status is down/, /has no members/] };
  },
  'checkmk__lnx_bonding.py.bond1.active-backup.driver-v3.2.5.txt': (info) => {
    expect(info.mode).toBe('active-backup');
    expect(info.primary).toEqual({ name: 'eth0' });
    expect(info.activeSlave).toBe('eth0');
    expect(slaves(info)).toEqual(['eth4', 'eth0']);
    expect(info.slaves[1]!.permanentHwAddr).toBe('00:26:b9:7d:89:2e');
    return { health: 'ok' };
  },
  'checkmk__test_lnx_bonding.py.DATA_FAILOVER.active-backup.pve-kernel.RECONSTRUCTED.txt': (info) => {
    expect(info.driverVersion).toBe('v5.13.19-5-pve');
    expect(info.mode).toBe('active-backup');
    expect(info.activeSlave).toBe('enp129s0f2');
    expect(info.updelayMs).toBe(200);
    expect(info.peerNotifyDelayMs).toBe(0);
    expect(slaves(info)).toEqual(['enp129s0f2', 'enp129s0f3']);
    expect(info.slaves.map((s) => s.speedMbps)).toEqual([10000, 10000]);
    return { health: 'ok' };
  },
  'insights-core__test_bond.py.BONDINFO_1.balance-rr.txt': (info) => {
    expect(info.mode).toBe('balance-rr');
    expect(slaves(info)).toEqual(['eno1', 'eno2']);
    expect(info.slaves.map((s) => [s.speedMbps, s.duplex, s.queueId])).toEqual([
      [1000, 'full', 0],
      [1000, 'full', 0],
    ]);
    return { health: 'ok' };
  },
  'insights-core__test_bond.py.BONDINFO_MODE_2.balance-xor.txt': (info) => {
    expect(info.mode).toBe('balance-xor');
    expect(info.xmitHashPolicy).toBe('layer2+3');
    expect(slaves(info)).toEqual(['eno1', 'eno2']);
    return { health: 'ok' };
  },
  'insights-core__test_bond.py.BONDINFO_MODE_4.802.3ad.old-driver-v3.2.4.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.xmitHashPolicy).toBe('layer2');
    expect(info.miimonMs).toBe(500);
    expect(info.lacp?.activeAggregator).toMatchObject({ id: 3, ports: 1, partnerMac: '00:00:00:00:00:00' });
    expect(slaves(info)).toEqual(['eth1', 'eth2']);
    expect(aggregators(info)).toEqual([3, 2]);
    return {
      health: 'degraded',
      reasons: [/split across aggregators 2 \(eth2\) and 3 \(eth1\)/, /partner MAC is 00:00:00:00:00:00/],
    };
  },
  'insights-core__test_bond.py.BONDINFO_MODE_5.active-backup.primary-none.txt': (info) => {
    expect(info.mode).toBe('active-backup');
    expect(info.primary).toEqual({ name: null });
    expect(info.activeSlave).toBe('enp17s0f0');
    expect(slaves(info)).toEqual(['enp17s0f0', 'enp17s0f1']);
    return { health: 'ok' };
  },
  'insights-core__test_bond.py.BONDINFO_MODE_7.active-backup.arp-monitor.txt': (info) => {
    expect(info.primary).toEqual({ name: 'em3', reselect: 'failure' });
    expect(info.miimonMs).toBe(0);
    expect(info.arpIpTargets).toEqual(['10.152.1.1']);
    expect(info.slaves.map((s) => s.linkFailureCount)).toEqual([92028, 71524]);
    return { health: 'ok' };
  },
  'insights-core__test_bond.py.BOND_MODE_4.802.3ad.lacp-details.slave-down.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.updelayMs).toBe(2000);
    expect(info.lacp).toMatchObject({
      rate: 'slow',
      minLinks: 0,
      adSelect: 'stable',
      systemPriority: 65535,
      systemMac: '08:00:27:99:a3:6b',
    });
    expect(info.lacp?.activeAggregator).toEqual({
      id: 1,
      ports: 1,
      actorKey: 9,
      partnerKey: 1,
      partnerMac: '00:00:00:00:00:00',
    });
    expect(slaves(info)).toEqual(['enp0s9', 'enp0s8']);
    expect(mii(info)).toEqual(['up', 'down']);
    expect(aggregators(info)).toEqual([1, 2]);
    const [s9, s8] = info.slaves;
    expect(s9!.actor).toMatchObject({ key: 9, portNumber: 1, portState: { value: 77 } });
    expect(s9!.actor!.portState!.bits).toMatchObject({
      active: true,
      aggregating: true,
      in_sync: true,
      defaulted: true,
      collecting: false,
    });
    expect(s9!.partner).toMatchObject({ systemMac: '00:00:00:00:00:00', key: 1, portState: { value: 1 } });
    expect([s9!.actorChurn, s9!.partnerChurn, s9!.partnerChurnedCount]).toEqual(['none', 'churned', 1]);
    expect(s8!.speedMbps).toBeNull();
    expect(s8!.duplex).toBeNull();
    expect(s8!.actor!.portState!.value).toBe(69);
    expect(s8!.actor!.portState!.bits.in_sync).toBe(false);
    expect(s8!.actorChurn).toBe('churned');
    return {
      health: 'degraded',
      reasons: [
        /enp0s8 MII status is down/,
        /split across aggregators/,
        /enp0s9 partner is defaulted/,
        /enp0s8 actor churned/,
      ],
    };
  },
  'libtpa__test_unit_bonding.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.xmitHashPolicy).toBe('encap3+4');
    expect(info.lacp).toMatchObject({ rate: 'fast', minLinks: 1 });
    expect(info.lacp?.activeAggregator).toMatchObject({ id: 1, ports: 2, partnerMac: '00:00:5e:00:01:bd' });
    expect(slaves(info)).toEqual(['eth1', 'eth0']);
    expect(mii(info)).toEqual(['down', 'up']);
    expect(info.slaves.map((s) => [s.actor?.portState?.value, s.partner?.portState?.value])).toEqual([
      [63, 63],
      [63, 63],
    ]);
    expect(info.slaves[0]!.partner).toMatchObject({ key: 9, portNumber: 238, systemPriority: 200 });
    expect(info.slaves.map((s) => s.speedMbps)).toEqual([100000, 100000]);
    return { health: 'degraded', reasons: [/eth1 MII status is down/] };
  },
  'telegraf__bond_test.go.sampleTest802.802.3ad.no-active-aggregator.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.lacp).toMatchObject({ rate: 'fast', adSelect: 'stable', activeAggregator: null });
    expect(aggregators(info)).toEqual([null, null]);
    return {
      health: 'degraded',
      reasons: [/has no active aggregator/, /eth1 has no aggregator/, /eth2 has no aggregator/],
    };
  },
  'telegraf__bond_test.go.sampleTestAB.active-backup.eth3-down.txt': (info) => {
    expect(info.mode).toBe('active-backup');
    expect(info.primary).toEqual({ name: 'eth2', reselect: 'always' });
    expect(slaves(info)).toEqual(['eth3', 'eth2']);
    expect(mii(info)).toEqual(['down', 'up']);
    expect(info.slaves.map((s) => s.speedMbps)).toEqual([1000, 100]);
    expect(info.slaves[0]!.permanentHwAddr).toBeUndefined();
    return { health: 'degraded', reasons: [/eth3 MII status is down/] };
  },
  'telegraf__bond_test.go.sampleTestLACP.802.3ad.txt': (info) => {
    expect(info.mode).toBe('802.3ad');
    expect(info.lacp?.activeAggregator).toBeUndefined();
    expect(aggregators(info)).toEqual([2, 2]);
    expect(info.slaves.map((s) => s.actorChurnedCount)).toEqual([2, 0]);
    return { health: 'ok' };
  },
  'telegraf__bond_test.go.sampleTestLACPFirstUpSecondDown.802.3ad.eth1-down.txt': (info) => {
    expect(mii(info)).toEqual(['up', 'down']);
    expect(info.slaves[1]!.speedMbps).toBeNull();
    expect(aggregators(info)).toEqual([2, 2]);
    return { health: 'degraded', reasons: [/eth1 MII status is down/] };
  },
};

describe('parseBondingProc on every corpus sample', () => {
  it('has a test for every sample in the corpus', () => {
    const files = readdirSync(new URL('bonding/', CORPUS)).filter((f) => f.endsWith('.txt') && !f.includes('CORRUPT'));
    expect(Object.keys(SAMPLES).sort()).toEqual(files.sort());
  });

  for (const [file, check] of Object.entries(SAMPLES)) {
    it(file, () => {
      const info = parse(file);
      const expected = check(info);
      const result = health(info);
      expect(result.health).toBe(expected.health);
      if (expected.health === 'ok') expect(result.reasons).toEqual([]);
      for (const reason of expected.reasons ?? []) expect(result.reasons.join('\n')).toMatch(reason);
    });
  }

  it('skips the stray bare "Speed" line of the v3.2.4 sample with a warning naming its line', () => {
    const result = parseBondingProc(
      readCorpus('bonding/insights-core__test_bond.py.BONDINFO_MODE_4.802.3ad.old-driver-v3.2.4.txt'),
    );
    expect(result.ok && result.warnings).toEqual([{ line: 31, message: 'skipped "Speed": not a "key: value" line' }]);
  });

  it('refuses the corrupt fragment with an error naming line 1', () => {
    const result = parseBondingProc(
      readCorpus('bonding/insights-core__test_bond.py.BONDINFO_CORRUPT.corrupt-fragment.txt'),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({
      line: 1,
      message:
        'expected "Ethernet Channel Bonding Driver: …" or "Bonding Mode: …", found "Link Failure Count: 0": not a /proc/net/bonding file',
    });
  });
});
