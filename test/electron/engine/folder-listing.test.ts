import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFolder } from '../../../electron/engine/folder-listing.js';

describe('listFolder', () => {
  it('lists folders first, then design files, leaving out hidden entries and other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-list-'));
    mkdirSync(join(dir, 'zoo'));
    mkdirSync(join(dir, 'alpha'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'lab.netloom.json'), '{}');
    writeFileSync(join(dir, 'b.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), '');
    writeFileSync(join(dir, '.hidden.json'), '{}');
    symlinkSync(join(dir, 'alpha'), join(dir, 'link-to-alpha'));
    const listing = await listFolder(dir);
    expect(listing.path).toBe(dir);
    expect(listing.parent).toBe(tmpdir());
    expect(listing.entries).toEqual([
      { name: 'alpha', kind: 'folder' },
      { name: 'link-to-alpha', kind: 'folder' },
      { name: 'zoo', kind: 'folder' },
      { name: 'b.json', kind: 'file' },
      { name: 'lab.netloom.json', kind: 'file' },
    ]);
  });

  it('has no parent at the root, and names a missing folder', async () => {
    expect((await listFolder('/')).parent).toBeNull();
    await expect(listFolder('/nonexistent-netloom')).rejects.toMatchObject({
      code: 'not-found',
      message: 'cannot list /nonexistent-netloom: no such folder',
    });
  });
});
