/**
 * The recent-files list, kept as `recent-files.json` in the data folder, most
 * recent first. A missing or unreadable list is an empty one: recent files
 * are a convenience and never stop the app.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../shared/api.js';
import { writeFileAtomic } from './project-files.js';

export const RECENT_FILES_LIMIT = 10;

const RecentFilesDocument = z.object({
  recent: z.array(z.object({ path: z.string().min(1), usedAt: z.string() })),
});

export interface RecentFiles {
  list(): Promise<readonly RecentFile[]>;
  /** Moves `path` to the top (adding it if new) and returns the new list. */
  add(path: string): Promise<readonly RecentFile[]>;
}

export function createRecentFiles(dataDir: string, now: () => Date = () => new Date()): RecentFiles {
  const file = join(dataDir, 'recent-files.json');
  const list = async (): Promise<readonly RecentFile[]> => {
    try {
      const parsed = RecentFilesDocument.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.recent.slice(0, RECENT_FILES_LIMIT) : [];
    } catch {
      return [];
    }
  };
  // Serialise updates so two quick saves cannot drop each other's entry.
  let queue: Promise<unknown> = Promise.resolve();
  const add = (path: string): Promise<readonly RecentFile[]> => {
    const next = queue.then(async () => {
      const absolute = resolve(path);
      const recent = [
        { path: absolute, usedAt: now().toISOString() },
        ...(await list()).filter((r) => r.path !== absolute),
      ].slice(0, RECENT_FILES_LIMIT);
      await mkdir(dataDir, { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify({ recent }, null, 2)}\n`);
      return recent;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { list, add };
}
