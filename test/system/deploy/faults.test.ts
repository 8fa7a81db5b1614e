/**
 * Fault cases on real hosts, each asserting the host's file and reachability
 * afterwards: (1) losing the management address rolls back by itself;
 * (3) a cable pulled during upload leaves the original untouched; (4) a
 * candidate `ifup -s` rejects is never installed; (5) an apply error rolls
 * back at once; a failed health check rolls back at once; without atd the rollback is a setsid sleeper that fires
 * at the deadline all the same.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DebianDriver } from '../../../electron/engine/deploy/drivers/debian-driver.js';
import type { DevicePlan } from '../../../electron/engine/deploy/plan.js';
import type { SessionOpener } from '../../../electron/engine/deploy/session.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';
import { bedDesign } from './bed-design.js';
import { bedOpener, CONFIRM_WINDOW, deploy, leftovers, plansOf, reachable, tempDataDir } from './deploy-helpers.js';

let bed: Bed;
let dataDir: string;

beforeAll(async () => {
  bed = await createBed(4, { prefix: 'nlflt' });
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await bed?.destroy();
});

/** Window of the deploy that loses its host: the test waits it out. */
const WINDOW = 8;
/** Window of deploys that roll back at once: the test asserts they end well before half of it. */
const LONG_WINDOW = 120;
/** Window of the rollback armed without atd, which the test waits out. */
const SLEEPER_WINDOW = 16;

async function expectUntouchedAndReachable(host: BedHost, before: string): Promise<void> {
  expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
  expect(await host.runOk('ip -4 -o addr show dev eth0')).toContain(`${host.mgmtAddress}/24`);
  expect(await reachable(bed, host, dataDir)).toBe(true);
  expect(await leftovers(host)).toEqual([]);
}

describe('deploy faults', () => {
  it('(1) a config without the management address rolls back by itself; the host is reachable again', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const design = bedDesign(
      bed,
      (h) => ({ eth0: { inet: { method: 'static', addresses: [`${h.mgmtAddress.replace(/\.2$/, '.77')}/24`] } } }),
      [host.index],
    );
    const started = Date.now();
    const result = await deploy(
      plansOf(design),
      { openSession: bedOpener(bed, dataDir), timing: { reconnectAttemptMs: 1_000 } },
      WINDOW,
    );
    // The verdict and its class: which reason came out (no reconnect, or the apply outlasting its wait) depends on the machine's load.
    expect(result.reports.map((r) => r.outcome.kind)).toEqual(['rolled-back']);
    expect(result.lines).toEqual([expect.stringMatching(new RegExp(`^${host.name}: rolled back: `))]);
    expect(Date.now() - started).toBeGreaterThan(WINDOW * 1000);
    expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=rolled-back\nmode=timer\nifreload=0/);
    await expectUntouchedAndReachable(host, before);
  });

  it('(3) pulling the management cable during upload leaves the original file untouched', async () => {
    const host = bed.hosts[1]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const opener = bedOpener(bed, dataDir);
    // The cable is pulled the moment the candidate is sent: the command and its stdin are in flight.
    const cutDuringUpload: SessionOpener = async (target, options) => {
      const session = await opener(target, options);
      return {
        run: async (argv, runOptions) => {
          if (argv[3] === 'netloom-prepare') await bed.cut(host.index);
          return session.run(argv, runOptions);
        },
        close: () => session.close(),
      };
    };
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1400 } }), [host.index]);
    const result = await deploy(plansOf(design), { openSession: cutDuringUpload }, WINDOW);
    expect(result.lines).toEqual([
      expect.stringMatching(new RegExp(`^${host.name}: failed before change: connection to .* lost`)),
    ]);
    await bed.heal(host.index);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    // sshd notices the dead session (ClientAliveInterval) and the script, if it ran, cleans up.
    await expect.poll(() => leftovers(host), { timeout: 15_000, interval: 500 }).toEqual([]);
    await expectUntouchedAndReachable(host, before);
    // Nothing is left locked: the next deploy goes through.
    expect((await deploy(plansOf(design), { openSession: opener }, CONFIRM_WINDOW)).lines).toEqual([
      `${host.name}: confirmed`,
    ]);
  });

  it('(4) a candidate that ifup -s rejects is never installed', async () => {
    const host = bed.hosts[2]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const [plan] = plansOf(bedDesign(bed, () => ({}), [host.index]));
    const broken: DevicePlan = {
      ...plan!,
      candidate: {
        ...plan!.candidate,
        content: plan!.candidate.content.replace('iface eth1 inet manual\n', 'iface eth1 inet manual\n\tmtu 70000\n'),
      },
    };
    expect(broken.candidate.content).toContain('mtu 70000');
    const result = await deploy([broken], { openSession: bedOpener(bed, dataDir) }, WINDOW);
    expect(result.lines).toEqual([
      `${host.name}: failed before change: ifup -a -s rejected the candidate: warning: eth1: mtu: value of out range "70000": valid attribute range: 552-9216`,
    ]);
    expect(result.events.some((e) => e.step === 'install')).toBe(false);
    await expectUntouchedAndReachable(host, before);
  });

  it('(5) an apply error rolls back at once, long before the window ends', async () => {
    const host = bed.hosts[3]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    // A VLAN interface passes `ifup -s`, but this kernel has no VLAN links: `ifreload -a` fails.
    const design = bedDesign(bed, () => ({ vlans: [{ name: 'eth1.5', vlan: 5 }] }), [host.index]);
    const started = Date.now();
    const result = await deploy(plansOf(design), { openSession: bedOpener(bed, dataDir) }, LONG_WINDOW);
    expect(result.lines).toEqual([`${host.name}: rolled back: ifreload -a exited 1; restored the backup at once`]);
    expect(Date.now() - started).toBeLessThan((LONG_WINDOW / 2) * 1000);
    expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=rolled-back\nmode=now/);
    expect((await host.runOk('atq')).trim()).toBe('');
    await expectUntouchedAndReachable(host, before);
  });

  it('a failed health check (ifquery -a -c) rolls back at once', async () => {
    const host = bed.hosts[3]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    // A port this host does not have: `ifreload -a` only warns, but the running state cannot match the file.
    const withGhost = bedDesign(bed, () => ({}), [host.index]);
    const [, eth1] = withGhost.hosts[0]!.ports;
    withGhost.hosts[0]!.ports.push({
      ...eth1!,
      id: 'h4-eth7',
      name: 'eth7',
      inet: { method: 'static', addresses: ['10.250.0.1/24'] },
    });
    const started = Date.now();
    const result = await deploy(plansOf(withGhost), { openSession: bedOpener(bed, dataDir) }, LONG_WINDOW);
    expect(result.lines).toEqual([
      `${host.name}: rolled back: health check failed: ifquery -a -c: running state differs from the file`,
    ]);
    expect(Date.now() - started).toBeLessThan((LONG_WINDOW / 2) * 1000);
    expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=rolled-back\nmode=now/);
    await expectUntouchedAndReachable(host, before);
  });

  it('without atd, arms a setsid sleeper that restores the backup at the deadline when nobody confirms', async () => {
    const host = bed.hosts[2]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    await host.runOk('mv /run/atd.pid /run/atd.pid.off');
    try {
      const [plan] = plansOf(bedDesign(bed, () => ({ eth1: { mtu: 1380 } }), [host.index]));
      const driver = new DebianDriver({ target: plan!.target, openSession: bedOpener(bed, dataDir) });
      await driver.loadCandidate(plan!.candidate.content);
      const armedAt = Date.now();
      // Long enough that a busy machine's ifreload fits in the apply wait (half the window).
      expect(await driver.commit({ revertIn: SLEEPER_WINDOW })).toEqual({ kind: 'applied' });
      driver.close();
      expect(await host.runOk('cat /run/netloom.lock/timer')).toMatch(/^setsid \d+\n$/);
      expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1380\n');
      await expect
        .poll(() => host.run('cat /run/netloom.last').then((r) => r.stdout), {
          timeout: (SLEEPER_WINDOW + 40) * 1000,
          interval: 200,
        })
        .toMatch(/result=rolled-back\nmode=timer/);
      expect(Date.now() - armedAt).toBeGreaterThanOrEqual(SLEEPER_WINDOW * 1000);
      expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1500\n');
      await expectUntouchedAndReachable(host, before);
    } finally {
      await host.runOk('mv /run/atd.pid.off /run/atd.pid');
    }
  });
});
