/**
 * `netloom deploy` as a person runs it, on the bed: (8) ten hosts in parallel
 * with one broken config (9 confirmed, 1 rolled back, exit 1); (2) the
 * deploying process killed after apply and before confirm: the host rolls
 * back by itself; an unknown host key refused under --yes; on a terminal, the
 * key and the apply are asked for. Runs the built
 * CLI (`npm test` builds first; by hand: `node build/compile.mjs`).
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { sh } from '../../../shared/shell/quote.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { ROOT } from '../../helpers/cli.js';
import { bedDesign } from './bed-design.js';
import { leftovers, reachable, tempDataDir } from './deploy-helpers.js';

let bed: Bed;
let dataDir: string;
/**
 * Confirm window of the ten-host deploy: nine healthy hosts must confirm in it
 * while ten `ifreload`s and logins load 2 cores; the broken one waits it out.
 */
const WINDOW = 30;
/** Window of the deploy whose process is killed: the host's apply must fit in half of it. */
const KILLED_WINDOW = 20;

beforeAll(async () => {
  bed = await createBed(11, { prefix: 'nlcli' });
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await bed?.destroy();
});

async function designFile(design: Design, name: string): Promise<string> {
  const file = join(dataDir, `${name}.netloom.json`);
  await writeFile(file, serializeDesign(design));
  return file;
}

interface Child {
  readonly exit: Promise<number | null>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves when stdout has a line matching `pattern`. */
  readonly waitFor: (pattern: RegExp) => Promise<void>;
  readonly kill: () => void;
}

/** Runs `netloom deploy`; with `terminal`, inside a pseudo-terminal (`script`), answering with `answer()`. */
function netloomDeploy(
  args: readonly string[],
  knownHosts = bed.knownHostsFile,
  terminal = false,
): Child & { answer: (text: string) => void } {
  const argv = [
    process.execPath,
    `${ROOT}bin/netloom.js`,
    'deploy',
    ...args,
    '--identity',
    bed.identityFile,
    '--known-hosts',
    knownHosts,
  ];
  const [file, fileArgs] = terminal ? ['script', ['-qec', sh(argv), '/dev/null']] : [argv[0]!, argv.slice(1)];
  const child = spawn(file, fileArgs, {
    env: { ...process.env, NETLOOM_DATA_DIR: dataDir },
    stdio: [terminal ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of [...waiters]) {
      if (!w.pattern.test(out)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  return {
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern) =>
      pattern.test(out) ? Promise.resolve() : new Promise((resolve) => waiters.push({ pattern, resolve })),
    kill: () => child.kill('SIGKILL'),
    answer: (text) => child.stdin?.write(text),
  };
}

describe('netloom deploy on the bed', () => {
  it('(8) deploys 10 hosts in parallel; one broken config is rolled back and reported, the other 9 confirmed', async () => {
    const ten = bed.hosts.slice(0, 10);
    const broken = ten[6]!;
    const before = await readFile(broken.interfacesPath, 'utf8');
    const design = bedDesign(
      bed,
      (h) =>
        h === broken
          ? { eth0: { inet: { method: 'static', addresses: [`${h.mgmtAddress.replace(/\.2$/, '.66')}/24`] } } }
          : { eth1: { mtu: 1450 } },
      ten.map((h) => h.index),
    );
    const run = netloomDeploy([await designFile(design, 'ten'), '--yes', '--confirm-timeout', String(WINDOW)]);
    expect(await run.exit).toBe(1);
    const summary = run.stdout().trim().split('\n').slice(-10);
    expect(summary).toEqual(
      ten.map((h) =>
        h === broken
          ? expect.stringMatching(new RegExp(`^${h.name} +rolled back: `))
          : expect.stringMatching(new RegExp(`^${h.name} +confirmed$`)),
      ),
    );
    // Progress came as one line per host and step.
    expect(run.stdout()).toMatch(new RegExp(`^${ten[0]!.name} +arm +done: at, fires in ${WINDOW} s$`, 'm'));
    for (const h of ten) {
      if (h === broken) expect(await readFile(h.interfacesPath, 'utf8')).toBe(before);
      else expect(await readFile(h.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${h.index}`));
      expect(await reachable(bed, h, dataDir)).toBe(true);
      expect(await leftovers(h)).toEqual([]);
    }
  });

  it('(2) the deploying process killed after apply and before confirm: the host rolls back by itself', async () => {
    const host = bed.hosts[10]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1234 } }), [host.index]);
    const run = netloomDeploy([
      await designFile(design, 'killed'),
      '--yes',
      '--confirm-timeout',
      String(KILLED_WINDOW),
    ]);
    await run.waitFor(new RegExp(`^${host.name} +apply +done$`, 'm'));
    run.kill();
    expect(await run.exit).toBe(null);
    expect(run.stdout()).not.toMatch(/confirm +done/);
    // Applied and armed: the new MTU is live, the rollback pending.
    expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1234\n');
    expect(await host.runOk('ls /run/netloom.lock')).toMatch(/armed\./);
    await expect
      .poll(() => host.run('cat /run/netloom.last').then((r) => r.stdout), {
        timeout: (KILLED_WINDOW + 40) * 1000,
        interval: 250,
      })
      .toMatch(/result=rolled-back\nmode=timer\nifreload=0/);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await host.runOk('cat /sys/class/net/eth1/mtu')).toBe('1500\n');
    expect(await reachable(bed, host, dataDir)).toBe(true);
    expect(await leftovers(host)).toEqual([]);
  });

  it('refuses an unknown host key under --yes, showing its SHA256 fingerprint (--json)', async () => {
    const host = bed.hosts[10]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const empty = join(dataDir, 'empty_known_hosts');
    await writeFile(empty, '');
    const run = netloomDeploy(
      [
        await designFile(
          bedDesign(bed, () => ({ eth1: { mtu: 1400 } }), [host.index]),
          'unknown-key',
        ),
        '--yes',
        '--json',
      ],
      empty,
    );
    expect(await run.exit).toBe(1);
    const result = JSON.parse(run.stdout());
    expect(result).toEqual({
      ok: false,
      hosts: [
        {
          host: host.name,
          result: `failed before change: the authenticity of ${host.mgmtAddress} cannot be established: its ssh-ed25519 key is ${host.hostKeyFingerprint}`,
          kind: 'failed-before-change',
          reason: expect.any(String),
          diff: '',
        },
      ],
    });
    expect(run.stderr()).toMatch(new RegExp(`^${host.name} +connect +failed: the authenticity`, 'm'));
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await readFile(join(dataDir, 'known_hosts'), 'utf8').catch(() => '')).not.toContain(host.mgmtAddress);
  });

  it('on a terminal: asks to trust an unknown key (SHA256:...), shows the diff, and a "no" changes nothing', async () => {
    const host = bed.hosts[9]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const empty = join(dataDir, 'empty_known_hosts_2');
    await writeFile(empty, '');
    const design = bedDesign(bed, () => ({ eth1: { mtu: 1300 } }), [host.index]);
    const run = netloomDeploy([await designFile(design, 'asked')], empty, true);
    await run.waitFor(/Trust it and continue\? \[y\/N\] /);
    expect(run.stdout()).toContain(`fingerprint ${host.hostKeyFingerprint}`);
    run.answer('y\n');
    await run.waitFor(/Apply to .*\[y\/N\] /);
    expect(run.stdout()).toMatch(/-\tmtu 1450\r?\n\+\tmtu 1300/);
    run.answer('n\n');
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toMatch(new RegExp(`${host.name} +failed before change: not applied: declined`));
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await leftovers(host)).toEqual([]);
    // The accepted key is in Netloom's store: the next run does not ask.
    expect(await readFile(join(dataDir, 'known_hosts'), 'utf8')).toContain(host.mgmtAddress);
  });

  it('--dry-run shows the diff and the check, changes nothing, exits 0', async () => {
    const host = bed.hosts[9]!;
    const before = await readFile(host.interfacesPath, 'utf8');
    const run = netloomDeploy([
      await designFile(
        bedDesign(bed, () => ({ eth1: { mtu: 1280 } }), [host.index]),
        'dry',
      ),
      '--dry-run',
    ]);
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain(`=== ${host.name}: /etc/network/interfaces`);
    expect(run.stdout()).toMatch(/\+\tmtu 1280/);
    expect(run.stdout()).toMatch(new RegExp(`^${host.name} +checked: would change, ifup -s accepts it$`, 'm'));
    expect(run.stdout()).not.toMatch(/ (backup|arm|install|apply) /);
    expect(await readFile(host.interfacesPath, 'utf8')).toBe(before);
    expect(await leftovers(host)).toEqual([]);
  });
});
