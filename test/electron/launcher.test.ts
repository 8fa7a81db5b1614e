/**
 * `npm start` (dist/start.js): Electron when its binary is there, else
 * `netloom serve --open` with one line saying why. Electron's binary is never
 * downloaded here, so the real run takes the fallback.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLaunch, fallbackNotice, findElectronPackage, serveArgs } from '../../electron/launcher.js';
import { ROOT } from '../helpers/cli.js';

const DISPLAY = { DISPLAY: ':0' };

/** A folder shaped like node_modules/electron after `npm install`, with or without the download. */
function electronPackage(options: { pathTxt?: string; binary?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-electron-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"electron"}');
  if (options.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    mkdirSync(dirname(join(dir, 'dist', options.binary)), { recursive: true });
    writeFileSync(join(dir, 'dist', options.binary), '');
    chmodSync(join(dir, 'dist', options.binary), 0o755);
  }
  return dir;
}

describe('chooseLaunch', () => {
  it('starts Electron when path.txt names a binary that is there', () => {
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(chooseLaunch({ electronDir: dir, env: DISPLAY, platform: 'linux' })).toEqual({
      kind: 'electron',
      binary: join(dir, 'dist', 'electron'),
    });
    const mac = electronPackage({
      pathTxt: 'Electron.app/Contents/MacOS/Electron',
      binary: 'Electron.app/Contents/MacOS/Electron',
    });
    expect(chooseLaunch({ electronDir: mac, env: {}, platform: 'darwin' })).toEqual({
      kind: 'electron',
      binary: join(mac, 'dist', 'Electron.app/Contents/MacOS/Electron'),
    });
  });

  it('serves, saying why, when the binary was never downloaded', () => {
    const dir = electronPackage({});
    expect(chooseLaunch({ electronDir: dir, env: DISPLAY, platform: 'linux' })).toEqual({
      kind: 'serve',
      reason: `Electron's binary was never downloaded (no ${join(dir, 'path.txt')}; offline, a proxy, or ELECTRON_SKIP_BINARY_DOWNLOAD during npm install)`,
    });
  });

  it('serves when path.txt is there but the binary is not', () => {
    const dir = electronPackage({ pathTxt: 'electron' });
    expect(chooseLaunch({ electronDir: dir, env: DISPLAY, platform: 'linux' })).toEqual({
      kind: 'serve',
      reason: `Electron's binary is missing (${join(dir, 'dist', 'electron')})`,
    });
  });

  it('serves when the electron package is not installed, or on Linux without a display', () => {
    expect(chooseLaunch({ electronDir: undefined, env: DISPLAY, platform: 'linux' })).toEqual({
      kind: 'serve',
      reason: 'the electron package is not installed',
    });
    const dir = electronPackage({ pathTxt: 'electron', binary: 'electron' });
    expect(chooseLaunch({ electronDir: dir, env: {}, platform: 'linux' })).toMatchObject({
      kind: 'serve',
      reason: expect.stringContaining('no graphical display'),
    });
    expect(chooseLaunch({ electronDir: dir, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toMatchObject({
      kind: 'electron',
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const dist = mkdtempSync(join(tmpdir(), 'netloom-electron-dist-'));
    writeFileSync(join(dist, 'electron'), '');
    const dir = electronPackage({});
    expect(
      chooseLaunch({ electronDir: dir, env: { ...DISPLAY, ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' }),
    ).toEqual({ kind: 'electron', binary: join(dist, 'electron') });
  });

  it('finds the installed electron package without running its index.js (which would download)', () => {
    expect(findElectronPackage(join(ROOT, 'package.json'))).toBe(realpathSync(join(ROOT, 'node_modules', 'electron')));
    expect(findElectronPackage(join(tmpdir(), 'x.js'))).toBeUndefined();
  });

  it('hands the command line to serve and opens the browser', () => {
    expect(serveArgs([])).toEqual(['serve', '--open']);
    expect(serveArgs(['lab.netloom.json', '--port', '0'])).toEqual([
      'serve',
      'lab.netloom.json',
      '--port',
      '0',
      '--open',
    ]);
    expect(fallbackNotice('why').split('\n')).toEqual([
      'netloom: cannot start the desktop app: why. Opening the designer in your browser instead (netloom serve --open).',
      '',
    ]);
  });
});

/** `npm start` as a user runs it here, up to the moment it prints the served URL. */
async function startServing() {
  const dataDir = mkdtempSync(join(tmpdir(), 'netloom-start-'));
  // No xdg-open on PATH: the browser cannot open, which serve reports and survives.
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'start.js'), '--port', '0'], {
    cwd: ROOT,
    env: { PATH: dirname(process.execPath), HOME: process.env.HOME, NETLOOM_DATA_DIR: dataDir },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(stdout);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, exited, url, dataDir, stderr: () => stderr };
}

// Each test starts Node and the whole CLI: give a loaded machine the time runCli gives it.
describe('npm start here (no Electron binary)', { timeout: 60_000 }, () => {
  it('prints one line saying why, then serves the designer', async () => {
    const run = await startServing();
    expect(run.stderr().split('\n')[0]).toMatch(
      /^netloom: cannot start the desktop app: Electron's binary (was never downloaded|is missing) .*\. Opening the designer in your browser instead \(netloom serve --open\)\.$/,
    );
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect((await fetch(run.url)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('shuts down cleanly on a SIGTERM sent the moment the URL appears, removing its open page', async () => {
    // The page that hands the token to the browser is written after the URL is printed;
    // a SIGTERM in between must still reach serve's own shutdown, not kill the process.
    const run = await startServing();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(readdirSync(run.dataDir).filter((name) => name.startsWith('serve-open-'))).toEqual([]);
  });
});
