/**
 * Deploys to real hosts (test bed: network namespaces with OpenSSH sshd and
 * ifupdown2): a harmless change confirmed on 3 hosts with the files equal to
 * the export; unchanged on a second run; a dry run changes nothing; a locked
 * host is refused (7); a changed host key is refused before anything is written (6);
 * a long window is armed with `at` no later than its deadline.
 */
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DebianDriver } from '../../../electron/engine/deploy/drivers/debian-driver.js';
import { DeployRun } from '../../../electron/engine/deploy/deploy-run.js';
import { describeOutcome } from '../../../shared/deploy/outcome.js';
import { saveLocalBackup } from '../../../electron/engine/deploy/local-backups.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { bedDesign } from './bed-design.js';
import { bedOpener, CONFIRM_WINDOW, deploy, leftovers, plansOf, reachable, tempDataDir } from './deploy-helpers.js';

let bed: Bed;
let dataDir: string;

beforeAll(async () => {
  bed = await createBed(3, { prefix: 'nldep' });
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await bed?.destroy();
});

describe('deploy to the test bed', () => {
  it('confirms a harmless change on 3 hosts; the files on the hosts equal the export', async () => {
    const before = await Promise.all(bed.hosts.map((h) => readFile(h.interfacesPath, 'utf8')));
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1400 }, eth0: { mtu: 1480 } }));
    const result = await deploy(
      plansOf(design),
      {
        openSession: bedOpener(bed, dataDir),
        saveLocalBackup: (h, live, stamp) => saveLocalBackup(dataDir, h, live, stamp),
      },
      CONFIRM_WINDOW,
    );
    expect(result.lines).toEqual(bed.hosts.map((h) => `${h.name}: confirmed`));
    for (const [i, host] of bed.hosts.entries()) {
      expect(await readFile(host.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${host.index}`));
      expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1400\n');
      expect(await host.runOk('cat /sys/class/net/eth0/mtu')).toBe('1480\n');
      expect(await host.runOk('cat /run/netloom.last')).toMatch(/result=confirmed/);
      expect(await leftovers(host)).toEqual([]);
      expect((await host.runOk('atq')).trim()).toBe('');
      // One backup on the host, one in the local data folder, both the file as it was.
      const onHost = (await host.runOk('ls /var/backups/netloom')).trim().split('\n');
      expect(onHost).toHaveLength(1);
      expect(await host.runOk(`cat /var/backups/netloom/${onHost[0]}`)).toBe(before[i]);
      const local = await readdir(join(dataDir, 'backups', host.name));
      expect(await readFile(join(dataDir, 'backups', host.name, local[0]!), 'utf8')).toBe(before[i]);
      expect(await reachable(bed, host, dataDir)).toBe(true);
    }
    const steps = result.events.filter((e) => e.host === bed.hosts[0]!.name && e.state === 'done').map((e) => e.step);
    expect(steps).toEqual([
      'connect',
      'lock',
      'read',
      'upload',
      'check',
      'backup',
      'arm',
      'install',
      'apply',
      'reconnect',
      'health',
      'confirm',
    ]);

    const again = await deploy(plansOf(design), { openSession: bedOpener(bed, dataDir) }, CONFIRM_WINDOW);
    expect(again.lines).toEqual(bed.hosts.map((h) => `${h.name}: unchanged`));
  });

  it('deploys as a sudo user (NOPASSWD): every command runs through sudo -n and the change is confirmed', async () => {
    const host = bed.hosts[2]!;
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1420 } }), [host.index]);
    design.hosts[0]!.ssh = { ...design.hosts[0]!.ssh!, user: bed.users.sudoNoPassword };
    const result = await deploy(plansOf(design), { openSession: bedOpener(bed, dataDir) }, CONFIRM_WINDOW);
    expect(result.lines).toEqual([`${host.name}: confirmed`]);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${host.index}`));
    expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1420\n');
    // The file was installed by root through sudo, not by the login user.
    expect(await host.runOk('stat -c %U /etc/network/interfaces')).toBe('root\n');
    expect(await leftovers(host)).toEqual([]);
  });

  it('dry run: shows the diff and the ifup -s verdict, changes and leaves nothing', async () => {
    const host = bed.hosts[0]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const run = new DeployRun(
      plansOf(
        bedDesign(bed, () => ({ eth1: { mtu: 1300 } })),
        [host.name],
      ),
      { openSession: bedOpener(bed, dataDir) },
    );
    const [preparation] = await run.prepare();
    expect(preparation).toMatchObject({ state: 'ready', diff: expect.stringMatching(/-\tmtu 1400\n\+\tmtu 1300/) });
    expect((await run.discard()).map((r) => describeOutcome(r.outcome))).toEqual([
      'checked: would change, ifup -s accepts it',
    ]);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await leftovers(host)).toEqual([]);
  });

  it('(7) refuses a second deploy to a locked host, naming who holds it; breaks only a stale lock', async () => {
    const host = bed.hosts[1]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1350 } }));
    const first = new DeployRun(plansOf(design, [host.name]), { openSession: bedOpener(bed, dataDir) });
    expect((await first.prepare())[0]!.state).toBe('ready');
    const second = await deploy(plansOf(design, [host.name]), { openSession: bedOpener(bed, dataDir) }, CONFIRM_WINDOW);
    expect(second.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${host.name}: failed before change: host is locked by another deploy: \\S+@\\S+ pid ${process.pid}, for up to \\d+ s more$`,
        ),
      ),
    ]);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    await first.discard();
    expect(await leftovers(host)).toEqual([]);

    // A lock whose lease ran out (its deploy died without a session to clean up) is broken.
    await host.runOk(
      "mkdir /run/netloom.lock && printf 'token=0\\nowner=ghost@gone pid 1\\nsince=1\\nexpires=2\\n' > /run/netloom.lock/owner",
    );
    const third = await deploy(plansOf(design, [host.name]), { openSession: bedOpener(bed, dataDir) }, CONFIRM_WINDOW);
    expect(third.lines).toEqual([`${host.name}: confirmed`]);
    expect(third.events.find((e) => e.step === 'lock' && e.state === 'done')?.detail).toMatch(
      /^broke a stale lock of ghost@gone pid 1 \(expired \d+ s ago\)$/,
    );
  });

  it('(6) refuses a changed host key before anything is written', async () => {
    const host = bed.hosts[2]!;
    const oldKeys = join(dataDir, 'known_hosts.before-rekey');
    await copyFile(bed.knownHostsFile, oldKeys);
    await bed.rekey(host.index);
    const before = await readFile(host.interfacesPath, 'utf8');
    const sshdLogBefore = await host.runOk('cat /run/sshd.log');
    const result = await deploy(
      plansOf(
        bedDesign(bed, () => ({ eth1: { mtu: 1280 } })),
        [host.name],
      ),
      { openSession: bedOpener(bed, dataDir, oldKeys) },
      CONFIRM_WINDOW,
    );
    expect(result.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${host.name}: failed before change: WARNING: the ssh-ed25519 host key of ${host.mgmtAddress.replaceAll('.', '\\.')} has CHANGED to ${host.hostKeyFingerprint.replace(/[+/]/g, '\\$&')}`,
        ),
      ),
    ]);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await leftovers(host)).toEqual([]);
    // No login happened: sshd logged no accepted key for this attempt.
    const sshdLog = (await host.runOk('cat /run/sshd.log')).slice(sshdLogBefore.length);
    expect(sshdLog).not.toMatch(/Accepted publickey/);
  });

  it('arms a long window with an at job that fires no later than the deadline (then sleeps to it); confirm removes the job', async () => {
    const host = bed.hosts[0]!;
    const [plan] = plansOf(bedDesign(bed, () => ({ eth1: { mtu: 1410 } }), [host.index]));
    const driver = new DebianDriver({ target: plan!.target, openSession: bedOpener(bed, dataDir) });
    await driver.loadCandidate(plan!.candidate.content);
    expect(await driver.commit({ revertIn: 150 })).toEqual({ kind: 'applied' });
    const deadline = Number(await host.runOk('cat /run/netloom.lock/deadline'));
    // atq: `JOB<TAB>Mon Nov 23 09:38:00 2026 a root`
    const [job, when] = (await host.runOk('atq')).trim().split('\t');
    expect(await host.runOk('cat /run/netloom.lock/timer')).toBe(`at ${job}\n`);
    const fires = Number(await host.runOk(`date -d '${/^.*\d{4}/.exec(when!)![0]}' +%s`));
    // `at now + 2 minutes` fires on a minute boundary between 60 and 120 s from now: before the deadline (150 s).
    expect(fires).toBeLessThanOrEqual(deadline);
    expect(fires).toBeGreaterThan(deadline - 150 + 59);
    expect(await driver.confirm()).toEqual({ kind: 'confirmed' });
    expect((await host.runOk('atq')).trim()).toBe('');
    expect(await leftovers(host)).toEqual([]);
  });
});
