/**
 * Live status in real Chromium through `netloom serve`, against real sshd
 * hosts of the test bed: turning "Live status" on colours ports, the bond and
 * cables; pulling host 2's data cable turns its port and cable red within two
 * intervals, and replugging it turns them green; the inspector shows the raw
 * facts and when they were read; a bonding text that differs from the design
 * shows the drift badge.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../../shared/model/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { DesignerPage } from '../e2e/designer-page.js';
import { openApp, type AppSession } from '../e2e/harness.js';
import { BONDING_DIR, bondingText, saveBondingText, statusDesign } from './bed-status.js';

/** The default interval of the app's live status. */
const INTERVAL_MS = 2_000;

/** A home whose ~/.ssh holds the bed's key and known_hosts: the app uses the user's defaults, as a person's would. */
function sshHome(bed: Bed): string {
  const home = mkdtempSync(join(tmpdir(), 'netloom-home-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  copyFileSync(bed.identityFile, join(home, '.ssh', 'id_ed25519'));
  chmodSync(join(home, '.ssh', 'id_ed25519'), 0o600);
  copyFileSync(bed.knownHostsFile, join(home, '.ssh', 'known_hosts'));
  return home;
}

async function healthOf(el: Locator): Promise<string | undefined> {
  const classes = (await el.getAttribute('class')) ?? '';
  return /\bhealth-(\w+)/.exec(classes)?.[1];
}

/** Waits until the element shows `health`; resolves with how long that took. */
async function waitForHealth(el: Locator, health: string, timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  while ((await healthOf(el)) !== health) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`still ${await healthOf(el)} after ${timeoutMs} ms, expected ${health}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('live status on the canvas', () => {
  let bed: Bed;
  let app: AppSession;
  let ui: DesignerPage;

  beforeAll(async () => {
    bed = await createBed(2, { prefix: 'nlste' });
    await saveBondingText(bed.hosts[0]!, bondingText());
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-live-')), 'bed.netloom.json');
    writeFileSync(file, serializeDesign(statusDesign(bed)));
    app = await openApp({
      design: file,
      env: { HOME: sshHome(bed), SSH_AUTH_SOCK: '' },
      testName: 'live status on the canvas',
    });
    ui = new DesignerPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await bed?.destroy();
  });

  const element = (id: string) => ui.node(id).locator('.el');
  const cable = (id: string) => app.page.getByTestId(`edge-${id}`);

  it('colours ports, the bond and cables once live status is on, with a legend', async () => {
    await expect.poll(() => app.page.title(), { timeout: 20_000 }).toContain('status nlste');
    await ui.menu('view', 'live-status-settings');
    await app.page.getByTestId('dialog-input').fill(BONDING_DIR);
    await app.page.getByTestId('dialog-confirm').click();
    await app.page.getByTestId('tool-toggle-live-status').click();

    for (const id of ['h1-eth0', 'h1-eth1', 'h2-eth0', 'h2-eth1', 'h1-bond0']) await waitForHealth(element(id), 'ok');
    await waitForHealth(cable('cable-h2'), 'ok');
    await expect.poll(() => app.page.getByTestId('status-legend').textContent()).toContain('degraded');
    expect(await app.page.getByTestId('tool-toggle-live-status').getAttribute('class')).toContain('is-pressed');
    await app.screenshot('all green');
  });

  it('turns host 2’s port and cable red within two intervals of pulling its data cable, and green after replugging', async () => {
    await waitForHealth(element('h2-eth1'), 'ok');
    await bed.cutData(2);
    const redAfter = await waitForHealth(element('h2-eth1'), 'down');
    expect(redAfter).toBeLessThanOrEqual(2 * INTERVAL_MS);
    await waitForHealth(cable('cable-h2'), 'down');
    expect(await healthOf(element('h2-eth0'))).toBe('ok');
    expect(await healthOf(element('h1-eth1'))).toBe('ok');

    await ui.select('h2-eth1');
    const facts = app.page.getByTestId('live-facts');
    await expect.poll(() => facts.textContent()).toContain('eth1 has no carrier');
    expect(await facts.textContent()).toMatch(/carrier\s*false/);
    expect(await facts.textContent()).toMatch(/Read \d/);
    await app.screenshot('host 2 data cable pulled');

    await bed.healData(2);
    const greenAfter = await waitForHealth(element('h2-eth1'), 'ok');
    expect(greenAfter).toBeLessThanOrEqual(2 * INTERVAL_MS);
    await waitForHealth(cable('cable-h2'), 'ok');
    await app.screenshot('host 2 data cable replugged');
  });

  it('shows a bond’s LACP facts by name in the inspector, and drift as a badge', async () => {
    await ui.select('h1-eth1');
    const facts = app.page.getByTestId('live-facts');
    await expect
      .poll(() => facts.textContent())
      .toContain('63: active, short timeout, aggregating, in sync, collecting, distributing');
    expect(await facts.textContent()).toMatch(/aggregator\s*1/);

    await saveBondingText(
      bed.hosts[0]!,
      bondingText({ actorState: 79, partnerState: 1, partnerMac: '00:00:00:00:00:00' }).replace(
        'LACP rate: fast',
        'LACP rate: slow',
      ),
    );
    await waitForHealth(element('h1-bond0'), 'degraded');
    await expect.poll(() => ui.node('h1-bond0').locator('.drift').count()).toBe(1);
    await ui.select('h1-bond0');
    await expect.poll(() => facts.textContent()).toContain('LACP rate is slow; the design says fast');
    expect(await facts.textContent()).toContain('eth1 partner is defaulted: no LACPDU received from the switch');
    await app.screenshot('bond degraded with drift');
    expect(app.pageErrors).toEqual([]);
  });

  it('clears the colours when live status is turned off', async () => {
    await app.page.getByTestId('tool-toggle-live-status').click();
    await expect.poll(() => healthOf(element('h2-eth1'))).toBeUndefined();
    expect(await app.page.getByTestId('status-legend').count()).toBe(0);
  });
});
