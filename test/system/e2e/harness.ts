/**
 * Browser end-to-end harness for every UI test: starts the built
 * `netloom serve` (free port, its own data folder, optionally a design),
 * launches Debian's Chromium through playwright-core, and opens the printed
 * URL. Screenshots go to `test-results/<test name>/`.
 *
 *   const app = await openApp({ design: EXAMPLE });
 *   try { await expect.poll(() => app.page.title()).toContain('Homelab'); await app.screenshot('start'); }
 *   finally { await app.close(); }
 *
 * Build first (`node build/compile.mjs && npx vite build`, or `npm run build`):
 * the harness serves `dist/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createHttpTransport } from '../../../renderer/src/api/http-transport.js';
import type { NetloomApi } from '../../../shared/api.js';
import { createApiClient } from '../../../shared/api-client.js';
import { ROOT } from '../../helpers/cli.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const RESULTS_DIR = join(ROOT, 'test-results');

export interface ServeProcess {
  /** The printed URL, token included: `http://127.0.0.1:PORT/?token=...`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** The serve process, leader of its own process group (`process.kill(-pid, ...)` hits the group). */
  readonly pid: number;
  /** The data folder serve uses (recent files, recovery), removed on stop unless given. */
  readonly dataDir: string;
  /** The same API the page uses, from the test (Node has no EventSource: methods only, no onDid...). */
  readonly api: NetloomApi;
  readonly stdout: () => string;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** A design file for `netloom serve DESIGN`; default: the example. */
  readonly design?: string;
  /** A data folder to use (kept afterwards); default: a fresh temporary one (removed). */
  readonly dataDir?: string;
  readonly extraArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

const URL_LINE = /(http:\/\/[^\s/]+)\/\?token=([A-Za-z0-9_-]+)/;

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Ends a process started with `detached: true` by its process group: TERM, then KILL. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  if (!(await waitForExit(child, 5_000))) {
    signal('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/** Starts the built `netloom serve --port 0` and waits for the URL it prints. */
export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'netloom-data-'));
  const args = [
    join(ROOT, 'bin/netloom.js'),
    'serve',
    '--port',
    '0',
    ...(options.extraArgs ?? []),
    ...(options.design ? [options.design] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NETLOOM_DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const stop = async () => {
    await killGroup(child);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`netloom serve printed no URL within 20 s\nstdout: ${stdout}\nstderr: ${stderr}`)),
      20_000,
    );
    const fail = (e: Error) => {
      clearTimeout(timer);
      void stop().then(() => reject(e));
    };
    const check = () => {
      const found = URL_LINE.exec(stdout);
      if (!found) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve(found);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) =>
      fail(new Error(`netloom serve exited with ${code} before printing a URL\nstdout: ${stdout}\nstderr: ${stderr}`)),
    );
  });
  const origin = match[1]!;
  const token = match[2]!;
  return {
    url: match[0],
    origin,
    port: Number(new URL(origin).port),
    token,
    pid: child.pid!,
    dataDir,
    api: createApiClient(createHttpTransport({ baseUrl: origin, token })),
    stdout: () => stdout,
    stderr: () => stderr,
    stop,
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** `Chromium > netloom serve > opens a page` -> `chromium-netloom-serve-opens-a-page` */
export const slugify = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120) || 'unnamed';

export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly browser: Browser;
  readonly serve: ServeProcess;
  /** The URL the page was opened with (token included). */
  readonly url: string;
  readonly token: string;
  /** Uncaught page errors and console errors, for tests that assert a clean run. */
  readonly pageErrors: string[];
  /** Where this test's screenshots go: `test-results/<test name>/`. */
  readonly resultsDir: string;
  /** Writes `<resultsDir>/<NN>-<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface AppOptions extends ServeOptions {
  /** Names the screenshot folder; default: the running Vitest test's full name. */
  readonly testName?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** `netloom serve` + Chromium + a page on the app, waited until the page has loaded. */
export async function openApp(options: AppOptions = {}): Promise<AppSession> {
  const serve = await startServe(options);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const resultsDir = join(RESULTS_DIR, slugify(options.testName ?? expect.getState().currentTestName ?? 'unnamed'));
    let shots = 0;
    await page.goto(serve.url, { waitUntil: 'load' });
    const opened = browser;
    return {
      page,
      context,
      browser,
      serve,
      url: serve.url,
      token: serve.token,
      pageErrors,
      resultsDir,
      async screenshot(name) {
        shots += 1;
        mkdirSync(resultsDir, { recursive: true });
        const path = join(resultsDir, `${String(shots).padStart(2, '0')}-${slugify(name)}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      async close() {
        await opened.close().catch(() => undefined);
        await serve.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await serve.stop();
    throw e;
  }
}

/**
 * Runs `test` on a fresh app (as `openApp(options)`), saving a screenshot named
 * `failure` when it throws, and closes the app whatever happens.
 */
export async function withApp<T>(options: AppOptions, test: (app: AppSession) => Promise<T>): Promise<T> {
  const app = await openApp(options);
  try {
    return await test(app);
  } catch (e) {
    await app.screenshot('failure').catch(() => undefined);
    throw e;
  } finally {
    await app.close();
  }
}
