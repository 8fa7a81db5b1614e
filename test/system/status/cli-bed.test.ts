/** `netloom status` against real sshd hosts of the test bed. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../../shared/model/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { ROOT, runCli } from '../../helpers/cli.js';
import { BONDING_DIR, bondingText, saveBondingText, statusDesign } from './bed-status.js';

describe('netloom status on the test bed', () => {
  let bed: Bed;
  let file: string;
  let flags: string[];

  beforeAll(async () => {
    bed = await createBed(2, { prefix: 'nlstc' });
    await saveBondingText(bed.hosts[0]!, bondingText());
    file = join(mkdtempSync(join(tmpdir(), 'netloom-status-')), 'bed.netloom.json');
    writeFileSync(file, serializeDesign(statusDesign(bed)));
    flags = ['--identity', bed.identityFile, '--known-hosts', bed.knownHostsFile, '--bonding-dir', BONDING_DIR];
  });
  afterAll(async () => {
    await bed?.destroy();
  });

  it('reads once and exits 0 when everything is ok', () => {
    const run = runCli(['status', file, ...flags]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`nlstc-1 (root@${bed.hosts[0]!.mgmtAddress}:22): read at `);
    expect(run.stdout).toMatch(/^ {2}ok {10}bond bond0$/m);
    expect(run.stdout).toMatch(/^ {2}ok {10}cable nlstc-2 eth1$/m);
  });

  it('exits 1 and names the port when a data cable is cut, with --json', async () => {
    await bed.cutData(1);
    try {
      const run = runCli(['status', file, '--json', ...flags]);
      expect(run.status).toBe(1);
      const updates = JSON.parse(run.stdout);
      const h1 = updates.find((u: any) => u.host === 'h1');
      expect(h1.elements['h1-eth1']).toMatchObject({
        health: 'down',
        reasons: [expect.stringMatching(/^eth1 has no carrier/)],
      });
      expect(h1.elements['h1-bond0'].health).toBe('ok');
    } finally {
      await bed.healData(1);
    }
  });

  it('reports a host with an untrusted key unreachable, naming the fingerprint', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'netloom-kh-')), 'known_hosts');
    writeFileSync(empty, '');
    // A fresh data folder, so Netloom's own store trusts nothing either.
    const run = spawnSync(
      process.execPath,
      [
        `${ROOT}bin/netloom.js`,
        'status',
        file,
        '--identity',
        bed.identityFile,
        '--known-hosts',
        empty,
        '--bonding-dir',
        BONDING_DIR,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NETLOOM_DATA_DIR: mkdtempSync(join(tmpdir(), 'netloom-data-')) },
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `unreachable nlstc-1 cannot be read: the authenticity of ${bed.hosts[0]!.mgmtAddress}`,
    );
    expect(run.stdout).toContain(bed.hosts[0]!.hostKeyFingerprint);
  });

  it('--watch prints each change as it happens until interrupted', async () => {
    const child = spawn(
      process.execPath,
      [`${ROOT}bin/netloom.js`, 'status', file, '--watch', '--interval', '0.5', ...flags],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // Resolves when the output printed so far matches, checked again on each chunk the command prints.
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const done = () => {
          child.stdout.off('data', check);
          clearTimeout(timer);
        };
        const check = () => {
          if (!pattern.test(out)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} in:\n${out}`));
        }, 15_000);
        child.stdout.on('data', check);
        check();
      });
    try {
      await waitFor(/ok {10}port eth1\n[\s\S]*ok {10}port eth1\n/);
      const before = out.length;
      await bed.cutData(2);
      await waitFor(/down {8}port eth1: eth1 has no carrier/);
      const change = out.slice(before);
      expect(change).toMatch(
        /^nlstc-2 .*: read at .*\n {2}down {8}port eth1: eth1 has no carrier.*\n {2}down {8}cable nlstc-2 eth1: nlstc-2: eth1 has no carrier/m,
      );
      expect(change).not.toContain('port eth0');
      await bed.healData(2);
      await waitFor(/down {8}port eth1[\s\S]*ok {10}port eth1\n/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
