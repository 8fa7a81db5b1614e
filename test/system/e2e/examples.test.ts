/**
 * File > Examples in real Chromium through `netloom serve`: an example opens
 * as a new, unsaved design with its hosts, vSwitch and port groups drawn on
 * the canvas and the palette offering what ESXi hosts have, saving it asks
 * for a new path instead of writing over the bundled file, and a vSwitch
 * dropped on a Proxmox VE host beside it is refused.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { ROOT } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';
import { DesignerPage } from './designer-page.js';
import { openApp } from './harness.js';

const NESTED = join(ROOT, 'shared/examples/nested-esxi.netloom.json');

describe('File > Examples', () => {
  it('opens the nested-ESXi example as a new unsaved design, its hosts on the canvas', async () => {
    const before = readFileSync(NESTED, 'utf8');
    const app = await openApp();
    try {
      const ui = new DesignerPage(app.page);
      await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
      // A Proxmox-only design: the palette has no ESXi or libvirt kinds.
      const offered = (kind: string) => app.page.getByTestId(`palette-${kind}`).count();
      await expect.poll(() => offered('bond')).toBe(1);
      for (const kind of ['vswitch', 'port-group', 'virtual-network', 'bridge-rule'])
        expect(await offered(kind)).toBe(0);
      await app.page.getByTestId('menu-file').click();
      await expect
        .poll(() => app.page.getByTestId('action-open-example-nested-esxi').textContent())
        .toContain('forged transmits');
      await app.page.getByTestId('action-open-example-nested-esxi').click();
      await expect.poll(() => app.page.title()).toBe('Nested ESXi lab — Netloom');
      for (const id of ['esx01', 'sw1', 'esx01-vswitch1', 'esx01-pg-nested', 'esx01-pg-lab', 'vm-100', 'vm-101'])
        await expect.poll(() => ui.node(id).isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => ui.node('esx01').textContent()).toContain('VMware ESXi');
      await expect.poll(() => ui.node('esx01-pg-nested').textContent()).toContain('all VLANs (4095)');
      await expect.poll(() => ui.node('vm-100').textContent()).toContain('VM 100 · 2 NICs · nested');
      // The nested ESXi VM's NIC is drawn to its port group, the vSwitch's uplinks to their ports.
      await expect.poll(() => app.page.locator('.react-flow__edge[data-id="vm-100-net0"]').count()).toBe(1);
      await expect
        .poll(() => app.page.locator('.react-flow__edge[data-id="active-uplink:esx01-vswitch1:esx01-vmnic0"]').count())
        .toBe(1);
      // An ESXi host: vSwitches and port groups in the palette, no Linux bonds or bridges.
      await expect.poll(() => offered('vswitch')).toBe(1);
      expect(await offered('port-group')).toBe(1);
      expect(await offered('bond')).toBe(0);
      expect(await offered('bridge')).toBe(0);
      await app.screenshot('nested-esxi example');

      // Untitled: Save asks where to write, and the answer is a new file; the example is untouched.
      await app.page.getByTestId('menu-file').click();
      await app.page.getByTestId('action-save').click();
      await expect.poll(() => app.page.getByTestId('dialog').textContent()).toContain('Save design as');
      const path = join(mkdtempSync(join(tmpdir(), 'netloom-example-')), 'lab.netloom.json');
      await ui.answerDialog(path);
      await expect.poll(() => app.page.title()).toBe('Nested ESXi lab — Netloom');
      await expect.poll(() => readFileSync(path, 'utf8').length, { timeout: 10_000 }).toBeGreaterThan(0);
      const saved = parseDesign(readFileSync(path, 'utf8'));
      expect(saved.ok && saved.design.hosts.map((h) => [h.name, h.platform])).toEqual([['esx01', 'esxi']]);
      expect(readFileSync(NESTED, 'utf8')).toBe(before);

      // With a Proxmox VE host beside it the palette offers both; a vSwitch dropped on that host is refused.
      await app.page.getByTestId('palette-host').click();
      await ui.node('host1').waitFor();
      await expect.poll(() => offered('bond')).toBe(1);
      expect(await offered('vswitch')).toBe(1);
      await ui.dropInto('vswitch', 'host1');
      await expect
        .poll(() => app.page.getByTestId('toast').allTextContents())
        .toContainEqual('Not on host1: Proxmox VE hosts have no vSwitch (VMware ESXi hosts do)');
      expect(await app.page.locator('.react-flow__node-vswitch').count()).toBe(1);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
