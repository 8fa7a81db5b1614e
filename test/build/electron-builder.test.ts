/**
 * `npm run dist` cannot run here (Electron is never downloaded), so its
 * configuration is loaded and validated the way electron-builder does before
 * it packs anything, and the settings that matter are asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const load = () => getConfig(ROOT, join(ROOT, 'build', 'electron-builder.yml'), null);
const validate = (config: object) => validateConfiguration(config, new DebugLogger(false));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration (build/electron-builder.yml)', () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it('the check is live: a misspelt fuse is refused', async () => {
    const config = await load();
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).rejects.toThrow(
      /configuration\.electronFuses should be/,
    );
  });

  it('builds AppImage and deb, NSIS and dmg from the compiled app', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.extraMetadata?.main).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main);
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['dist/**', 'shared/examples/**', '!dist/start.js*']) },
    ]);
    expect(config.asar).toBe(true);
  });

  it('opens .netloom.json files, with the MIME type application/x-netloom+json on Linux', async () => {
    expect((await load()).fileAssociations).toEqual([
      expect.objectContaining({ ext: 'netloom.json', mimeType: 'application/x-netloom+json', role: 'Editor' }),
    ]);
  });

  it('locks Electron down with fuses', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has the icons it names: 1024 px for macOS and Windows, one file per size for Linux', async () => {
    const config = await load();
    expect(pngSize(join(ROOT, config.icon!))).toEqual([1024, 1024]);
    const linuxIcons = join(ROOT, config.linux!.icon!);
    const sizes = readdirSync(linuxIcons).map((name) => {
      const [width, height] = pngSize(join(linuxIcons, name));
      expect(name).toBe(`${width}x${height}.png`);
      return width;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 48, 64, 128, 256, 512]);
  });
});
