import { describe, expect, it } from 'vitest';
import { DebianDriver, unifiedDiff } from '../../../../../electron/engine/deploy/drivers/debian-driver.js';
import { CandidateError, CommitError, LockError } from '../../../../../electron/engine/deploy/errors.js';
import { SshConnectionError } from '../../../../../electron/engine/ssh/errors.js';
import type { DeployStep, StepState } from '../../../../../shared/deploy/progress.js';
import {
  COMMIT,
  CONFIRM,
  DISCARD,
  PREPARE,
  ROLLBACK,
  STATUS,
} from '../../../../../electron/engine/deploy/remote-scripts.js';
import { FakeHost, steps, type Answer } from '../fake-session.js';

const LIVE = 'auto eth0\niface eth0 inet static\n    address 10.9.0.2/24\n';
const CANDIDATE = 'auto eth0\niface eth0 inet static\n    address 10.9.0.2/24\n    mtu 1400\n';
const target = { name: 'pve1', address: '10.9.0.2', port: 22, user: 'root' };
const fast = { revertMarginS: 0, reachAfterRevertMs: 2_000, reconnectAttemptMs: 200 };

const happy = (name: string): Answer => {
  switch (name) {
    case 'netloom-prepare':
      return { code: 0, stdout: LIVE, stderr: steps('lock running', 'lock done', 'read done', 'check done') };
    case 'netloom-commit':
      return {
        code: 0,
        stderr: steps(
          'backup done /var/backups/netloom/interfaces.x',
          'arm done at, fires in 2 s',
          'install done',
          'apply done',
        ),
      };
    case 'netloom-confirm':
      return { code: 0, stderr: steps('health done', 'confirm done') };
    default:
      return { code: 0 };
  }
};

function driverFor(host: FakeHost, extra: Partial<ConstructorParameters<typeof DebianDriver>[0]> = {}) {
  const events: [DeployStep, StepState, string | undefined][] = [];
  const driver = new DebianDriver({
    target,
    openSession: host.open,
    onStep: (s, st, d) => events.push([s, st, d]),
    timing: fast,
    ...extra,
  });
  return { driver, events };
}

describe('DebianDriver', () => {
  it('prepares on one connection, commits on it and confirms from a second one', async () => {
    const host = new FakeHost(happy);
    const backups: [string, string][] = [];
    const { driver, events } = driverFor(host, {
      saveLocalBackup: async (live, stamp) => (backups.push([live, stamp]), `/x/${stamp}`),
    });
    const check = await driver.loadCandidate(CANDIDATE);
    expect(check).toEqual({ live: LIVE, unchanged: false, checkOutput: '' });
    expect(driver.compare()).toContain('+    mtu 1400');
    expect(await driver.commit({ revertIn: 2 })).toEqual({ kind: 'applied' });
    expect(await driver.confirm()).toEqual({ kind: 'confirmed' });
    expect(host.names()).toEqual(['netloom-prepare', 'netloom-commit', 'netloom-confirm']);
    expect(host.sent.map((c) => c.session)).toEqual([1, 1, 2]);
    expect(host.sent[0]!.stdin).toBe(CANDIDATE);
    expect(backups.map(([live]) => live)).toEqual([LIVE]);
    expect(backups[0]![1]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(events.map(([s, st]) => `${s} ${st}`)).toEqual(
      expect.arrayContaining([
        'connect running',
        'connect done',
        'lock done',
        'arm done',
        'apply done',
        'reconnect done',
        'confirm done',
      ]),
    );
  });

  it('passes every value as its own argument after a constant script', async () => {
    const host = new FakeHost(happy);
    const { driver } = driverFor(host);
    await driver.loadCandidate(CANDIDATE);
    await driver.commit({ revertIn: 2 });
    await driver.confirm();
    const scripts = [PREPARE, COMMIT, CONFIRM];
    host.sent.forEach((c, i) => {
      expect(c.argv.slice(0, 3)).toEqual(['sh', '-c', scripts[i]]);
    });
    const [prepare, commit, confirm] = host.sent.map((c) => c.argv.slice(4));
    const token = prepare![0]!;
    expect(token).toMatch(/^[0-9a-f]{16}$/);
    expect(prepare).toEqual([token, '/etc/network/interfaces', expect.stringMatching(/ pid \d+$/), '900']);
    expect(commit!.slice(0, 2)).toEqual([token, '2']);
    expect(commit!.at(-1)).toBe(ROLLBACK);
    expect(confirm).toEqual([token, '10.9.0.2']);
  });

  it('reports a live file equal to the candidate as unchanged', async () => {
    const host = new FakeHost(() => ({ code: 10, stderr: ['@netloom unchanged'] }));
    const { driver } = driverFor(host);
    expect(await driver.loadCandidate(CANDIDATE)).toMatchObject({ unchanged: true });
    expect(driver.compare()).toBe('');
  });

  it('refuses a host another deploy holds, naming the holder', async () => {
    const host = new FakeHost(() => ({
      code: 75,
      stderr: ['@netloom locked ann@laptop pid 12, for up to 300 s more'],
    }));
    const { driver } = driverFor(host);
    const error = await driver.loadCandidate(CANDIDATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockError);
    expect((error as LockError).message).toContain('ann@laptop pid 12');
  });

  it('turns a syntax-check rejection into a CandidateError with ifupdown2 output', async () => {
    const host = new FakeHost(() => ({
      code: 65,
      stderr: [
        '@netloom out warning: eth9: interface not found',
        '@netloom out error: /etc/network/.interfaces.netloom-x: line3: invalid attribute',
        '@netloom step check failed ifup -a -s rejected the candidate',
      ],
    }));
    const { driver } = driverFor(host);
    const error = await driver.loadCandidate(CANDIDATE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as CandidateError).message).toBe(
      'ifup -a -s rejected the candidate: error: /etc/network/.interfaces.netloom-x: line3: invalid attribute',
    );
    expect((error as CandidateError).output).toContain('warning: eth9');
  });

  it('reports an apply error as rolled back at once', async () => {
    const host = new FakeHost((name) =>
      name === 'netloom-commit'
        ? { code: 70, stderr: steps('arm done at', 'apply failed ifreload -a exited 1', 'rollback done') }
        : happy(name),
    );
    const { driver } = driverFor(host);
    await driver.loadCandidate(CANDIDATE);
    const error = await driver.commit({ revertIn: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommitError);
    expect((error as CommitError).rolledBack).toBe(true);
    expect((error as CommitError).message).toContain('ifreload -a exited 1');
  });

  it('after a lost session and no new connection in the window, waits and verifies the revert', async () => {
    const host = new FakeHost((name) => {
      if (name === 'netloom-commit')
        return { code: 0, stderr: steps('arm done at'), fail: new SshConnectionError('connection reset', '10.9.0.2') };
      if (name === 'netloom-status')
        return { code: 0, stdout: LIVE, stderr: ['@netloom last token=x result=rolled-back mode=timer ifreload=0'] };
      return happy(name);
    });
    const { driver } = driverFor(host);
    await driver.loadCandidate(CANDIDATE);
    host.refuseConnects = Array.from({ length: 1000 }, () => new SshConnectionError('connect ETIMEDOUT', '10.9.0.2'));
    const started = Date.now();
    expect(await driver.commit({ revertIn: 1 })).toMatchObject({ kind: 'session-lost' });
    const confirmation = await driver.confirm();
    expect(confirmation).toMatchObject({ kind: 'unreachable', reason: expect.stringContaining('connect ETIMEDOUT') });
    host.refuseConnects = [];
    expect(await driver.awaitRevert()).toEqual({ verified: true, detail: 'restored the backup (ifreload -a exit 0)' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(host.names().at(-1)).toBe('netloom-status');
    expect(host.sent.at(-1)!.argv.slice(0, 3)).toEqual(['sh', '-c', STATUS]);
  });

  it('reports a failed health check as rolled back with the reason', async () => {
    const host = new FakeHost((name) =>
      name === 'netloom-confirm'
        ? { code: 4, stderr: steps('health failed management address 10.9.0.2 missing', 'rollback done') }
        : happy(name),
    );
    const { driver } = driverFor(host);
    await driver.loadCandidate(CANDIDATE);
    await driver.commit({ revertIn: 2 });
    expect(await driver.confirm()).toEqual({
      kind: 'rolled-back',
      reason: 'health check failed: management address 10.9.0.2 missing',
    });
  });

  it('discards a prepared candidate and the lock', async () => {
    const host = new FakeHost(happy);
    const { driver } = driverFor(host);
    await driver.loadCandidate(CANDIDATE);
    await driver.discard();
    expect(host.sent.at(-1)!.argv.slice(0, 3)).toEqual(['sh', '-c', DISCARD]);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal files and a unified diff otherwise', () => {
    expect(unifiedDiff('/etc/network/interfaces', LIVE, LIVE)).toBe('');
    const diff = unifiedDiff('/etc/network/interfaces', LIVE, CANDIDATE);
    expect(diff.split('\n').slice(0, 2)).toEqual([
      '--- a/etc/network/interfaces\tlive',
      '+++ b/etc/network/interfaces\tcandidate',
    ]);
    expect(diff).toContain('@@ -1,3 +1,4 @@');
  });
});
