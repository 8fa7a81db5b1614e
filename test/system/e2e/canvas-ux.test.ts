/**
 * The canvas as people use it, in real Chromium through `netloom serve`:
 * where new things land (free space near the drop, inside the frame, pastes
 * beside the original), frames never laid over one another, the minimap
 * (toggled, remembered, out of the way, navigating), and the small things of
 * interaction (menus, undo in a field, problems, networks, hints, badges).
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nodesOf } from '../../../renderer/src/canvas/placement.js';
import { exampleDesign } from '../../helpers/design.js';
import { DesignerPage } from './designer-page.js';
import { withApp, type AppSession } from './harness.js';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

async function boxes(locator: Locator): Promise<(Box & { id: string })[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

function expectApart(all: readonly (Box & { id: string })[]): void {
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
}

async function startExample(app: AppSession): Promise<DesignerPage> {
  await expect.poll(() => app.page.title(), { timeout: 15_000 }).toContain(exampleDesign().name);
  return new DesignerPage(app.page);
}

const frames = (ui: DesignerPage) => ui.page.locator('.react-flow__node-host, .react-flow__node-switch');
const toasts = (ui: DesignerPage) => ui.page.getByTestId('toast').allTextContents();

describe('the canvas in Chromium', () => {
  it('places new things in free space near where they are asked for, inside their frame, and never lays frames over one another', async () => {
    await withApp({}, async (app) => {
      const ui = await startExample(app);
      await ui.menu('file', 'new');
      await expect.poll(() => app.page.title()).toContain('Untitled design');
      await expect.poll(() => app.page.getByTestId('empty-hint').count()).toBe(1);
      const pane = await ui.box(ui.page.locator('.react-flow__pane'));
      await ui.drop('host', { x: pane.x + 200, y: pane.y + 80 });
      await ui.node('host1').waitFor();
      await expect.poll(() => app.page.getByTestId('empty-hint').count()).toBe(0);

      // Six ports dropped at one point lie side by side inside the host, which grows around them.
      const host = await ui.box(ui.node('host1'));
      const point = { x: host.x + 70, y: host.y + 70 };
      for (let i = 0; i < 6; i++) await ui.drop('port', point);
      const ports = ui.page.locator('.react-flow__node-port');
      await expect.poll(() => ports.count()).toBe(6);
      await ui.box(ui.node('host1'));
      expectApart(await boxes(ports));
      const grown = await ui.box(ui.node('host1'));
      for (const port of await boxes(ports)) expect(inside(port, grown), `${port.id} inside host1`).toBe(true);
      await app.screenshot('six ports dropped at one point');

      // Dropped right at the frame's corner, a bond still lies inside the frame, below its title bar.
      await ui.drop('bond', { x: grown.x + 4, y: grown.y + 4 });
      await expect.poll(() => ui.page.locator('.react-flow__node-bond').count()).toBe(1);
      const bond = await ui.box(ui.page.locator('.react-flow__node-bond'));
      expect(inside(bond, await ui.box(ui.node('host1')))).toBe(true);
      expectApart(await boxes(ui.page.locator('.react-flow__node[data-id^="host1-"]')));

      // A click on the palette adds a host in free space, not on top of the one in the middle of the view, and shows it.
      await ui.menu('view', 'fit-view');
      await ui.settle();
      await ui.page.getByTestId('palette-host').click();
      await ui.node('host2').waitFor();
      await ui.page.getByTestId('palette-switch').click();
      await ui.node('switch1').waitFor();
      await ui.menu('view', 'fit-view');
      await ui.settle();
      await expect.poll(() => frames(ui).count()).toBe(3);
      expectApart(await boxes(frames(ui)));

      // Pasting a host three times: each copy beside the others, none on the original.
      await ui.select('host1');
      await ui.page.keyboard.press('Control+c');
      for (let i = 0; i < 3; i++) await ui.page.keyboard.press('Control+v');
      // Counted once all is in view: off-screen frames are not in the page (only what is on screen is drawn).
      await ui.menu('view', 'fit-view');
      await ui.settle();
      await expect.poll(() => frames(ui).count()).toBe(6);
      expectApart(await boxes(frames(ui)));
      await app.screenshot('pasted three times');

      // A port dragged into the switch would grow its host over the switch: refused, and it goes back.
      const target = await ui.box(ui.node('switch1'));
      const port = await ui.box(ports.first());
      const portId = (await ports.first().getAttribute('data-id'))!;
      const before = await ui.nodePosition(portId);
      await ui.page.mouse.move(port.x + port.width / 2, port.y + 6);
      await ui.page.mouse.down();
      await ui.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
      await ui.page.mouse.up();
      await expect.poll(() => toasts(ui)).toContainEqual(expect.stringMatching(/^Not moved: .* would overlap /));
      await expect.poll(() => ui.nodePosition(portId)).toEqual(before);
      expectApart(await boxes(frames(ui)));

      // Dragged past the frame's left edge, the port stays inside the frame, which grows around it.
      const frame = await ui.box(ui.node('host1'));
      await ui.page.mouse.move(port.x + port.width / 2, port.y + 6);
      await ui.page.mouse.down();
      await ui.page.mouse.move(Math.max(frame.x - 60, pane.x + 4), port.y + 6, { steps: 12 });
      await ui.page.mouse.up();
      await expect.poll(async () => inside(await ui.box(ui.node(portId)), await ui.box(ui.node('host1')))).toBe(true);
      expectApart(await boxes(ports));
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('grows a frame left and up around an element dragged past those edges, leaving the rest in place, in one undo step', async () => {
    await withApp({}, async (app) => {
      const ui = await startExample(app);
      // Zoomed out from the fitted view, so there is room around the host (no auto-pan at the pane's edge).
      await ui.menu('view', 'fit-view');
      await ui.settle();
      await ui.page.locator('.react-flow__controls-zoomout').click();
      await ui.page.locator('.react-flow__controls-zoomout').click();
      await ui.settle();
      const ids = nodesOf(exampleDesign())
        .filter((n) => n.parentId === 'ms01')
        .map((n) => n.id);
      const others = ids.filter((id) => id !== 'ms01-enp88s0');
      const placesOf = async () =>
        new Map(await Promise.all(ids.map(async (id) => [id, await ui.box(ui.node(id))] as const)));
      const frameBefore = await ui.box(ui.node('ms01'));
      const before = await placesOf();
      const port = before.get('ms01-enp88s0')!;
      const grab = { x: port.x + port.width / 2, y: port.y + 6 };
      const to = { x: frameBefore.x - 60, y: frameBefore.y - 40 };
      await ui.page.mouse.move(grab.x, grab.y);
      await ui.page.mouse.down();
      // The drag starts past a small threshold, from where the pointer is then: the port keeps that offset to it.
      await ui.page.mouse.move(grab.x + 2, grab.y);
      await ui.page.mouse.move(to.x + grab.x + 2 - port.x, to.y + grab.y - port.y, { steps: 12 });
      await ui.page.mouse.up();

      // The frame grew left and up around the port; the port stays where it was dropped, the other elements where they were.
      await expect.poll(async () => (await ui.box(ui.node('ms01'))).x).toBeLessThan(to.x);
      const frame = await ui.box(ui.node('ms01'));
      expect(frame.y).toBeLessThan(to.y);
      const after = await placesOf();
      const moved = after.get('ms01-enp88s0')!;
      expect(Math.abs(moved.x - to.x)).toBeLessThanOrEqual(8);
      expect(Math.abs(moved.y - to.y)).toBeLessThanOrEqual(8);
      for (const [id, box] of after) expect(inside(box, frame), `${id} inside ms01`).toBe(true);
      for (const id of others) {
        expect(Math.abs(after.get(id)!.x - before.get(id)!.x), `${id} x`).toBeLessThanOrEqual(1);
        expect(Math.abs(after.get(id)!.y - before.get(id)!.y), `${id} y`).toBeLessThanOrEqual(1);
      }
      expectApart(await boxes(frames(ui)));
      await app.screenshot('frame grown left and up');

      // One undo puts the frame and the port back.
      await ui.page.keyboard.press('Control+z');
      await expect.poll(async () => (await ui.box(ui.node('ms01'))).x).toBeCloseTo(frameBefore.x, 0);
      expect((await ui.box(ui.node('ms01'))).y).toBeCloseTo(frameBefore.y, 0);
      const undone = await placesOf();
      for (const id of ids) {
        expect(undone.get(id)!.x, `${id} x`).toBeCloseTo(before.get(id)!.x, 0);
        expect(undone.get(id)!.y, `${id} y`).toBeCloseTo(before.get(id)!.y, 0);
      }
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('shows the example with nothing overlapping; the minimap is toggled, remembered, keeps off the badges and navigates', async () => {
    await withApp({}, async (app) => {
      const ui = await startExample(app);
      // Every frame apart from the others, every element apart from its siblings.
      await ui.box(ui.node('ms01'));
      expectApart(await boxes(frames(ui)));
      for (const device of ['ms01', 'n4032']) {
        const children = await boxes(ui.page.locator(`.react-flow__node[data-id^="${device}-"]`));
        expect(children.length).toBeGreaterThan(2);
        expectApart(children);
      }

      // Closed at first; the button opens it, and it stays open across a reload.
      const minimap = ui.page.locator('.react-flow__minimap');
      expect(await minimap.count()).toBe(0);
      await ui.page.getByTestId('toggle-minimap').click();
      await expect.poll(() => minimap.count()).toBe(1);
      await app.page.reload();
      await startExample(app);
      await expect.poll(() => minimap.count()).toBe(1);

      // A problem badge on an element and on a cable; with the minimap open, a fitted view keeps them all clear of it.
      await ui.select('ms01-enp88s0');
      await ui.fill('field-mtu', '9000');
      await expect.poll(() => ui.page.getByTestId('problem-badge').count()).toBeGreaterThan(0);
      // The cable's badge is numbered and says what it is.
      const edgeBadge = ui.page.getByTestId('edge-badge');
      await expect.poll(() => edgeBadge.count()).toBe(1);
      expect(await edgeBadge.locator('title').textContent()).toBe('1 problem');
      expect(await edgeBadge.locator('text').textContent()).toBe('1');
      await ui.clearSelection();
      await ui.page.keyboard.press('Shift+1');
      await ui.settle();
      const map = await ui.box(minimap);
      const badges = await boxes(ui.page.locator('[data-testid="problem-badge"], [data-testid="edge-badge"]'));
      expect(badges.length).toBeGreaterThan(0);
      for (const b of badges) expect(overlap(b, map), `badge at ${b.x},${b.y} under the minimap`).toBe(false);
      for (const n of await boxes(frames(ui))) expect(overlap(n, map), `${n.id} under the minimap`).toBe(false);
      await app.screenshot('minimap open beside the badges');

      // A click in the minimap moves the view there.
      const viewport = ui.page.locator('.react-flow__viewport');
      const transform = () => viewport.evaluate((el) => (el as HTMLElement).style.transform);
      const was = await transform();
      await ui.page.mouse.click(map.x + 12, map.y + 12);
      await expect.poll(transform).not.toBe(was);

      // Alt+M closes it, and closed it stays after a reload.
      await ui.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await ui.page.keyboard.press('Alt+m');
      await expect.poll(() => minimap.count()).toBe(0);
      await app.page.reload();
      await startExample(app);
      await ui.node('ms01').waitFor();
      expect(await minimap.count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('menus close on the canvas and Escape; undo in a field undoes typing only; problems select the culprit; duplicate VLANs, hints and labels show', async () => {
    await withApp({}, async (app) => {
      const ui = await startExample(app);
      const title = () => ui.page.getByTestId('inspector-title').textContent();
      const dirty = ui.page.getByTestId('dirty-indicator');

      // An open menu closes on a click on the canvas, and on Escape.
      const menuList = ui.page.locator('.menu-list');
      await ui.page.getByTestId('menu-view').click();
      await expect.poll(() => menuList.count()).toBe(1);
      const pane = await ui.box(ui.page.locator('.react-flow__pane'));
      await ui.page.mouse.click(pane.x + pane.width - 40, pane.y + pane.height - 40);
      await expect.poll(() => menuList.count()).toBe(0);
      await ui.page.getByTestId('menu-edit').click();
      await expect.poll(() => menuList.count()).toBe(1);
      await ui.page.keyboard.press('Escape');
      await expect.poll(() => menuList.count()).toBe(0);

      // Undo in a field: first the typing, then (nothing typed) the last edit; leaving records nothing; clean again.
      await ui.select('ms01-vmbr0');
      const comment = ui.field('field-comment').locator('input');
      const saved = await comment.inputValue();
      await ui.fill('field-comment', 'first');
      await expect.poll(() => dirty.count()).toBe(1);
      await comment.pressSequentially('xy');
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => comment.inputValue()).toBe('first');
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => comment.inputValue()).toBe(saved);
      await ui.clearSelection();
      await ui.select('ms01-vmbr0');
      await expect.poll(() => comment.inputValue()).toBe(saved);
      // Back at the saved state: no unsaved-changes dot, and nothing left to redo-over.
      await expect.poll(() => dirty.count()).toBe(0);
      await ui.page.keyboard.press('Control+Shift+z');
      await expect.poll(() => comment.inputValue()).toBe('first');
      await ui.page.keyboard.press('Control+z');
      await expect.poll(() => dirty.count()).toBe(0);

      // A placeholder looks unlike a value.
      await ui.select('ms01-enp88s0');
      const styleOf = (input: Locator, pseudo?: string) =>
        input.evaluate((el, p) => getComputedStyle(el, p ?? null).fontStyle, pseudo);
      const withPlaceholder = ui.page.getByTestId('inspector').locator('input[placeholder]:placeholder-shown').first();
      expect(await styleOf(withPlaceholder, '::placeholder')).toBe('italic');
      expect(await styleOf(ui.field('field-name').locator('input'))).toBe('normal');

      // Clicking a problem selects its culprit (the port-channel), not the first element of the host.
      await ui.select('ms01-vmbr1');
      await ui.fill('field-pvid', '245');
      const problem = ui.page.locator('[data-testid="problem"][data-rule="vlan/native-mismatch"]');
      await expect.poll(() => problem.count()).toBeGreaterThan(0);
      await ui.clearSelection();
      await problem.first().click();
      await expect.poll(title).toMatch(/^Po\d/);
      await expect.poll(() => ui.page.locator('.react-flow__node-port-channel.selected').count()).toBeGreaterThan(0);
      await ui.select('ms01-vmbr1');
      await ui.fill('field-pvid', '240');
      await expect.poll(() => problem.count()).toBe(0);

      // Shift-click adds to the selection; the inspector stays on the first.
      await ui.select('ms01-bond0');
      const bond1 = await ui.box(ui.node('ms01-bond1'));
      await ui.page.keyboard.down('Shift');
      await ui.page.mouse.click(bond1.x + 30, bond1.y + 14);
      await ui.page.keyboard.up('Shift');
      await expect.poll(() => ui.node('ms01-bond1').getAttribute('class')).toContain('selected');
      expect(await ui.node('ms01-bond0').getAttribute('class')).toContain('selected');
      await expect.poll(title).toContain('bond0');

      // "+ network" with a node selected shows the new network.
      await ui.page.getByTestId('add-network').click();
      await expect.poll(title).toMatch(/^VLAN 10\b/);

      // Two VLAN interfaces with one VLAN id on one parent: flagged in Problems and on both nodes.
      await ui.menu('view', 'fit-view');
      await ui.settle();
      await ui.dropInto('vlan', 'ms01');
      await ui.dropInto('vlan', 'ms01');
      const vlans = ui.page.locator('.react-flow__node-vlan');
      await expect.poll(() => vlans.count()).toBe(2);
      const [first, second] = (await boxes(vlans)).map((v) => v.id);
      await ui.select(first!);
      const vid = await ui.field('field-vlan').locator('input').inputValue();
      await ui.select(second!);
      await ui.fill('field-vlan', vid);
      await expect
        .poll(() => ui.page.locator('[data-testid="problem"][data-rule="vlan/duplicate-on-parent"]').count())
        .toBe(1);
      for (const id of [first!, second!])
        await expect.poll(() => ui.node(id).getByTestId('problem-badge').count()).toBe(1);

      // A VM on a Debian host: the inspector says nothing is exported for it.
      await ui.select('vm-100');
      expect(await ui.page.getByTestId('vm-no-output').count()).toBe(0);
      await ui.select('ms01');
      await ui.choose('field-platform', 'debian');
      await ui.select('vm-100');
      await expect.poll(() => ui.page.getByTestId('vm-no-output').textContent()).toContain('Proxmox VE hosts only');
      await app.screenshot('VM on a Debian host');
      expect(app.pageErrors).toEqual([]);
    });
  });

  it('shows verbatim content as a badge and edits it in the inspector, one line per entry, root commands named', async () => {
    await withApp({}, async (app) => {
      const ui = await startExample(app);
      const badge = (id: string) => ui.node(id).getByTestId('verbatim-badge');
      expect(await ui.page.getByTestId('verbatim-badge').count()).toBe(0);

      // An interface's extra lines: a line that would start a stanza is refused and changes nothing.
      await ui.select('ms01-vmbr0');
      const extra = ui.field('field-extraLines').locator('textarea');
      await extra.fill('auto eth9');
      await extra.press('Control+Enter');
      await expect.poll(() => ui.field('field-extraLines').getByRole('alert').textContent()).toMatch(/^line 1 /);
      expect(await badge('ms01-vmbr0').count()).toBe(0);
      await extra.fill('# the route to the lab\npost-up ip route add 192.0.2.0/24 via 10.2.200.254');
      await extra.press('Control+Enter');
      await expect.poll(() => badge('ms01-vmbr0').textContent()).toBe('¶2');
      expect(await badge('ms01-vmbr0').getAttribute('class')).toContain('has-root');
      expect(await ui.page.getByTestId('field-extraLines-root').textContent()).toContain(
        'line 2 runs as root: ip route add 192.0.2.0/24 via 10.2.200.254',
      );

      // A host's unmanaged stanzas: a new block, shown on the host's frame and written into its file.
      await ui.select('ms01');
      const block = ui.field('field-unmanaged-0').locator('textarea');
      await block.fill('auto vxlan10\niface vxlan10 inet manual\n    vxlan-id 10');
      await block.press('Control+Enter');
      await expect.poll(() => badge('ms01').textContent()).toBe('¶3');
      await ui.page.getByTestId('tab-preview').click();
      await expect.poll(() => ui.previewText()).toContain('iface vxlan10 inet manual');
      expect(await ui.previewText()).toContain('post-up ip route add 192.0.2.0/24 via 10.2.200.254');
      await ui.page.getByTestId('tab-inspector').click();
      await app.screenshot('verbatim lines shown and edited');
      expect(app.pageErrors).toEqual([]);
    });
  });
});
