/**
 * A KVM host in the designer (real Chromium through `netloom serve`): the NAT
 * network's node says it is not on the LAN, a virtual network is added from
 * the palette and edited in the inspector, a bridged-traffic rule turned into
 * a catch-all DROP shows the lost-traffic error, and the host's bridge
 * netfilter switch clears it; the saved file holds each change.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { ROOT } from '../../helpers/cli.js';
import { DesignerPage } from './designer-page.js';
import { openApp } from './harness.js';

describe('virtual networks in the designer', () => {
  it('shows NAT apart from the LAN, edits networks, rules and bridge netfilter, and saves them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-virt-e2e-'));
    const file = join(dir, 'kvm.netloom.json');
    copyFileSync(`${ROOT}shared/examples/kvm-bridged-nat.netloom.json`, file);
    const app = await openApp({ design: file });
    try {
      const ui = new DesignerPage(app.page);
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain('KVM host');
      await expect.poll(() => ui.node('kvm1-vm-nat').textContent()).toContain('NAT (not on the LAN)');
      await expect.poll(() => ui.node('kvm1-lan').textContent()).toContain('bridged (LAN segment)');
      await expect.poll(() => app.page.getByTestId('problems-errors').textContent()).toBe('0 errors');

      await ui.dropInto('virtual-network', 'kvm1', { x: 0, y: 60 });
      await expect.poll(() => app.page.getByTestId('inspector-title').textContent()).toBe('net1');
      await ui.fill('field-name', 'lab');
      await ui.choose('field-mode', 'isolated');
      // A subnet whose DHCP range lies elsewhere is refused with the reason; clear the range, move, set it again.
      await ui.field('field-subnet').locator('input').fill('10.10.10.1/24');
      await ui.field('field-subnet').locator('input').press('Enter');
      await expect
        .poll(() => ui.field('field-subnet').getByRole('alert').textContent())
        .toContain('DHCP range start 192.168.101.100 is outside 10.10.10.1/24');
      await ui.fill('field-dhcp', '');
      await ui.fill('field-subnet', '10.10.10.1/24');
      await ui.fill('field-dhcp', '10.10.10.50-10.10.10.99');
      await expect.poll(() => app.page.getByTestId('inspector-title').textContent()).toBe('lab');

      await ui.select('kvm1-fwd-rest');
      await ui.choose('field-action', 'DROP');
      const dropped = app.page.locator('[data-testid="problem"][data-rule="libvirt/bridged-traffic-dropped"]');
      await expect.poll(() => dropped.count()).toBe(1);
      await app.screenshot('catch-all drop');

      await ui.select('kvm1');
      await ui.choose('field-bridgeNetfilter', 'off');
      await expect.poll(() => dropped.count()).toBe(0);
      await ui.menu('file', 'save');
      await expect
        .poll(() => {
          const saved = parseDesign(readFileSync(file, 'utf8'));
          return saved.ok ? saved.design.hosts[0]!.bridgeFilter?.bridgeNetfilter : undefined;
        })
        .toBe(false);
      const saved = parseDesign(readFileSync(file, 'utf8'));
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
      const host = saved.design.hosts[0]!;
      expect(host.virtualNetworks.find((n) => n.name === 'lab')).toMatchObject({
        mode: 'isolated',
        subnet: '10.10.10.1/24',
        dhcp: '10.10.10.50-10.10.10.99',
        bridgeName: 'virbr2',
      });
      expect(host.bridgeRules.map((r) => r.action)).toEqual(['REJECT', 'DROP']);
      expect(app.pageErrors).toEqual([]);
    } catch (e) {
      await app.screenshot('failure').catch(() => undefined);
      throw e;
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
