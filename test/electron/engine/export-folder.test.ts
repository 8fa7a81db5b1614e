import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExportFolder } from '../../../electron/engine/export-folder.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { exampleDesign } from '../../helpers/design.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-export-'));

describe('export folder', () => {
  it('writes every device file of the registered targets to <dir>/<device name>/<path>', async () => {
    const design = exampleDesign();
    const dir = tempDir();
    const result = await writeExportFolder(design, dir);
    const expected = [...design.hosts, ...design.switches].flatMap((d) => renderDevice(design, d.id).map((f) => ({ device: d.name, path: `${d.name}/${f.path}`, content: f.content })));
    expect(expected.length).toBeGreaterThan(0);
    expect(result.files).toEqual(expected.map(({ device, path }) => ({ device, path })));
    for (const file of expected) expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
  });

  it('creates nested folders, replaces old files and leaves other files alone', async () => {
    const design = exampleDesign();
    const dir = tempDir();
    const host = design.hosts[0]!;
    const render = (_d: unknown, id: string) => (id === host.id ? [{ target: 'ifupdown2' as const, path: 'etc/network/interfaces', content: 'auto lo\n' }] : []);
    await writeExportFolder(design, dir, render);
    await writeExportFolder(design, dir, () => []);
    expect(readFileSync(join(dir, host.name, 'etc/network/interfaces'), 'utf8')).toBe('auto lo\n');
    await writeExportFolder(design, dir, (d, id) => render(d, id).map((f) => ({ ...f, content: 'auto lo\niface lo inet loopback\n' })));
    expect(readFileSync(join(dir, host.name, 'etc/network/interfaces'), 'utf8')).toBe('auto lo\niface lo inet loopback\n');
    expect(readdirSync(join(dir, host.name, 'etc/network'))).toEqual(['interfaces']);
  });

  it.each(['../escape', '/etc/passwd', 'a/../../escape', ''])('refuses a generated path that leaves the device folder: %j', async (path) => {
    const design = exampleDesign();
    const dir = tempDir();
    await expect(writeExportFolder(design, join(dir, 'out'), () => [{ target: 'ifupdown2', path, content: 'x' }])).rejects.toThrow(/would leave the device's export folder/);
    expect(existsSync(join(dir, 'escape'))).toBe(false);
  });
});
