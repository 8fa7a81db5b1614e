import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecentFiles, RECENT_FILES_LIMIT } from '../../../electron/engine/recent-files.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-recent-'));

describe('recent files', () => {
  it('is empty when nothing was recorded, and when the file is corrupt', async () => {
    const dir = tempDir();
    expect(await createRecentFiles(dir).list()).toEqual([]);
    writeFileSync(join(dir, 'recent-files.json'), '{ not json');
    expect(await createRecentFiles(dir).list()).toEqual([]);
    writeFileSync(join(dir, 'recent-files.json'), '{"recent":[{"path":1}]}');
    expect(await createRecentFiles(dir).list()).toEqual([]);
  });

  it('keeps the most recent first, without duplicates, as absolute paths, across instances', async () => {
    const dir = join(tempDir(), 'not-yet-created');
    let clock = 0;
    const recent = createRecentFiles(dir, () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)));
    await recent.add('/a.netloom.json');
    await recent.add('/b.netloom.json');
    await recent.add('/a.netloom.json');
    await recent.add('relative.netloom.json');
    const list = await createRecentFiles(dir).list();
    expect(list.map((r) => r.path)).toEqual([
      join(process.cwd(), 'relative.netloom.json'),
      '/a.netloom.json',
      '/b.netloom.json',
    ]);
    expect(list[1]!.usedAt).toBe('2026-01-01T00:00:02.000Z');
    expect(JSON.parse(readFileSync(join(dir, 'recent-files.json'), 'utf8')).recent).toHaveLength(3);
  });

  it(`keeps at most ${RECENT_FILES_LIMIT}, and concurrent adds lose nothing`, async () => {
    const dir = tempDir();
    const recent = createRecentFiles(dir);
    await Promise.all(Array.from({ length: 4 }, (_, i) => recent.add(`/c${i}.netloom.json`)));
    expect((await recent.list()).map((r) => r.path).sort()).toEqual([
      '/c0.netloom.json',
      '/c1.netloom.json',
      '/c2.netloom.json',
      '/c3.netloom.json',
    ]);
    for (let i = 0; i < RECENT_FILES_LIMIT + 3; i++) await recent.add(`/f${i}.netloom.json`);
    const list = await recent.list();
    expect(list).toHaveLength(RECENT_FILES_LIMIT);
    expect(list[0]!.path).toBe(`/f${RECENT_FILES_LIMIT + 2}.netloom.json`);
  });
});
