/** The built app in real Chromium through `netloom serve`. */
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../helpers/design.js';
import { EXAMPLE } from '../../helpers/cli.js';
import { launchChromium, openApp, startServe } from '../e2e/harness.js';

describe('the app in Chromium via netloom serve', () => {
  it('shows the example design, takes the token out of the address bar, and survives a reload', async () => {
    const app = await openApp();
    try {
      const name = exampleDesign().name;
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(name);
      expect(app.page.url()).not.toContain('token=');
      await app.screenshot('example loaded');
      await app.page.reload();
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(name);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('opens the design named on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-serve-'));
    const design = join(dir, 'lab.netloom.json');
    copyFileSync(EXAMPLE, design);
    const app = await openApp({ design });
    try {
      expect(await app.serve.api.initialDesign()).toMatchObject({ path: design, isExample: false });
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
    } finally {
      await app.close();
    }
  });

  it("delivers backend events to the page's EventSource, and its CSP blocks inline scripts", async () => {
    const app = await openApp();
    try {
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      type Probe = { nextEvent?: Promise<unknown>; injected?: boolean };
      // Connect first (resolved on open), keep the promise of the first message in the page.
      await app.page.evaluate(
        (token) =>
          new Promise<void>((opened, failed) => {
            const source = new EventSource(`/api/events?token=${token}`);
            (globalThis as Probe).nextEvent = new Promise((resolve) => {
              source.onmessage = (m) => {
                source.close();
                resolve(JSON.parse(m.data as string));
              };
            });
            source.onopen = () => opened();
            source.onerror = () => failed(new Error('event stream failed'));
          }),
        app.token,
      );
      const path = join(app.serve.dataDir, 'from-test.netloom.json');
      await app.serve.api.saveDesign(path, exampleDesign());
      const event = app.page.evaluate(() => (globalThis as Probe).nextEvent);
      expect(await event).toMatchObject({ name: 'didChangeRecentFiles', payload: [{ path }] });

      await expect(app.page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow();
      expect(await app.page.evaluate(() => (globalThis as Probe).injected)).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('a page without the token cannot call the API', async () => {
    const app = await openApp();
    try {
      const status = await app.page.evaluate(
        async () =>
          (
            await fetch('/api/capabilities', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '[]',
            })
          ).status,
      );
      expect(status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('shows bidi overrides and escape-like text of a design visibly in the problems list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-serve-'));
    const design = join(dir, 'lab.netloom.json');
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    json.switches[0].portChannels[0].description = 'uplink\u202Eevil';
    writeFileSync(design, JSON.stringify(json));
    const app = await openApp({ design });
    try {
      const problem = app.page.locator('[data-testid="problem"][data-rule="names/switch-text"]');
      await expect.poll(() => problem.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const text = await problem.first().textContent();
      expect(text).toContain('uplink<U+202E>evil');
      expect(text).not.toContain('\u202E');
    } finally {
      await app.close();
    }
  });

  it('--open hands the browser a private page, never the token in any argv, and the app opens from it', async () => {
    // A stand-in for xdg-open that records the arguments it was started with.
    const bin = mkdtempSync(join(tmpdir(), 'netloom-open-'));
    const argvFile = join(bin, 'argv');
    writeFileSync(
      join(bin, 'xdg-open'),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}.tmp' && mv '${argvFile}.tmp' '${argvFile}'\n`,
    );
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const serve = await startServe({ extraArgs: ['--open'], env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
    const browser = await launchChromium();
    try {
      await expect.poll(() => existsSync(argvFile), { timeout: 15_000 }).toBe(true);
      const argv = readFileSync(argvFile, 'utf8').trim().split('\n');
      expect(argv).toHaveLength(1);
      expect(argv.join(' ')).not.toContain(serve.token);
      expect(argv[0]).toMatch(/^file:\/\//);
      const page = new URL(argv[0]!).pathname;
      expect(page.startsWith(serve.dataDir)).toBe(true);
      expect(statSync(page).mode & 0o777).toBe(0o600);

      const tab = await (await browser.newContext()).newPage();
      await tab.goto(argv[0]!);
      await expect.poll(() => tab.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      expect(tab.url()).toBe(`${serve.origin}/`);
    } finally {
      await browser.close();
      await serve.stop();
    }
  });
});
