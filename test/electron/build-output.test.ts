/**
 * What `npm start` (electron .) loads: package.json `main` -> dist/main.js,
 * which loads dist/preload.cjs and dist/renderer/index.html. Electron cannot
 * run here, so check the compiled bundles instead (built by `npm test` first,
 * or `node build/compile.mjs`; not rebuilt here, since CLI tests read dist/
 * at the same time).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

describe('Electron build output', () => {
  it('package.json main is the compiled main process', () => {
    expect(JSON.parse(read('package.json')).main).toBe('dist/main.js');
  });

  it('main loads the preload and the renderer from next to itself', () => {
    const main = read('dist/main.js');
    expect(main).toContain('"./preload.cjs"');
    expect(main).toContain('"./renderer/index.html"');
    const dependencies = Object.keys(JSON.parse(read('package.json')).dependencies as Record<string, string>);
    const imports = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    for (const specifier of imports) {
      const known =
        specifier === 'electron' ||
        specifier.startsWith('node:') ||
        builtinModules.includes(specifier) ||
        dependencies.some((d) => specifier === d || specifier.startsWith(`${d}/`));
      expect(known, `dist/main.js imports ${specifier}`).toBe(true);
    }
  });

  it('the sandboxed preload is one small CommonJS file that requires only electron', () => {
    const preload = read('dist/preload.cjs');
    expect([...new Set([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("netloomBridge"');
    expect(preload).not.toMatch(/from "zod"|ZodError/);
    expect(Buffer.byteLength(preload)).toBeLessThan(10_000);
  });
});
