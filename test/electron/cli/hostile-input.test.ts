import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { EXAMPLE, ROOT, runCli, type CliRun } from '../../helpers/cli.js';
import { exampleJson } from '../../helpers/design.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-hostile-'));

/** A message on stderr, exit 2, no stack trace. */
function refusedCleanly(run: CliRun, message: string | RegExp): void {
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(run.stderr).toMatch(
    typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message,
  );
  expect(run.status).toBe(2);
}

const INTERFACES = 'auto eno1\niface eno1 inet manual\n';

const mounts: string[] = [];
/** A tmpfs of its own (root only): `ro` for EROFS, a tiny size for ENOSPC. */
function tmpfs(options: string): string {
  const dir = tempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});

/** Runs the CLI without waiting, for runs that must overlap. */
function runCliAsync(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/netloom.js`, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('text from designs and hosts is shown, not run by the terminal', () => {
  const ESC = '\x1b';

  it('import warnings show the escape sequences of the interfaces file', () => {
    const dir = tempDir();
    const file = join(dir, 'interfaces');
    writeFileSync(file, `auto eno1\niface eno1 inet static\n\taddress 10.0.0.300/24${ESC}[1A${ESC}[2K\n`);
    const run = runCli(['import', 'interfaces', file]);
    expect(run.stderr).toContain('10.0.0.300/24^[[1A^[[2K');
    expect(run.stderr).not.toContain(ESC);
  });

  it('check messages show the escape sequences and bidi overrides of a design', () => {
    const json = exampleJson();
    json.switches[0].portChannels[0].description = 'uplink\u202Eevil';
    const file = join(tempDir(), 'lab.netloom.json');
    writeFileSync(file, JSON.stringify(json));
    const run = runCli(['check', file]);
    expect(run.stdout).toContain('uplink<U+202E>evil');
    expect(run.stdout).not.toContain('\u202E');
    const asJson = runCli(['check', '--json', file]);
    expect(asJson.stdout).not.toContain('\u202E');
    expect(JSON.stringify(JSON.parse(asJson.stdout))).toContain('uplink\u202Eevil');
    json.hosts[0].name = `ms01${ESC}[2K`;
    writeFileSync(file, JSON.stringify(json));
    const broken = runCli(['check', file]);
    expect(broken.stderr).toContain('"ms01^[[2K"');
    expect(broken.stderr).not.toContain(ESC);
  });

  it('bond-status shows the escape sequences of a saved bonding file', () => {
    const file = join(tempDir(), 'bond0');
    writeFileSync(
      file,
      `Bonding Mode: load balancing (xor)\nMII Status: up\n\nSlave Interface: eno1${ESC}[2K\nMII Status: up\n`,
    );
    const run = runCli(['bond-status', file]);
    expect(run.stdout).toContain('eno1^[[2K up');
    expect(run.stdout).not.toContain(ESC);
  });
});

describe('every verb: no stack trace for an environment error', () => {
  it('ENOTDIR: a file where a folder is expected', () => {
    const dir = tempDir();
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    const interfaces = join(dir, 'interfaces');
    writeFileSync(interfaces, INTERFACES);
    refusedCleanly(runCli(['export', EXAMPLE, '--out', join(file, 'out')]), `cannot export into ${join(file, 'out')}`);
    refusedCleanly(
      runCli(['import', 'interfaces', interfaces, '-o', join(file, 'lab.netloom.json')]),
      `${join(file, 'lab.netloom.json')}`,
    );
    refusedCleanly(runCli(['check', join(file, 'lab.netloom.json')]), `cannot read ${join(file, 'lab.netloom.json')}`);
  });

  it('EROFS: a read-only file system', () => {
    const ro = tmpfs('ro,size=64k');
    const interfaces = join(tempDir(), 'interfaces');
    writeFileSync(interfaces, INTERFACES);
    refusedCleanly(
      runCli(['export', EXAMPLE, '--out', join(ro, 'out')]),
      `cannot export into ${join(ro, 'out')}: the file system is read-only`,
    );
    refusedCleanly(
      runCli(['import', 'interfaces', interfaces, '-o', join(ro, 'lab.netloom.json')]),
      'the file system is read-only',
    );
  });

  it('ENOSPC: a full disk leaves the design and its folder as they were', () => {
    const full = tmpfs('size=64k');
    const design = join(full, 'lab.netloom.json');
    copyFileSync(EXAMPLE, design);
    const before = readFileSync(design, 'utf8');
    writeFileSync(`${design}.bak`, 'the version before\n');
    writeFileSync(join(full, 'filler'), Buffer.alloc(64 * 1024 - before.length - 8192));
    const interfaces = join(tempDir(), 'interfaces');
    writeFileSync(interfaces, INTERFACES);
    const run = runCli(['import', 'interfaces', interfaces, '--host', 'pve9', '--into', design]);
    refusedCleanly(run, `cannot save ${design}: no space left on the device; the file was not changed`);
    expect(readFileSync(design, 'utf8')).toBe(before);
    expect(readFileSync(`${design}.bak`, 'utf8')).toBe('the version before\n');
    expect(execFileSync('ls', ['-A', full], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual([
      'filler',
      'lab.netloom.json',
      'lab.netloom.json.bak',
    ]);
  });

  it('a bridge name the model accepts but Proxmox refuses: check says so, export names the device', () => {
    const json = exampleJson();
    json.hosts[0].bridges.find((b: { name: string }) => b.name === 'vmbr1').name = 'vmbr+1';
    const file = join(tempDir(), 'lab.netloom.json');
    writeFileSync(file, JSON.stringify(json));
    const check = runCli(['check', file]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('error names/proxmox-vm-bridge ms01-vmbr1');
    const run = runCli(['export', file, '--out', join(tempDir(), 'out')]);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(run.stderr).toMatch(/^netloom: cannot render the configuration of ms01: .*vmbr\+1/m);
    expect(run.status).toBe(2);
  });
});

describe('nothing hangs on a special file', () => {
  it('check, import and bond-status refuse a FIFO', () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    refusedCleanly(runCli(['check', fifo]), `cannot read ${fifo}: it is a FIFO (named pipe), not a regular file`);
    refusedCleanly(
      runCli(['import', 'interfaces', fifo]),
      `cannot read ${fifo}: it is a FIFO (named pipe), not a regular file`,
    );
    refusedCleanly(runCli(['bond-status', fifo]), `cannot read ${fifo}: it is a FIFO (named pipe), not a regular file`);
  });

  it('export --out "" is refused instead of writing into the current folder', () => {
    const cwd = tempDir();
    refusedCleanly(runCli(['export', EXAMPLE, '--out', ''], { cwd }), '--out needs a folder');
    expect(execFileSync('ls', ['-A', cwd], { encoding: 'utf8' })).toBe('');
  });

  it.each(['/proc/self', '/sys', '/dev'])('export --out %s is refused', (dir) => {
    refusedCleanly(runCli(['export', EXAMPLE, '--out', dir]), `cannot export into ${dir}: it is a system folder`);
  });

  it('an interfaces file over the limit is refused naming the limit', () => {
    const file = join(tempDir(), 'interfaces');
    writeFileSync(file, `${INTERFACES}${'#'.repeat(9 * 1024 * 1024)}\n`);
    refusedCleanly(runCli(['import', 'interfaces', file]), 'Netloom reads interfaces files of up to 8 MiB');
    refusedCleanly(
      runCli(['import', 'interfaces', '-'], { input: readFileSync(file, 'utf8') }),
      'standard input is more than 8 MiB',
    );
  });
});

describe('saving a shared design', () => {
  it('import --into does not write through a .bak link planted in a cloned repo', () => {
    const dir = tempDir();
    const design = join(dir, 'lab.netloom.json');
    copyFileSync(EXAMPLE, design);
    const home = tempDir();
    writeFileSync(join(home, '.bashrc'), 'alias ll="ls -l"\n');
    symlinkSync(join(home, '.bashrc'), `${design}.bak`);
    const interfaces = join(dir, 'interfaces');
    writeFileSync(interfaces, INTERFACES);
    const run = runCli(['import', 'interfaces', interfaces, '--host', 'pve9', '--into', design]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('alias ll="ls -l"\n');
    expect(readFileSync(`${design}.bak`, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('ten import --into runs at once into one design keep all ten hosts', async () => {
    const dir = tempDir();
    const design = join(dir, 'lab.netloom.json');
    copyFileSync(EXAMPLE, design);
    const interfaces = join(dir, 'interfaces');
    writeFileSync(interfaces, INTERFACES);
    const names = Array.from({ length: 10 }, (_, i) => `pve${i}`);
    const runs = await Promise.all(
      names.map((host) => runCliAsync(['import', 'interfaces', interfaces, '--host', host, '--into', design])),
    );
    for (const run of runs) expect(run).toMatchObject({ status: 0 });
    const result = parseDesign(readFileSync(design, 'utf8'));
    expect(result.ok && result.design.hosts.map((h) => h.name)).toEqual(expect.arrayContaining(names));
    mkdirSync(join(dir, 'x'));
    rmSync(join(dir, 'x'), { recursive: true });
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()).toEqual([
      'interfaces',
      'lab.netloom.json',
      'lab.netloom.json.bak',
    ]);
  });
});
