/**
 * Crash recovery across a killed `netloom serve`: the autosave written before
 * the crash is offered by the next start with the same data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleDesign } from '../../helpers/design.js';
import { startServe } from '../e2e/harness.js';

describe('recovery after a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'netloom-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('offers the autosave after serve was killed with SIGKILL, and forgets it once discarded', async () => {
    const first = await startServe({ dataDir });
    const edited = { ...exampleDesign(), name: 'Unsaved edits' };
    await first.api.writeRecovery(edited, join(dataDir, 'lab.netloom.json'));
    process.kill(-first.pid, 'SIGKILL');
    await first.stop();
    await expect(first.api.capabilities()).rejects.toMatchObject({ code: 'unreachable' });

    const second = await startServe({ dataDir });
    try {
      const initial = await second.api.initialDesign();
      expect(initial.isExample).toBe(true);
      expect(initial.recovery).toMatchObject({ design: edited, forPath: join(dataDir, 'lab.netloom.json') });
      await second.api.discardRecovery();
      expect((await second.api.initialDesign()).recovery).toBeNull();
    } finally {
      await second.stop();
    }
  });
});
