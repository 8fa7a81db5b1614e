import { describe, expect, it } from 'vitest';
import { DebianDriver } from '../../../../../electron/engine/deploy/drivers/debian-driver.js';
import { CandidateError, CommitError } from '../../../../../electron/engine/deploy/errors.js';
import { DISCARD, STAGE } from '../../../../../electron/engine/deploy/remote-scripts.js';
import { SshConnectionError } from '../../../../../electron/engine/ssh/errors.js';
import type { GeneratedFile } from '../../../../../shared/targets/index.js';
import { FakeHost, steps, type Answer } from '../fake-session.js';

const LIVE = 'auto eth0\niface eth0 inet manual\n';
const CANDIDATE = 'auto eth0\niface eth0 inet manual\n    mtu 1400\n';
const CLUSTER_LIVE = '[OPTIONS]\n\nenable: 0\n\n';
const COMPANIONS: GeneratedFile[] = [
  { target: 'pve-firewall', path: 'etc/pve/firewall/cluster.fw', content: '[OPTIONS]\n\nenable: 1\n\n' },
  { target: 'pve-firewall', path: 'etc/pve/nodes/pve1/host.fw', content: '[RULES]\n\nIN SSH(ACCEPT)\n\n' },
];
const target = { name: 'pve1', address: '10.9.0.2', port: 22, user: 'root' };
const fast = { revertMarginS: 0, reachAfterRevertMs: 2_000, reconnectAttemptMs: 200 };
const b64 = (s: string) => Buffer.from(s).toString('base64');

function host(overrides: Partial<Record<string, Answer>> = {}, live = LIVE, clusterLive = CLUSTER_LIVE): FakeHost {
  return new FakeHost((name) => {
    const override = overrides[name];
    if (override) return override;
    switch (name) {
      case 'netloom-prepare':
        return { code: 0, stdout: live, stderr: steps('lock done', 'check done') };
      case 'netloom-stage':
        return { code: 0, stdout: `+${b64(clusterLive)}\n-\n`, stderr: steps('upload done 2 firewall files') };
      case 'netloom-commit':
        return { code: 0, stderr: steps('arm done at', 'apply done') };
      default:
        return { code: 0 };
    }
  });
}

const driverOn = (h: FakeHost, firewallRoot?: string, companions: readonly GeneratedFile[] = COMPANIONS) =>
  new DebianDriver({
    target,
    openSession: h.open,
    timing: fast,
    companions,
    ...(firewallRoot !== undefined ? { firewallRoot } : {}),
  });

describe('DebianDriver with Proxmox VE firewall files', () => {
  it('holds the lock past an unchanged check, stages the files under the root and diffs all of them', async () => {
    const h = host();
    const driver = driverOn(h, '/var/tmp/pve');
    expect(await driver.loadCandidate(CANDIDATE)).toMatchObject({ unchanged: false });
    expect(h.names()).toEqual(['netloom-prepare', 'netloom-stage']);
    const [prepare, stage] = h.sent;
    expect(prepare!.argv.at(-1)).toBe('hold');
    expect(stage!.argv.slice(0, 3)).toEqual(['sh', '-c', STAGE]);
    expect(stage!.argv.slice(5)).toEqual([
      '/var/tmp/pve',
      '/var/tmp/pve/etc/pve/firewall/cluster.fw',
      '/var/tmp/pve/etc/pve/nodes/pve1/host.fw',
    ]);
    expect(stage!.stdin).toBe(COMPANIONS.map((f) => `${b64(f.content)}\n`).join(''));
    const diff = driver.compare();
    expect(diff).toContain('+++ b/etc/network/interfaces');
    expect(diff).toContain('--- a/var/tmp/pve/etc/pve/firewall/cluster.fw\tlive\n');
    expect(diff).toContain('-enable: 0\n+enable: 1');
    expect(diff).toContain('--- a/var/tmp/pve/etc/pve/nodes/pve1/host.fw\t(absent)\n');
  });

  it('is unchanged only when the interfaces file and every firewall file are, and then releases the lock', async () => {
    const stdout = COMPANIONS.map((f) => `+${b64(f.content)}\n`).join('');
    const same = host({ 'netloom-stage': { code: 0, stdout } }, CANDIDATE);
    expect(await driverOn(same).loadCandidate(CANDIDATE)).toMatchObject({ unchanged: true });
    expect(same.sent.at(-1)!.argv.slice(0, 3)).toEqual(['sh', '-c', DISCARD]);

    const firewallOnly = host({}, CANDIDATE);
    const driver = driverOn(firewallOnly);
    expect(await driver.loadCandidate(CANDIDATE)).toMatchObject({ unchanged: false });
    expect(driver.compare()).not.toContain('interfaces');
  });

  it('passes on the refusal of a host without /etc/pve, hinting at the firewall root', async () => {
    const h = host({
      'netloom-stage': {
        code: 65,
        stderr: ['@netloom error no /etc/pve on this host (not Proxmox VE, or pmxcfs is not mounted)'],
      },
    });
    const error = await driverOn(h)
      .loadCandidate(CANDIDATE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as Error).message).toBe(
      'no /etc/pve on this host (not Proxmox VE, or pmxcfs is not mounted); a firewall root (--firewall-root DIR) writes them elsewhere',
    );
  });

  it('refuses a relative firewall root before staging anything', async () => {
    const h = host();
    const error = await driverOn(h, 'var/tmp')
      .loadCandidate(CANDIDATE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateError);
    expect(h.names()).toEqual(['netloom-prepare', 'netloom-discard']);
  });

  it('reports pve-firewall compile refusing the files as rolled back at once', async () => {
    const h = host({
      'netloom-commit': {
        code: 65,
        stderr: [
          ...steps('arm done at', 'check running pve-firewall compile'),
          '@netloom out cluster.fw: unknown option',
          ...steps('check failed pve-firewall compile rejected the firewall files'),
        ],
      },
    });
    const driver = driverOn(h);
    await driver.loadCandidate(CANDIDATE);
    const error = await driver.commit({ revertIn: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitError);
    expect((error as CommitError).rolledBack).toBe(true);
    expect((error as CommitError).message).toBe(
      'pve-firewall compile rejected the firewall files; restored the backups at once\ncluster.fw: unknown option',
    );
  });

  it('verifies a revert only when the host restored every firewall file', async () => {
    for (const [files, verified] of [
      ['ok', true],
      ['differ', false],
    ] as const) {
      const h = host({
        'netloom-commit': { code: 0, stderr: steps('arm done at'), fail: new SshConnectionError('reset', '10.9.0.2') },
        'netloom-status': {
          code: 0,
          stdout: LIVE,
          stderr: [`@netloom last token=x result=rolled-back mode=timer ifreload=0 files=${files}`],
        },
      });
      const driver = driverOn(h);
      await driver.loadCandidate(CANDIDATE);
      h.refuseConnects = Array.from({ length: 1000 }, () => new SshConnectionError('connect ETIMEDOUT', '10.9.0.2'));
      await driver.commit({ revertIn: 1 });
      await driver.confirm();
      h.refuseConnects = [];
      expect((await driver.awaitRevert()).verified, files).toBe(verified);
    }
  });
});
