import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecoveryStore } from '../../../electron/engine/recovery.js';
import { exampleDesign } from '../../helpers/design.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'netloom-recovery-'));

describe('recovery file', () => {
  it('round-trips a design with the file it belongs to and the time', async () => {
    const dir = tempDir();
    const store = createRecoveryStore(dir, () => new Date('2026-11-23T08:00:00Z'));
    expect(await store.read()).toBeNull();
    const design = { ...exampleDesign(), name: 'Edited lab' };
    await store.write(design, '/home/me/lab.netloom.json');
    expect(await createRecoveryStore(dir).read()).toEqual({
      design,
      forPath: '/home/me/lab.netloom.json',
      savedAt: '2026-11-23T08:00:00.000Z',
    });
    await store.write(exampleDesign(), null);
    expect((await store.read())?.forPath).toBeNull();
    expect(readdirSync(dir)).toEqual(['recovery.netloom-recovery.json']);
  });

  it('discard removes it, and discarding nothing is fine', async () => {
    const store = createRecoveryStore(tempDir());
    await store.discard();
    await store.write(exampleDesign(), null);
    await store.discard();
    expect(await store.read()).toBeNull();
  });

  it('a discard asked for while a write is still in flight wins (no stale offer after a save)', async () => {
    const dir = tempDir();
    const store = createRecoveryStore(dir);
    for (let i = 0; i < 20; i++) {
      const writing = store.write(exampleDesign(), null);
      const discarding = store.discard();
      await Promise.all([writing, discarding]);
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('a corrupt or invalid recovery file reads as none and is left on disk', async () => {
    const dir = tempDir();
    const file = join(dir, 'recovery.netloom-recovery.json');
    const store = createRecoveryStore(dir);
    writeFileSync(file, '{"format":"netloom-recovery/1","savedAt":"x","forPath":null,');
    expect(await store.read()).toBeNull();
    const broken = {
      format: 'netloom-recovery/1',
      savedAt: 'x',
      forPath: null,
      design: { ...exampleDesign(), networks: [{ id: 'n', vlan: 0, name: 'bad' }] },
    };
    writeFileSync(file, JSON.stringify(broken));
    expect(await store.read()).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(broken));
  });
});
