/**
 * How a person drives the designer, as test steps: drop palette items on the
 * canvas, draw connections between handles, select nodes, fill inspector
 * fields, run menu actions. Every step goes through the real UI (pointer
 * and keyboard events in Chromium), never through the store.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export class DesignerPage {
  /** How many steps a person took so far: each drop, connection, click, field filled, option chosen or menu action. */
  actions = 0;

  constructor(readonly page: Page) {}

  /** Clicks a control by its test id. */
  async click(testId: string): Promise<void> {
    this.actions++;
    await this.page.getByTestId(testId).click();
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  handle(nodeId: string, handleId: string): Locator {
    return this.page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);
  }

  /** Where an element is on the page, once it stops moving (the view may still be animating). */
  async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    let before = await locator.boundingBox();
    for (let i = 0; i < 20; i++) {
      await this.page.waitForTimeout(50);
      const now = await locator.boundingBox();
      if (before && now && now.x === before.x && now.y === before.y && now.width === before.width) return now;
      before = now;
    }
    throw new Error(`${locator.toString()} has no steady bounding box`);
  }

  /** Waits until the view stops moving (a fit or zoom animates; on a busy machine it may start late). */
  async settle(): Promise<void> {
    const transform = () =>
      this.page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    let before = await transform();
    for (let steady = 0; steady < 6;) {
      await this.page.waitForTimeout(60);
      const now = await transform();
      steady = now === before ? steady + 1 : 0;
      before = now;
    }
  }

  /** Runs an action through the menu bar, as a person would. */
  async menu(menu: string, actionId: string): Promise<void> {
    this.actions++;
    await this.page.getByTestId(`menu-${menu}`).click();
    await this.page.getByTestId(`action-${actionId}`).click();
  }

  /** Drags a palette item onto the canvas at a page position. */
  async drop(kind: string, at: { x: number; y: number }): Promise<void> {
    this.actions++;
    const pane = this.page.locator('.react-flow__pane');
    const pane_ = await this.box(pane);
    await this.page
      .getByTestId(`palette-${kind}`)
      .dragTo(pane, { targetPosition: { x: at.x - pane_.x, y: at.y - pane_.y } });
  }

  /** Drops a palette item into a host or switch frame, in the middle just below its title bar (it lands in the free spot nearest there). */
  async dropInto(kind: string, deviceId: string, offset = { x: 0, y: 0 }): Promise<void> {
    const frame = await this.box(this.node(deviceId));
    await this.drop(kind, {
      x: frame.x + frame.width / 2 + offset.x,
      y: frame.y + Math.min(70, frame.height / 2) + offset.y,
    });
  }

  /** Presses on one handle and releases on another. */
  async connect(from: [string, string], to: [string, string]): Promise<void> {
    this.actions++;
    const a = await this.box(this.handle(...from));
    const b = await this.box(this.handle(...to));
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await mouse.up();
  }

  /** Clicks a node's title to select it (only it). */
  async select(id: string): Promise<void> {
    this.actions++;
    const box = await this.box(this.node(id));
    // A frame (host, switch) by the right end of its title bar on screen, where cables coming in from above do not cross.
    const frame = (await this.node(id).getAttribute('class'))?.match(/react-flow__node-(host|switch)\b/);
    const pane = await this.box(this.page.locator('.react-flow__pane'));
    const x = frame ? Math.min(box.x + box.width, pane.x + pane.width) - 24 : box.x + Math.min(40, box.width / 2);
    await this.page.mouse.click(x, box.y + 14);
    await expect.poll(() => this.node(id).getAttribute('class')).toContain('selected');
  }

  async clearSelection(): Promise<void> {
    this.actions++;
    await this.page.keyboard.press('Escape');
  }

  field(testId: string): Locator {
    return this.page.getByTestId('inspector').getByTestId(testId);
  }

  /** Types into an inspector text field and commits with Enter. */
  async fill(testId: string, value: string): Promise<void> {
    this.actions++;
    const input = this.field(testId).locator('input');
    await input.fill(value);
    await input.press('Enter');
    await expect.poll(() => this.field(testId).getByRole('alert').count()).toBe(0);
  }

  async choose(testId: string, value: string): Promise<void> {
    this.actions++;
    await this.field(testId).locator('select').selectOption(value);
  }

  /** Sets an inspector input that takes its value at once (a colour). */
  async set(testId: string, value: string): Promise<void> {
    this.actions++;
    await this.field(testId).locator('input').fill(value);
  }

  async tick(testId: string, on = true): Promise<void> {
    this.actions++;
    await this.field(testId).locator('input[type=checkbox]').setChecked(on);
  }

  /** Answers the in-app path dialog. */
  async answerDialog(text: string): Promise<void> {
    this.actions++;
    const input = this.page.getByTestId('dialog-input');
    await input.fill(text);
    await this.page.getByTestId('dialog-confirm').click();
  }

  /** The full text of the config preview's current file. */
  async previewText(): Promise<string> {
    return (await this.page.getByTestId('preview-raw').textContent()) ?? '';
  }

  async nodePosition(id: string): Promise<{ x: number; y: number }> {
    const b = await this.box(this.node(id));
    return { x: Math.round(b.x), y: Math.round(b.y) };
  }
}
