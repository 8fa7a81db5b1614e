/**
 * Design files on disk. Reading never changes the file; saving is atomic
 * (temporary file in the same folder, fsync, rename, fsync of the folder) and
 * keeps the previous version as `<file>.bak`.
 */
import { constants } from 'node:fs';
import { copyFile, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseDesign, type LoadProblem } from '../../shared/load/index.js';
import { serializeDesign, type Design } from '../../shared/model/index.js';

export type DesignFileResult =
  | { readonly ok: true; readonly design: Design; readonly text: string }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

export async function readDesignFile(path: string): Promise<DesignFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    return { ok: false, problems: [{ path: '(file)', message: `cannot read ${path}: ${why}` }] };
  }
  const result = parseDesign(text);
  return result.ok ? { ok: true, design: result.design, text } : result;
}

/** Writes `content` to `path` atomically; the old file, if any, becomes `path.bak`. */
export async function writeFileAtomic(path: string, content: string, options: { backup?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.backup) {
      await copyFile(path, `${path}.bak`).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  const dirHandle = await open(dir, constants.O_RDONLY);
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

export async function saveDesignFile(path: string, design: Design): Promise<string> {
  const text = serializeDesign(design);
  await writeFileAtomic(path, text, { backup: true });
  return text;
}
