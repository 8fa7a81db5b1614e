import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
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
    const expected = [...design.hosts, ...design.switches].flatMap((d) =>
      renderDevice(design, d.id).map((f) => ({ device: d.name, path: `${d.name}/${f.path}`, content: f.content })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.files).toEqual(expected.map(({ device, path }) => ({ device, path })));
    for (const file of expected) expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
  });

  it('creates nested folders, replaces old files and leaves other files alone', async () => {
    const design = exampleDesign();
    const dir = tempDir();
    const host = design.hosts[0]!;
    const render = (_d: unknown, id: string) =>
      id === host.id ? [{ target: 'ifupdown2' as const, path: 'etc/network/interfaces', content: 'auto lo\n' }] : [];
    await writeExportFolder(design, dir, render);
    await writeExportFolder(design, dir, () => []);
    expect(readFileSync(join(dir, host.name, 'etc/network/interfaces'), 'utf8')).toBe('auto lo\n');
    await writeExportFolder(design, dir, (d, id) =>
      render(d, id).map((f) => ({ ...f, content: 'auto lo\niface lo inet loopback\n' })),
    );
    expect(readFileSync(join(dir, host.name, 'etc/network/interfaces'), 'utf8')).toBe(
      'auto lo\niface lo inet loopback\n',
    );
    expect(readdirSync(join(dir, host.name, 'etc/network'))).toEqual(['interfaces']);
  });

  it.each(['../escape', '/etc/passwd', 'a/../../escape', ''])(
    'refuses a generated path that leaves the device folder: %j',
    async (path) => {
      const design = exampleDesign();
      const dir = tempDir();
      await expect(
        writeExportFolder(design, join(dir, 'out'), () => [{ target: 'ifupdown2', path, content: 'x' }]),
      ).rejects.toThrow(/would leave the device's export folder/);
      expect(existsSync(join(dir, 'escape'))).toBe(false);
    },
  );

  it('never writes through a link inside the export folder: device folder, sub-folder or file', async () => {
    const design = exampleDesign();
    const host = design.hosts[0]!;
    const render = (_d: unknown, id: string) =>
      id === host.id ? [{ target: 'ifupdown2' as const, path: 'etc/network/interfaces', content: 'auto lo\n' }] : [];
    const victim = tempDir();
    writeFileSync(join(victim, 'interfaces'), 'victim\n');
    const cases: [string, (dir: string) => void][] = [
      ['device folder', (dir) => symlinkSync(victim, join(dir, host.name))],
      [
        'sub-folder',
        (dir) => (
          mkdirSync(join(dir, host.name, 'etc'), { recursive: true }),
          symlinkSync(victim, join(dir, host.name, 'etc', 'network'))
        ),
      ],
      [
        'file',
        (dir) => (
          mkdirSync(join(dir, host.name, 'etc', 'network'), { recursive: true }),
          symlinkSync(join(victim, 'interfaces'), join(dir, host.name, 'etc', 'network', 'interfaces'))
        ),
      ],
    ];
    for (const [, plant] of cases) {
      const dir = tempDir();
      plant(dir);
      await expect(writeExportFolder(design, dir, render)).rejects.toThrow(
        /is a symbolic link; Netloom does not write through links/,
      );
      expect(readdirSync(victim)).toEqual(['interfaces']);
      expect(readFileSync(join(victim, 'interfaces'), 'utf8')).toBe('victim\n');
    }
  });

  it.each(['/proc/self', '/sys/kernel', '/dev/shm'])('refuses to export into the special folder %s', async (dir) => {
    await expect(writeExportFolder(exampleDesign(), dir)).rejects.toThrow(
      `cannot export into ${dir}: it is a system folder`,
    );
  });

  it('refuses an export folder that is a file', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    await expect(writeExportFolder(exampleDesign(), file)).rejects.toThrow(
      `cannot export into ${file}: it is a regular file, not a folder`,
    );
  });
});
