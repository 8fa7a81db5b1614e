/**
 * Autosave. The renderer writes its current design here every few seconds
 * while there are unsaved changes; after a crash the app finds the file at
 * start and offers to restore it. One file, `recovery.netloom-recovery.json`
 * in the data folder, replaced atomically so a crash mid-write leaves the
 * previous autosave intact. Reading goes through the model's restore step.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Recovery } from '../../shared/api.js';
import { restoreDesign } from '../../shared/load/index.js';
import { serializeDesign, type Design } from '../../shared/model/index.js';
import { writeFileAtomic } from './project-files.js';
import { DESIGN_MAX_BYTES, readRegularFile } from './read-file.js';

export const RECOVERY_FORMAT = 'netloom-recovery/1';

const RecoveryEnvelope = z.object({
  format: z.literal(RECOVERY_FORMAT),
  savedAt: z.string(),
  forPath: z.string().nullable(),
  design: z.unknown(),
});

export interface RecoveryStore {
  write(design: Design, forPath: string | null): Promise<void>;
  read(): Promise<Recovery | null>;
  discard(): Promise<void>;
}

export function createRecoveryStore(dataDir: string, now: () => Date = () => new Date()): RecoveryStore {
  const file = join(dataDir, 'recovery.netloom-recovery.json');
  // Writes and discards take effect in the order they were asked for: a discard
  // that arrives while a write is still renaming its temporary file must win.
  let queue: Promise<void> = Promise.resolve();
  const inOrder = (operation: () => Promise<void>): Promise<void> => {
    const done = queue.then(operation);
    queue = done.catch(() => undefined);
    return done;
  };
  return {
    write: (design, forPath) =>
      inOrder(async () => {
        await mkdir(dataDir, { recursive: true });
        const envelope = {
          format: RECOVERY_FORMAT,
          savedAt: now().toISOString(),
          forPath,
          design: JSON.parse(serializeDesign(design)) as unknown,
        };
        await writeFileAtomic(file, `${JSON.stringify(envelope, null, 2)}\n`);
      }),
    async read() {
      let text: string;
      try {
        text = await readRegularFile(file, { maxBytes: DESIGN_MAX_BYTES, what: 'recovery files' });
      } catch {
        return null;
      }
      try {
        const envelope = RecoveryEnvelope.parse(JSON.parse(text));
        const restored = restoreDesign(envelope.design);
        return restored.ok ? { design: restored.design, forPath: envelope.forPath, savedAt: envelope.savedAt } : null;
      } catch {
        return null;
      }
    },
    discard: () => inOrder(() => rm(file, { force: true })),
  };
}
