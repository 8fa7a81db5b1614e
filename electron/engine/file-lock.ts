/**
 * One writer at a time per design file, across processes: a lock file
 * `.<name>.lock` beside it, created exclusively and holding the owner's pid.
 * Two `netloom import --into` runs on one design then take turns instead of
 * one overwriting the other's host. A lock left by a process that is gone is
 * taken over; one held longer than the wait is refused with a message naming
 * the lock file.
 */
import { constants } from 'node:fs';
import { lstat, open, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeFsError, errnoCode, FileError } from './file-errors.js';

const RETRY_MS = 25;
const DEFAULT_WAIT_MS = 15_000;

export const lockPathOf = (path: string): string => join(dirname(path), `.${basename(path)}.lock`);

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

async function tryLock(lock: string): Promise<boolean> {
  try {
    const handle = await open(
      lock,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW,
      0o600,
    );
    try {
      await handle.writeFile(`${process.pid}\n`);
    } catch (e) {
      await handle.close();
      await unlink(lock).catch(() => undefined);
      throw e;
    }
    await handle.close();
    return true;
  } catch (e) {
    if (errnoCode(e) !== 'EEXIST') throw e;
  }
  // A lock being written has no pid yet; only a lock whose owner is gone is stale. The lock is
  // removed only if it is still the file whose pid was read: its owner may have let it go and
  // another process taken it since.
  const held = await lstat(lock).catch(() => null);
  const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (!held || !Number.isInteger(owner) || owner <= 0 || processAlive(owner)) return false;
  const now = await lstat(lock).catch(() => null);
  if (now?.ino === held.ino && now.dev === held.dev && now.mtimeMs === held.mtimeMs)
    await unlink(lock).catch(() => undefined);
  return false;
}

/** Runs `work` while holding the lock of `path`. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, waitMs = DEFAULT_WAIT_MS): Promise<T> {
  const lock = lockPathOf(path);
  const deadline = Date.now() + waitMs;
  for (;;) {
    let locked: boolean;
    try {
      locked = await tryLock(lock);
    } catch (e) {
      throw new FileError(path, `cannot save ${path}: ${describeFsError(e)}; the file was not changed`, errnoCode(e));
    }
    if (locked) break;
    if (Date.now() > deadline) {
      throw new FileError(
        path,
        `cannot save ${path}: another Netloom has been changing it for ${waitMs / 1000} s (lock file ${lock}); the file was not changed. If no Netloom is running, delete the lock file.`,
        'EBUSY',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
