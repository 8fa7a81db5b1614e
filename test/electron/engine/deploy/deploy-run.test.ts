import { describe, expect, it } from 'vitest';
import { DeployRun } from '../../../../electron/engine/deploy/deploy-run.js';
import { allSucceeded, describeOutcome } from '../../../../shared/deploy/outcome.js';
import type { DevicePlan } from '../../../../electron/engine/deploy/plan.js';
import type { DeployProgress } from '../../../../shared/deploy/progress.js';
import { SshConnectionError } from '../../../../electron/engine/ssh/errors.js';
import { FakeHost, steps, type Answer } from './fake-session.js';

const LIVE = 'auto eth0\niface eth0 inet manual\n';
const plan = (name: string): DevicePlan => ({
  deviceId: name,
  driver: 'ifupdown2',
  target: { name, address: '10.9.0.2', port: 22, user: 'root' },
  candidate: { target: 'ifupdown2', path: 'etc/network/interfaces', content: `${LIVE}    mtu 1400\n` },
});

const answers: Record<string, (name: string) => Answer> = {
  good: (name) =>
    name === 'netloom-prepare'
      ? { code: 0, stdout: LIVE }
      : name === 'netloom-commit'
        ? { code: 0, stderr: steps('arm done at', 'apply done') }
        : { code: 0, stderr: steps('confirm done') },
  same: () => ({ code: 10, stderr: ['@netloom unchanged'] }),
  locked: () => ({ code: 75, stderr: ['@netloom locked bob@desk pid 7, for up to 100 s more'] }),
  unhealthy: (name) =>
    name === 'netloom-confirm'
      ? { code: 4, stderr: steps('health failed ifquery -a -c: running state differs from the file') }
      : answers.good!(name),
};

function run(kinds: string[]) {
  const hosts = new Map(kinds.map((k, i) => [`h${i}-${k}`, new FakeHost(answers[k]!)]));
  const events: DeployProgress[] = [];
  const deploy = new DeployRun([...hosts.keys()].map(plan), {
    openSession: (target, options) => {
      const host = hosts.get(target.name);
      if (!host) throw new SshConnectionError('no such host', target.address);
      return host.open(target, options);
    },
    onProgress: (e) => events.push(e),
    timing: { revertMarginS: 0, reconnectAttemptMs: 100, reachAfterRevertMs: 500 },
  });
  return { deploy, hosts, events };
}

describe('DeployRun', () => {
  it('deploys every host in parallel; one failing host does not stop the others', async () => {
    const { deploy, hosts, events } = run(['good', 'locked', 'same', 'unhealthy', 'good']);
    const preparations = await deploy.prepare();
    expect(preparations.map((p) => p.state)).toEqual(['ready', 'failed', 'unchanged', 'ready', 'ready']);
    expect(preparations[0]).toMatchObject({ diff: expect.stringContaining('+    mtu 1400') });
    const reports = await deploy.apply({ revertIn: 5 });
    expect(reports.map((r) => `${r.host}: ${describeOutcome(r.outcome)}`)).toEqual([
      'h0-good: confirmed',
      'h1-locked: failed before change: host is locked by another deploy: bob@desk pid 7, for up to 100 s more',
      'h2-same: unchanged',
      'h3-unhealthy: rolled back: health check failed: ifquery -a -c: running state differs from the file',
      'h4-good: confirmed',
    ]);
    expect(allSucceeded(reports)).toBe(false);
    expect(hosts.get('h2-same')!.names()).toEqual(['netloom-prepare']);
    expect(events.filter((e) => e.step === 'confirm' && e.state === 'done').map((e) => e.host)).toEqual([
      'h0-good',
      'h4-good',
    ]);
    expect(events.every((e) => typeof e.at === 'number')).toBe(true);
  });

  it('discards instead of applying (dry run): prepared hosts are checked, released, and count as success', async () => {
    const { deploy, hosts } = run(['good', 'same']);
    await deploy.prepare();
    const reports = await deploy.discard();
    expect(reports.map((r) => describeOutcome(r.outcome))).toEqual([
      'checked: would change, ifup -s accepts it',
      'unchanged',
    ]);
    expect(allSucceeded(reports)).toBe(true);
    expect(hosts.get('h0-good')!.names()).toEqual(['netloom-prepare', 'netloom-discard']);
  });

  it('reports a host that cannot be reached as failed before change', async () => {
    const { deploy } = run(['good']);
    const unreachable = new DeployRun([plan('ghost')], {
      openSession: async () => {
        throw new SshConnectionError('10.9.0.2 is unreachable (no route to host)', '10.9.0.2');
      },
    });
    await unreachable.prepare();
    expect((await unreachable.apply({ revertIn: 5 })).map((r) => describeOutcome(r.outcome))).toEqual([
      'failed before change: 10.9.0.2 is unreachable (no route to host)',
    ]);
    await deploy.prepare();
    expect(allSucceeded(await deploy.apply({ revertIn: 5 }))).toBe(true);
  });
});
