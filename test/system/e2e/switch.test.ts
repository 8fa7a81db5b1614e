/**
 * The switch parts of the UI in real Chromium (through `netloom serve`)
 * against the test switch (ssh2 server on 127.0.0.1) and, for the deploy, a
 * bed host cabled to it: live status colours a port-channel read over the
 * switch's SSH target and turns it amber with the reason when a member loses
 * its LACP partner; the Deploy panel shows the switch card with the OS6
 * difference and the host+switch group order, applies, and the switch's
 * running- and startup-config hold the change. The app logs in with the
 * user's defaults (~/.ssh), as a person's would. Build first (`npm run build`).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Request } from 'playwright-core';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownHostsName } from '../../../electron/engine/ssh/index.js';
import { parseDesign } from '../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../shared/model/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed, type BedHost } from '../../helpers/bed.js';
import { exampleDesign } from '../../helpers/design.js';
import { TestSwitch } from '../../switch/test-switch.js';
import { hostJson } from '../deploy/bed-design.js';
import { DesignerPage } from './designer-page.js';
import { openApp, type AppSession } from './harness.js';

const PASSWORD = 'sw-pass-7f3a';
const SECRET = 'en-secret-91c2';
const PARTNER = { systemMac: '58:47:ca:00:00:01', key: 15, portNumber: 1, fast: true, active: true };
/** The example's port-channels on n4032 and their members, as the test switch names them. */
const MEMBERS = {
  8: ['Tengigabitethernet1/0/17', 'Tengigabitethernet2/0/17'],
  9: ['Tengigabitethernet1/0/18', 'Tengigabitethernet2/0/18'],
};
const SETUP = [
  'vlan 240',
  'exit',
  ...Object.entries(MEMBERS).flatMap(([n, ports]) => [
    `interface port-channel ${n}`,
    'switchport mode trunk',
    'switchport trunk native vlan 240',
    'exit',
    ...ports.flatMap((p) => [`interface ${p}`, `channel-group ${n} mode active`, 'exit']),
  ]),
];

let bed: Bed;
let publicKey: string;
const switches: TestSwitch[] = [];

/** A home whose ~/.ssh holds the bed's key and a known_hosts with the bed hosts and `sw`. */
function sshHome(sw: TestSwitch): string {
  const home = mkdtempSync(join(tmpdir(), 'netloom-home-'));
  mkdirSync(join(home, '.ssh'), { mode: 0o700 });
  copyFileSync(bed.identityFile, join(home, '.ssh', 'id_ed25519'));
  chmodSync(join(home, '.ssh', 'id_ed25519'), 0o600);
  writeFileSync(
    join(home, '.ssh', 'known_hosts'),
    `${readFileSync(bed.knownHostsFile, 'utf8')}\n${knownHostsName(sw.address, sw.port)} ${sw.hostPublicKey}\n`,
  );
  return home;
}

async function healthOf(el: Locator): Promise<string | undefined> {
  return /\bhealth-(\w+)/.exec((await el.getAttribute('class')) ?? '')?.[1];
}

async function startSwitch(setup: readonly string[]): Promise<TestSwitch> {
  const sw = await TestSwitch.start({ vendor: 'dell-os6', hostname: 'n4032', authorizedKey: publicKey, setup });
  switches.push(sw);
  return sw;
}

beforeAll(async () => {
  bed = await createBed(1, { prefix: 'nlswui' });
  const key = ssh2.utils.parseKey(readFileSync(bed.identityFile));
  if (key instanceof Error || Array.isArray(key)) throw new Error('cannot read the bed key');
  publicKey = `${key.type} ${key.getPublicSSH().toString('base64')}`;
});
afterAll(async () => {
  await Promise.all(switches.map((sw) => sw.close()));
  await bed?.destroy();
});

describe('switch live status on the canvas', () => {
  let sw: TestSwitch;
  let app: AppSession;
  let ui: DesignerPage;

  beforeAll(async () => {
    sw = await startSwitch(SETUP);
    for (const p of Object.values(MEMBERS).flat()) {
      sw.links.up.add(p);
      sw.links.partners.set(p, PARTNER);
    }
    // The example with n4032 reached over its SSH target; its host has none (only the switch is read).
    const example = exampleDesign();
    const design: Design = {
      ...example,
      hosts: example.hosts.map(({ ssh: _ssh, ...host }) => host),
      switches: example.switches.map((s) => ({ ...s, ssh: { address: sw.address, port: sw.port, user: sw.user } })),
    };
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-switch-live-')), 'lab.netloom.json');
    writeFileSync(file, serializeDesign(design));
    app = await openApp({
      design: file,
      env: { HOME: sshHome(sw), SSH_AUTH_SOCK: '' },
      testName: 'switch live status on the canvas',
    });
    ui = new DesignerPage(app.page);
  });
  afterAll(async () => {
    await app?.close();
  });

  const element = (id: string) => ui.node(id).locator('.el');

  it('colours the port-channels green, amber with the reason when a member loses its LACP partner, green again', async () => {
    await expect.poll(() => app.page.title(), { timeout: 20_000 }).toContain(exampleDesign().name);
    await app.page.getByTestId('tool-toggle-live-status').click();
    for (const id of ['n4032-po8', 'n4032-po9', 'n4032-te2-0-18'])
      await expect.poll(() => healthOf(element(id)), { timeout: 15_000 }).toBe('ok');
    await ui.select('n4032-po9');
    const facts = app.page.getByTestId('live-facts');
    await expect.poll(() => facts.textContent()).toMatch(/bundled\s*Te1\/0\/18, Te2\/0\/18/);
    await app.screenshot('port-channels green');

    sw.links.partners.delete('Tengigabitethernet2/0/18');
    await expect.poll(() => healthOf(element('n4032-po9')), { timeout: 15_000 }).toBe('degraded');
    await expect
      .poll(() => facts.textContent())
      .toContain('Te2/0/18 is not bundled: its link is up but it is inactive in the port-channel');
    expect(await facts.textContent()).toContain('bond1 on ms01 is cabled to Te1/0/18, Te2/0/18');
    // The node's tooltip says why too.
    expect(await element('n4032-po9').getAttribute('title')).toContain(
      'Degraded: Te2/0/18 is not bundled: its link is up but it is inactive in the port-channel',
    );
    expect(await healthOf(element('n4032-po8'))).toBe('ok');
    await app.screenshot('port-channel 9 amber');

    sw.links.partners.set('Tengigabitethernet2/0/18', PARTNER);
    await expect.poll(() => healthOf(element('n4032-po9')), { timeout: 15_000 }).toBe('ok');
    expect(app.pageErrors).toEqual([]);
  });
});

/** sw1, the test switch `sw` reached over its SSH target, its port Te1/0/1 a trunk of VLANs 1 and 240 (cabled to `host`'s eth1 if given). */
function switchDesign(sw: TestSwitch, host?: BedHost): Design {
  const json = {
    format: 'netloom/1',
    name: `bed ${bed.prefix} with a switch`,
    hosts: host ? [hostJson(host, { eth1: { inet: { method: 'static', addresses: ['10.252.0.1/24'] } } })] : [],
    switches: [
      {
        id: 'sw1',
        name: 'sw1',
        vendor: 'dell-os6',
        ssh: { address: sw.address, port: sw.port, user: sw.user },
        ports: [
          { id: 'sw1-p1', name: 'Tengigabitethernet1/0/1', switchport: { mode: 'trunk', allowed: '1,240', native: 1 } },
        ],
      },
    ],
    cables: host ? [{ id: 'c1', hostPort: `h${host.index}-eth1`, switchPort: 'sw1-p1' }] : [],
  };
  const parsed = parseDesign(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.design;
}

/** The trunk line the deploy adds to Te1/0/1, as the switch's configuration shows it. */
const TRUNK_LINE = /interface Te1\/0\/1\n(.*\n)*?switchport trunk allowed vlan 1,240\n/;

/** Opens File > Deploy and waits for the review. */
async function openDeploy(app: AppSession, name: string): Promise<Locator> {
  await expect.poll(() => app.page.title(), { timeout: 20_000 }).toContain(name);
  await app.page.getByTestId('menu-file').click();
  await app.page.getByTestId('action-deploy').click();
  const panel = app.page.getByTestId('deploy-panel');
  await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 30_000 }).toBe('review');
  return panel;
}

describe('Deploy panel with a switch', () => {
  it('shows the OS6 card and the group order, applies host and switch as one change, and the switch saves it', async () => {
    const host = bed.hosts[0]!;
    const sw = await startSwitch([]);
    const design = switchDesign(sw, host);
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-switch-deploy-')), 'lab.netloom.json');
    writeFileSync(file, serializeDesign(design));
    const startupBefore = sw.startupConfig();

    const app = await openApp({
      design: file,
      env: { HOME: sshHome(sw), SSH_AUTH_SOCK: '' },
      testName: 'deploy panel with a switch',
    });
    const page = app.page;
    try {
      const panel = await openDeploy(app, design.name);

      const card = page.getByTestId('deploy-host-sw1');
      expect(await card.textContent()).toContain(
        'Dell OS6 has no revert timer: the change goes to the running-config only and is saved to the startup-config once a new session finds it.',
      );
      await expect
        .poll(() => card.getByTestId('deploy-diff').textContent())
        .toContain('switchport trunk allowed vlan 1,240');
      expect(await page.getByTestId(`deploy-host-${host.name}`).getByTestId('deploy-diff').textContent()).toContain(
        '10.252.0.1/24',
      );
      expect(await panel.getByTestId('deploy-group').allTextContents()).toEqual([
        `One change: ${host.name} → sw1 (sw1 last: it carries the management path of ${host.name}); held or rolled back together.`,
      ]);
      expect(await page.getByTestId('deploy-apply').textContent()).toBe('Apply to 1 host and 1 switch');
      // The switch takes a key: its password stays folded away.
      expect(await panel.getByTestId('deploy-switch-password').isVisible()).toBe(false);
      await page.getByTestId('deploy-window').fill('60');
      await app.screenshot('switch card');
      await page.getByTestId('deploy-apply').click();

      await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 90_000 }).toBe('done');
      expect(await card.getByTestId('deploy-verdict').textContent()).toBe('confirmed');
      expect(await page.getByTestId(`deploy-host-${host.name}`).getByTestId('deploy-verdict').textContent()).toBe(
        'confirmed',
      );
      await app.screenshot('confirmed');
      expect(sw.runningConfig()).toMatch(TRUNK_LINE);
      expect(sw.startupConfig()).toBe(sw.runningConfig());
      expect(sw.startupConfig()).not.toBe(startupBefore);
      expect(readFileSync(host.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${host.index}`));
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('takes a switch password and enable secret typed in the panel, and they go nowhere but the deploy call', async () => {
    const sw = await TestSwitch.start({ vendor: 'dell-os6', password: PASSWORD, enableSecret: SECRET });
    switches.push(sw);
    const design = switchDesign(sw);
    const dir = mkdtempSync(join(tmpdir(), 'netloom-switch-password-'));
    const file = join(dir, 'lab.netloom.json');
    writeFileSync(file, serializeDesign(design));
    const app = await openApp({
      design: file,
      env: { HOME: sshHome(sw), SSH_AUTH_SOCK: '' },
      testName: 'switch password',
    });
    const page = app.page;
    /** Every request body and every (non-stream) response body the page exchanged, by URL. */
    const traffic: { url: string; request: string; response: string }[] = [];
    const reading: Promise<void>[] = [];
    const record = (request: Request) =>
      reading.push(
        (async () => {
          const response = await request.response();
          const stream = response?.headers()['content-type']?.includes('text/event-stream');
          traffic.push({
            url: request.url(),
            request: request.postData() ?? '',
            response: response && !stream ? await response.text() : '',
          });
        })(),
      );
    page.on('requestfinished', record);
    try {
      const panel = await openDeploy(app, design.name);
      const card = page.getByTestId('deploy-host-sw1');
      // No key opens it: the card says so.
      await expect
        .poll(() => card.getByTestId('deploy-reason').textContent())
        .toContain('sw1 refused every key and no password was given');
      expect(await card.getByText('refused every key').count()).toBe(1);
      // Nothing is ready: Apply is off and says why.
      expect(await page.getByTestId('deploy-apply').textContent()).toBe('Nothing to apply');
      expect(await page.getByTestId('deploy-apply').isDisabled()).toBe(true);
      expect(await page.getByTestId('deploy-apply-reason').textContent()).toBe(
        'No device is ready: each card says why.',
      );
      await app.screenshot('switch needs a password');

      await panel.getByTestId('deploy-switch-login-toggle').click();
      expect(await panel.getByTestId('deploy-switch-login-toggle').textContent()).toBe(
        'Password (only if key login is refused)',
      );
      await panel.getByTestId('deploy-switch-password').fill(PASSWORD);
      await panel.getByTestId('deploy-enable-secret').fill(SECRET);
      expect(await panel.getByTestId('deploy-switch-password').getAttribute('type')).toBe('password');
      await panel.getByTestId('deploy-prepare-again').click();
      await expect.poll(() => card.getByTestId('deploy-diff').count(), { timeout: 30_000 }).toBe(1);
      expect(await panel.getByTestId('deploy-phase').textContent()).toBe('review');
      expect(await page.getByTestId('deploy-apply').textContent()).toBe('Apply to 1 switch');
      await page.getByTestId('deploy-window').fill('60');
      await page.getByTestId('deploy-apply').click();
      await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 90_000 }).toBe('done');
      expect(await card.getByTestId('deploy-verdict').textContent()).toBe('confirmed');
      expect(sw.startupConfig()).toMatch(TRUNK_LINE);

      const saved = join(dir, 'saved.netloom.json');
      await new DesignerPage(page).menu('file', 'save-as');
      await new DesignerPage(page).answerDialog(saved);
      await expect.poll(() => existsSync(saved) && readFileSync(saved, 'utf8')).toContain('"sw1"');
      page.off('requestfinished', record);
      await Promise.all(reading);
      expect(traffic.length).toBeGreaterThan(5);
      for (const secret of [PASSWORD, SECRET]) {
        expect(readFileSync(saved, 'utf8')).not.toContain(secret);
        expect(traffic.filter((t) => t.request.includes(secret)).map((t) => new URL(t.url).pathname)).toEqual([
          '/api/prepareDeploy',
        ]);
        expect(traffic.filter((t) => t.response.includes(secret))).toEqual([]);
        expect(app.serve.stdout() + app.serve.stderr()).not.toContain(secret);
      }
      // Closing the panel drops them: a new deploy asks again.
      await page.getByTestId('deploy-close').click();
      await openDeploy(app, design.name);
      await page.getByTestId('deploy-switch-login-toggle').click();
      expect(await page.getByTestId('deploy-switch-password').inputValue()).toBe('');
      expect(await page.getByTestId('deploy-enable-secret').inputValue()).toBe('');
      await expect
        .poll(() => card.getByTestId('deploy-reason').textContent())
        .toContain('sw1 refused every key and no password was given');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
