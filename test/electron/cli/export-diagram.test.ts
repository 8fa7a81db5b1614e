import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramSvg } from '../../../shared/diagram/svg.js';
import { PNG_SCALE } from '../../../electron/engine/diagram-png.js';
import { EXAMPLE, runCli } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height of the SVG's root element. */
function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

describe('netloom export --diagram', () => {
  it('prints the SVG the app exports, in the theme asked for', () => {
    const light = runCli(['export', EXAMPLE, '--diagram', 'svg']);
    expect(light.stderr).toBe('');
    expect(light.status).toBe(0);
    expect(light.stdout).toBe(diagramSvg(exampleDesign(), { theme: 'light' }));
    const dark = runCli(['export', EXAMPLE, '--diagram', 'svg', '--theme', 'dark']);
    expect(dark.stdout).toBe(diagramSvg(exampleDesign(), { theme: 'dark' }));
  });

  it('writes a PNG of the diagram at twice its size, drawn without a browser', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'netloom-diagram-')), 'homelab.png');
    const run = runCli(['export', EXAMPLE, '--diagram', 'png', '--theme', 'dark', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`wrote ${out}\n`);
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR is the first chunk: width and height, big-endian, after its length and type.
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const { width, height } = svgSize(diagramSvg(exampleDesign(), { theme: 'dark' }));
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
      width: width * PNG_SCALE,
      height: height * PNG_SCALE,
    });
  });

  it('exits 2 for a PNG without a file, an unknown format or theme, and --device with --diagram', () => {
    for (const [args, message] of [
      [['--diagram', 'png'], '--diagram png needs --out FILE'],
      [['--diagram', 'gif'], "argument 'gif' is invalid. Allowed choices are svg, png"],
      [['--diagram', 'svg', '--theme', 'sepia'], "argument 'sepia' is invalid. Allowed choices are light, dark"],
      [['--diagram', 'svg', '--device', 'ms01'], '--diagram draws the whole design; leave out --device'],
    ] as const) {
      const run = runCli(['export', EXAMPLE, ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    }
  });
});
