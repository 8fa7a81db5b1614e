/**
 * A large design far out: only hosts and switches are React Flow nodes, the
 * elements and cables are one picture that follows a dragged frame, and
 * zooming in brings the element nodes back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../../shared/model/index.js';
import { generatedDesign } from '../../bench/canvas-design.js';
import { DesignerPage } from './designer-page.js';
import { openApp } from './harness.js';

describe('the canvas far out', () => {
  it('draws elements and cables as one picture that follows a dragged frame, and element nodes when zoomed in', async () => {
    const design = generatedDesign(1000);
    const path = join(mkdtempSync(join(tmpdir(), 'netloom-overview-')), 'big.netloom.json');
    writeFileSync(path, serializeDesign(design));
    const app = await openApp({ design: path });
    try {
      const ui = new DesignerPage(app.page);
      const page = app.page;
      const frames = design.hosts.length + design.switches.length;
      const elements =
        design.hosts.reduce((n, h) => n + h.ports.length + h.bonds.length + h.bridges.length + h.vms.length, 0) +
        design.switches.reduce((n, s) => n + s.ports.length + s.portChannels.length, 0);
      await expect.poll(() => page.locator('.overview-box').count(), { timeout: 30_000 }).toBe(elements);
      expect(await page.locator('.react-flow__node').count()).toBe(frames);
      expect(await page.locator('.overview-cable').count()).toBe(design.cables.length);
      await app.screenshot('far out');

      // Dragging the first host up and to the left (free space: its neighbours are right of and below it) moves its boxes with it.
      const host = design.hosts[0]!;
      const bond = page.locator(`.overview-box[data-id="${host.bonds[0]!.id}"]`);
      const before = await ui.box(bond);
      const frame = await ui.box(ui.node(host.id));
      await page.mouse.move(frame.x + 3, frame.y + 3);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(frame.x + 3 - i * 4, frame.y + 3 - i * 3);
      await page.mouse.up();
      const after = await ui.box(bond);
      expect(after.x - before.x).toBeCloseTo(-40, -1);
      expect(after.y - before.y).toBeCloseTo(-30, -1);
      expect(await page.locator('.overview-box[data-id]').count()).toBe(elements);

      // Zoomed in, elements are nodes again and the picture is gone.
      await page.keyboard.press('Control+0');
      await expect.poll(() => page.locator('.react-flow__node-bond').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('overview').count()).toBe(0);
      await app.screenshot('zoomed in');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
