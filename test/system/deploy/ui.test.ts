/**
 * The Deploy panel in real Chromium (through `netloom serve`) against the
 * bed: trust the unknown host keys shown as SHA256:..., read the diffs, set
 * the confirm window, apply, follow the timeline, read the verdicts (one host
 * loses its management address and rolls back, which keeps the deploy
 * running for the window: the canvas stays usable meanwhile). Build first
 * (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDesign } from '../../../shared/model/index.js';
import { renderInterfaces } from '../../../shared/targets/ifupdown2/index.js';
import { createBed, type Bed } from '../../helpers/bed.js';
import { openApp, type AppSession } from '../e2e/harness.js';
import { bedDesign } from './bed-design.js';
import { tempDataDir } from './deploy-helpers.js';

let bed: Bed;
/** Confirm window, s. */
const WINDOW = 30;
let agent: { sock: string; pid: number } | undefined;

beforeAll(async () => {
  bed = await createBed(3, { prefix: 'nlui' });
  const out = execFileSync('ssh-agent', ['-s'], { encoding: 'utf8' });
  agent = { sock: /SSH_AUTH_SOCK=([^;]+);/.exec(out)![1]!, pid: Number(/SSH_AGENT_PID=(\d+);/.exec(out)![1]) };
  execFileSync('ssh-add', ['-q', bed.identityFile], { env: { ...process.env, SSH_AUTH_SOCK: agent.sock } });
});
afterAll(async () => {
  if (agent) process.kill(agent.pid);
  await bed?.destroy();
});

describe('Deploy panel', () => {
  it('trusts keys, shows diffs, applies with a confirm window and reports per host; the canvas stays usable', async () => {
    const dir = await tempDataDir();
    const lost = bed.hosts[2]!;
    const lostBefore = await readFile(lost.interfacesPath, 'utf8');
    const design = bedDesign(bed, (h) =>
      h === lost
        ? { eth0: { inet: { method: 'static', addresses: [`${h.mgmtAddress.replace(/\.2$/, '.55')}/24`] } } }
        : {
            eth1: { mtu: 1440, ...(h === bed.hosts[0] ? { extraLines: ['post-up ip link set eth1 promisc on'] } : {}) },
          },
    );
    const file = join(dir, 'bed.netloom.json');
    await writeFile(file, serializeDesign(design));
    const app: AppSession = await openApp({ design: file, env: { SSH_AUTH_SOCK: agent!.sock } });
    const page = app.page;
    try {
      await expect.poll(() => page.title(), { timeout: 15_000 }).toContain(design.name);
      await page.getByTestId('menu-file').click();
      await page.getByTestId('action-deploy').click();
      const panel = page.getByTestId('deploy-panel');
      await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 30_000 }).toBe('review');

      // Unknown keys: each host shows its fingerprint, exactly as ssh-keygen -lf prints it.
      for (const host of bed.hosts) {
        const card = page.getByTestId(`deploy-host-${host.name}`);
        await expect.poll(() => card.getByTestId('deploy-fingerprint').textContent()).toBe(host.hostKeyFingerprint);
      }
      await app.screenshot('unknown host keys');
      for (const host of bed.hosts) {
        await page.getByTestId(`deploy-host-${host.name}`).getByTestId('deploy-trust').click();
        await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 30_000 }).toBe('review');
      }
      for (const host of bed.hosts.slice(0, 2)) {
        await expect
          .poll(() => page.getByTestId(`deploy-host-${host.name}`).getByTestId('deploy-diff').textContent())
          .toContain('+\tmtu 1440');
      }
      // What runs as root is listed per host before Apply: the first host's post-up, nothing on the others.
      const rootCommands = page.getByTestId(`deploy-host-${bed.hosts[0]!.name}`).getByTestId('deploy-root-command');
      expect(await rootCommands.allTextContents()).toEqual(['post-up ip link set eth1 promisc on eth1']);
      expect(
        await page.getByTestId(`deploy-host-${bed.hosts[1]!.name}`).getByTestId('deploy-root-commands').count(),
      ).toBe(0);
      // Wide enough that a loaded 2-core machine still reconnects to the healthy hosts in time.
      await page.getByTestId('deploy-window').fill(String(WINDOW));
      await app.screenshot('diffs');
      await page.getByTestId('deploy-apply').click();

      // While it runs, the canvas answers: select a host frame and the inspector follows.
      await expect.poll(() => panel.getByTestId('deploy-phase').textContent()).toBe('applying');
      await page.locator(`.react-flow__node[data-id="h1"]`).click({ position: { x: 20, y: 10 } });
      await expect.poll(() => page.getByTestId('inspector-title').textContent()).toContain(bed.hosts[0]!.name);
      await page.getByTestId('tool-fit-view').click();
      expect(await panel.getByTestId('deploy-phase').textContent()).toBe('applying');
      await page.getByTestId('deploy-close').click();
      await expect.poll(() => page.getByTestId('deploy-pill').textContent()).toMatch(/^Deploying to 3 hosts/);
      await app.screenshot('running in the background');
      await page.getByTestId('deploy-pill').click();

      await expect.poll(() => panel.getByTestId('deploy-phase').textContent(), { timeout: 180_000 }).toBe('done');
      const lostCard = page.getByTestId(`deploy-host-${lost.name}`);
      // The verdict and its class; which of the timing-dependent reasons came out is not the point.
      expect(await lostCard.getByTestId('deploy-verdict').textContent()).toMatch(/^rolled back: /);
      expect(await lostCard.getByTestId('deploy-verdict').getAttribute('class')).toContain('bad');
      expect(await readFile(lost.interfacesPath, 'utf8')).toBe(lostBefore);
      for (const host of bed.hosts.slice(0, 2)) {
        const card = page.getByTestId(`deploy-host-${host.name}`);
        expect(await card.getByTestId('deploy-verdict').textContent()).toBe('confirmed');
        expect(await card.getByTestId('step-confirm').getAttribute('data-state')).toBe('done');
        expect(await readFile(host.interfacesPath, 'utf8')).toBe(renderInterfaces(design, `h${host.index}`));
      }
      await app.screenshot('confirmed');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
