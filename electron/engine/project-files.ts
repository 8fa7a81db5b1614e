/**
 * Design files on disk. Reading never changes the file, never waits on a
 * FIFO and stops at a size limit. Saving is atomic (temporary file in the same
 * folder, fsync, rename, fsync of the folder), keeps the previous version as
 * `<file>.bak` and the file's mode, never writes through a symbolic link (the
 * design, its `.bak` and the temporary file are each replaced or created, not
 * followed), and a save that fails leaves the design, its `.bak` and the
 * folder as they were. Saves of one design are serialised by a lock file, and
 * a save that names the content it expects (the file as it was opened) is
 * refused when the file changed since, so another writer's work (an
 * `import --into`, an editor) is never overwritten unseen.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseDesign, type LoadProblem } from '../../shared/load/index.js';
import { serializeDesign, type Design, type DesignIndex } from '../../shared/model/index.js';
import { describeFileType, describeFsError, errnoCode, FileError } from './file-errors.js';
import { withFileLock } from './file-lock.js';
import { DESIGN_MAX_BYTES, readRegularFile } from './read-file.js';

/** What a file held when it was read or written: a save that expects it refuses a file changed since. */
export const fingerprintOf = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex');

/** The file is not what the save expected: someone else changed it since it was read. */
export class FileChangedError extends FileError {
  constructor(path: string) {
    super(
      path,
      `cannot save ${path}: it changed on disk since it was opened (another Netloom, an import --into or an editor wrote it); the file was not changed. Reload it to see those changes, or save your design under another name.`,
      'ECHANGED',
    );
    this.name = 'FileChangedError';
  }
}

export type DesignFileResult =
  | { readonly ok: true; readonly design: Design; readonly index: DesignIndex; readonly text: string }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

export async function readDesignFile(path: string): Promise<DesignFileResult> {
  let text: string;
  try {
    text = await readRegularFile(path, { maxBytes: DESIGN_MAX_BYTES, what: 'design files' });
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return { ok: false, problems: [{ path: '(file)', message: e.message }] };
  }
  const result = parseDesign(text);
  return result.ok ? { ok: true, design: result.design, index: result.index, text } : result;
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** A new file beside `path` (never an existing one, never through a link), written and synced. */
async function writeTemp(path: string, content: string | Buffer, mode: number | undefined): Promise<string> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(
    temp,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW,
    0o666,
  );
  try {
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(content);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return temp;
}

/** The bytes of the file at `path` itself, refusing a link that appeared since it was checked. */
async function readNoFollow(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** `path` must be absent or a regular file; a link or anything else is refused, never followed. */
async function checkTarget(path: string): Promise<Stats | null> {
  const current = await lstatOrNull(path);
  if (current?.isSymbolicLink()) {
    throw new FileError(
      path,
      `cannot save ${path}: ${path} is a symbolic link; Netloom does not write through links (open the file it points to instead)`,
      'ELOOP',
    );
  }
  if (current && !current.isFile())
    throw new FileError(path, `cannot save ${path}: it is ${describeFileType(current)}, not a regular file`);
  return current;
}

/**
 * Writes `content` to `path` atomically; with `backup`, the old file, if any,
 * becomes `path.bak` (a new file with the same mode; whatever was at `.bak`,
 * a link included, is replaced, not written through). The file keeps its
 * mode; a new one gets `mode`, else 0666 less the umask.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Buffer,
  options: { backup?: boolean; mode?: number } = {},
): Promise<void> {
  const temps: string[] = [];
  let step = 'cannot save';
  try {
    const current = await checkTarget(path);
    const mode = options.mode ?? (current ? current.mode & 0o7777 : undefined);
    temps.push(await writeTemp(path, content, mode));
    if (options.backup && current) {
      step = `cannot keep the previous version as ${path}.bak`;
      temps.push(await writeTemp(`${path}.bak`, await readNoFollow(path), mode));
      await rename(temps[1]!, `${path}.bak`);
      temps.pop();
      step = 'cannot save';
    }
    await rename(temps[0]!, path);
    temps.pop();
  } catch (e) {
    for (const temp of temps) await unlink(temp).catch(() => undefined);
    if (e instanceof FileError) throw e;
    const why =
      step === 'cannot save'
        ? `cannot save ${path}: ${describeFsError(e)}`
        : `cannot save ${path}: ${step}: ${describeFsError(e)}`;
    throw new FileError(path, `${why}; the file was not changed`, errnoCode(e));
  }
  const dirHandle = await open(dirname(path), constants.O_RDONLY);
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

/**
 * Reads, changes and saves one file while holding its lock, so concurrent
 * updates take turns; `produce` returns the new content.
 */
export async function updateFileLocked(path: string, produce: () => Promise<string>): Promise<string> {
  return withFileLock(path, async () => {
    const text = await produce();
    await writeFileAtomic(path, text, { backup: true });
    return text;
  });
}

/**
 * Saves a design and returns the text written. With `expected` (the
 * fingerprint of the file as it was opened or last saved), a file whose
 * content is no longer that is left as it is and `FileChangedError` thrown;
 * a file that is gone is written again.
 */
export async function saveDesignFile(path: string, design: Design, expected?: string): Promise<string> {
  return updateFileLocked(path, async () => {
    if (expected !== undefined && (await checkTarget(path))) {
      if (fingerprintOf(await readNoFollow(path)) !== expected) throw new FileChangedError(path);
    }
    return serializeDesign(design);
  });
}
