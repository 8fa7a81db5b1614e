/**
 * Canvas benchmark: generated designs of 500, 1,000 and 2,000 elements
 * served by `netloom serve` and drawn in Chromium. Prints time to first
 * render and frame times (median, p95) while panning and while dragging a
 * node, at fit view, at zoom 1 and zoomed out from there to 58% and 40%.
 * Goal: p95 <= 16.7 ms everywhere.
 *
 *   node build/compile.mjs && npx vite build && npx tsx test/bench/canvas.ts
 *
 * NETLOOM_BENCH_TRACE=1 traces each interaction and adds the CPU time per
 * frame of the page's main thread, rasterising its tiles and the display
 * compositor (tracing slows the frames it measures).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serializeDesign } from '../../shared/model/index.js';
import { launchChromium, startServe } from '../system/e2e/harness.js';
import { generatedDesign } from './canvas-design.js';
import { CPU_TRACE_CATEGORIES, cpuPerFrame, type CpuPerFrame } from './trace-cpu.js';

// NETLOOM_BENCH_SIZES=2000 runs one size only.
const SIZES = (process.env.NETLOOM_BENCH_SIZES ?? '500,1000,2000').split(',').map(Number);
const VIEWPORT = { width: 1440, height: 900 };
const TRACE = process.env.NETLOOM_BENCH_TRACE === '1';

interface FrameStats {
  readonly median: number;
  readonly p95: number;
  readonly frames: number;
  readonly cpu?: CpuPerFrame;
}

function stats(deltas: readonly number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), frames: sorted.length };
}

/** Records requestAnimationFrame intervals (and with NETLOOM_BENCH_TRACE, CPU time) while `act` runs. */
async function frames(browser: Browser, page: Page, act: () => Promise<void>): Promise<FrameStats> {
  // A string, so the bundler's helpers (tsx names functions) never reach the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  if (TRACE) await browser.startTracing(page, { categories: CPU_TRACE_CATEGORIES });
  await act();
  const cpu = TRACE ? cpuPerFrame((await browser.stopTracing()).toString('utf8')) : undefined;
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  return { ...stats(deltas), cpu };
}

/** A point on empty canvas (pressing there pans instead of dragging a node). */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  for (let fy = 0.5; fy > 0.05; fy -= 0.05) {
    for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2]) {
      const x = Math.round(box.x + box.width * fx);
      const y = Math.round(box.y + box.height * fy);
      const hit = await page.evaluate(
        `document.elementFromPoint(${x}, ${y})?.classList.contains('react-flow__pane') ?? false`,
      );
      if (hit) return { x, y };
    }
  }
  throw new Error('no empty canvas to pan from');
}

async function pan(page: Page): Promise<void> {
  const { x, y } = await emptyPoint(page);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(x + Math.sin(i / 12) * 300, y + Math.cos(i / 12) * 150);
  await page.mouse.up();
}

/** Drags a bond that is on screen (a host frame far out, where elements are drawn as one picture). */
async function dragNode(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const onScreen = async (selector: string) => {
    for (const node of await page.locator(selector).all()) {
      const b = await node.boundingBox();
      // The pointer swings 120 px either way; keep it off the edges, where React Flow pans by itself.
      const px = b ? b.x + Math.min(20, b.width / 2) : 0;
      const py = b ? b.y + Math.min(10, b.height / 2) : 0;
      if (
        b &&
        b.width >= 6 &&
        px - 120 > pane.x + 50 &&
        px + 120 < pane.x + pane.width - 50 &&
        py > pane.y + 50 &&
        py + 120 < pane.y + pane.height - 50
      )
        return b;
    }
    return null;
  };
  const box = (await onScreen('.react-flow__node-bond')) ?? (await onScreen('.react-flow__node-host'));
  if (!box) {
    await page.screenshot({ path: '/tmp/nl/bench-fail.png' });
    throw new Error('no node on screen to drag');
  }
  const x = box.x + Math.min(20, box.width / 2);
  const y = box.y + Math.min(10, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(x + Math.sin(i / 12) * 120, y + (1 - Math.cos(i / 12)) * 60);
  await page.mouse.up();
}

const fmt = (n: number) => n.toFixed(1).padStart(6);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'netloom-bench-'));
  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const design = generatedDesign(size);
      const path = join(dir, `bench-${size}.netloom.json`);
      writeFileSync(path, serializeDesign(design));
      const nodes =
        design.hosts.length * 10 + design.switches.reduce((n, s) => n + 1 + s.ports.length + s.portChannels.length, 0);
      const serve = await startServe({ design: path });
      try {
        const page = await browser.newPage({ viewport: VIEWPORT });
        await page.goto(serve.url);
        await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, null, {
          timeout: 60_000,
        });
        const firstRender = await page.evaluate(() => performance.now());
        await page.waitForTimeout(500);
        const results: Record<string, FrameStats> = {};
        await page.keyboard.press('Shift+1');
        await page.waitForTimeout(600);
        results['pan, fit view'] = await frames(browser, page, () => pan(page));
        results['drag, fit view'] = await frames(browser, page, () => dragNode(page));
        // Zoom 1 around a host (far out, its elements are not nodes of their own), so there is a bond to drag at that zoom too.
        const host = page.locator('.react-flow__node-host').first();
        await host.click({ position: { x: 4, y: 4 }, force: true });
        await page.keyboard.press('Shift+2');
        await page.waitForTimeout(600);
        await page.keyboard.press('Control+0');
        await page.waitForTimeout(600);
        results['pan, zoom 1'] = await frames(browser, page, () => pan(page));
        results['drag, zoom 1'] = await frames(browser, page, () => dragNode(page));
        // Out from there by Zoom out (1/1.2 a step): 58% still draws every detail, 40% names only.
        for (const [zoom, steps] of [
          ['58%', 3],
          ['40%', 2],
        ] as const) {
          for (let i = 0; i < steps; i++) {
            await page.keyboard.press('-');
            await page.waitForTimeout(300);
          }
          await page.waitForTimeout(600);
          const scale = await page
            .locator('.react-flow__viewport')
            .evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
          if (Math.abs(scale * 100 - Number.parseInt(zoom)) > 1) throw new Error(`zoom is ${scale}, not ${zoom}`);
          results[`pan, zoom ${zoom}`] = await frames(browser, page, () => pan(page));
          results[`drag, zoom ${zoom}`] = await frames(browser, page, () => dragNode(page));
        }
        for (const [what, s] of Object.entries(results)) {
          rows.push(
            `${String(size).padStart(5)} ${String(nodes).padStart(6)} ${fmt(firstRender)} ms  ${what.padEnd(15)} ${fmt(s.median)} ${fmt(s.p95)} ${String(s.frames).padStart(6)}${s.cpu ? `  ${fmt(s.cpu.main)} ${fmt(s.cpu.raster)} ${fmt(s.cpu.display)}` : ''}`,
          );
        }
        await page.close();
      } finally {
        await serve.stop();
      }
    }
  } finally {
    await browser.close();
  }
  console.log('Canvas benchmark (Chromium, 1440x900, frame times in ms; goal p95 <= 16.7)');
  console.log(
    ` size  nodes first render  interaction     median    p95 frames${TRACE ? '  CPU ms/frame: main raster display (traced)' : ''}`,
  );
  for (const row of rows) console.log(row);
}

await main();
