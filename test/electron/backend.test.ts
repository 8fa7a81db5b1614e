/** The composed backend called directly, as the third adapter (tests) does. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, EXAMPLE_DESIGN } from '../../electron/backend.js';
import { updateFileLocked } from '../../electron/engine/project-files.js';
import { serializeDesign } from '../../shared/model/index.js';
import { EXAMPLE } from '../helpers/cli.js';
import { exampleDesign } from '../helpers/design.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-backend-'));

function backendIn(options: Parameters<typeof createBackend>[0] = {}) {
  const backend = createBackend({ dataDir: tempDir(), ...options });
  const events: [string, unknown][] = [];
  backend.emitter.subscribe((name, payload) => events.push([name, payload]));
  return { ...backend, events };
}

describe('backend: files', () => {
  it('starts with the example, marked as such, plus any recovery to offer', async () => {
    const { api } = backendIn();
    const first = await api.initialDesign();
    expect(first).toMatchObject({ ok: true, path: EXAMPLE_DESIGN, isExample: true, recovery: null });
    await api.writeRecovery({ ...exampleDesign(), name: 'Unsaved' }, null);
    const second = await api.initialDesign();
    expect(second.recovery).toMatchObject({ forPath: null, design: { name: 'Unsaved' } });
    expect(await api.listRecentFiles()).toEqual([]);
  });

  it('starts with the file named on the command line, without a recovery offer', async () => {
    const dir = tempDir();
    const path = join(dir, 'lab.netloom.json');
    copyFileSync(EXAMPLE, path);
    const { api } = backendIn({ initialPath: path });
    await api.writeRecovery(exampleDesign(), path);
    expect(await api.initialDesign()).toMatchObject({ ok: true, path, isExample: false, recovery: null });
    expect((await api.listRecentFiles()).map((r) => r.path)).toEqual([path]);
  });

  it('asks for the first design when the window starts, so a file opened from outside before then wins', async () => {
    const dir = tempDir();
    const path = join(dir, 'lab.netloom.json');
    copyFileSync(EXAMPLE, path);
    let initial: string | undefined = undefined;
    const { api } = backendIn({ initialPath: () => initial });
    initial = path;
    expect(await api.initialDesign()).toMatchObject({ ok: true, path, isExample: false });
  });

  it('a broken file opens as problems with JSON paths, and the file is untouched', async () => {
    const path = join(tempDir(), 'broken.netloom.json');
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    json.networks[0].vlan = 4095;
    writeFileSync(path, JSON.stringify(json));
    const { api } = backendIn();
    const result = await api.openDesign(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('networks[0].vlan');
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(json));
    expect(await api.listRecentFiles()).toEqual([]);
  });

  it('save writes the file with a .bak, records it as recent and tells the renderers', async () => {
    const dir = tempDir();
    const path = join(dir, 'lab.netloom.json');
    const { api, events } = backendIn();
    await api.saveDesign(path, exampleDesign());
    await api.saveDesign(path, { ...exampleDesign(), name: 'Second' });
    expect(JSON.parse(readFileSync(`${path}.bak`, 'utf8')).name).toBe(exampleDesign().name);
    expect(await api.openDesign(path)).toMatchObject({ ok: true, design: { name: 'Second' } });
    expect(events.at(-1)).toEqual(['didChangeRecentFiles', [expect.objectContaining({ path })]]);
  });

  it('a save refuses a file another writer changed since it was opened (an import --into holding the lock), keeping that work', async () => {
    const path = join(tempDir(), 'lab.netloom.json');
    copyFileSync(EXAMPLE, path);
    const { api } = backendIn();
    await api.openDesign(path);
    await api.saveDesign(path, { ...exampleDesign(), name: 'Mine' });
    let saving: Promise<void> | undefined;
    await updateFileLocked(path, async () => {
      // The app saves while the import holds the lock: the save waits for it, then finds the import's file.
      saving = api.saveDesign(path, { ...exampleDesign(), name: 'Mine again' });
      return serializeDesign({ ...exampleDesign(), name: 'Imported' });
    });
    await expect(saving).rejects.toMatchObject({
      code: 'changed-on-disk',
      message: expect.stringContaining(`cannot save ${path}: it changed on disk since it was opened`),
    });
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('Imported');
    // Reloaded, it saves again.
    await api.openDesign(path);
    await api.saveDesign(path, { ...exampleDesign(), name: 'Mine at last' });
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('Mine at last');
  });

  it('saves and exports switch port names in their canonical form, whatever form the caller sent', async () => {
    const design = exampleDesign();
    design.switches[0]!.ports[0]!.name = 'te1/0/17';
    const path = join(tempDir(), 'lab.netloom.json');
    const { api } = backendIn();
    await api.saveDesign(path, design);
    expect(JSON.parse(readFileSync(path, 'utf8')).switches[0].ports[0].name).toBe('Tengigabitethernet1/0/17');
    const exported = await api.exportConfigs(design, tempDir());
    const startup = exported.files.find((f) => f.path.endsWith('startup-config.txt'));
    expect(readFileSync(join(exported.dir, startup!.path), 'utf8')).toContain('interface Te1/0/17\n');
  });

  it('refuses to overwrite the bundled example, and to save a design that would not load again', async () => {
    const { api } = backendIn();
    const before = readFileSync(EXAMPLE_DESIGN, 'utf8');
    await expect(api.saveDesign(EXAMPLE_DESIGN, exampleDesign())).rejects.toMatchObject({ code: 'read-only' });
    const dangling = { ...exampleDesign(), cables: [{ id: 'c-x', hostPort: 'nope', switchPort: 'nope' }] };
    const path = join(tempDir(), 'x.netloom.json');
    await expect(api.saveDesign(path, dangling)).rejects.toMatchObject({ code: 'invalid-design' });
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(EXAMPLE_DESIGN, 'utf8')).toBe(before);
  });

  it('a data folder that cannot be written does not stop opening or saving', async () => {
    const blocker = join(tempDir(), 'file-not-folder');
    writeFileSync(blocker, '');
    const { api, events } = backendIn({ dataDir: join(blocker, 'netloom') });
    const path = join(tempDir(), 'lab.netloom.json');
    await api.saveDesign(path, exampleDesign());
    expect((await api.openDesign(path)).ok).toBe(true);
    expect(await api.listRecentFiles()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('exports configs into a folder', async () => {
    const dir = tempDir();
    const { api } = backendIn();
    const result = await api.exportConfigs(exampleDesign(), dir);
    expect(result.dir).toBe(dir);
    for (const file of result.files) expect(existsSync(join(dir, file.path))).toBe(true);
  });
});

describe('backend: folder listing', () => {
  it('starts in the folder of the design named on the command line', async () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE, join(dir, 'lab.netloom.json'));
    const { api } = backendIn({ initialPath: join(dir, 'lab.netloom.json') });
    expect(await api.listFolder(null)).toEqual({
      path: dir,
      parent: tmpdir(),
      entries: [{ name: 'lab.netloom.json', kind: 'file' }],
    });
    expect((await api.listFolder(tmpdir())).entries).toContainEqual({
      name: dir.slice(tmpdir().length + 1),
      kind: 'folder',
    });
  });
});

describe('backend: shell', () => {
  it('without native dialogs says so and the pickers resolve to null', async () => {
    const { api } = backendIn();
    expect(await api.capabilities()).toEqual({ nativeDialogs: false });
    expect(await api.pickOpenPath()).toBeNull();
    expect(await api.pickSavePath('/x.netloom.json')).toBeNull();
    expect(await api.pickFolder()).toBeNull();
  });

  it('with dialogs uses them, and reports dirty state to the window', async () => {
    const dirty: boolean[] = [];
    const { api } = backendIn({
      dialogs: {
        pickOpenPath: async () => '/o.netloom.json',
        pickSavePath: async (s) => `${s}.new`,
        pickFolder: async () => '/out',
      },
      onDirtyChange: (d) => dirty.push(d),
    });
    expect(await api.capabilities()).toEqual({ nativeDialogs: true });
    expect(await api.pickOpenPath()).toBe('/o.netloom.json');
    expect(await api.pickSavePath('/s')).toBe('/s.new');
    expect(await api.pickFolder()).toBe('/out');
    await api.reportDirty(true);
    await api.reportDirty(false);
    expect(dirty).toEqual([true, false]);
  });
});
