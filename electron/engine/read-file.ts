/**
 * Reading files a person names (designs, interfaces files, saved bonding
 * files): never waits on a FIFO or a device, never reads more than a limit.
 * The file is opened without blocking, checked with fstat, and refused
 * unless it is a regular file; then read up to the limit (files in /proc
 * report size 0, so the limit is also kept while reading).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { describeFileType, describeFsError, describeSize, errnoCode, FileError } from './file-errors.js';

/**
 * Designs: far above any real design (a 2,000-element design is about 2 MiB), and
 * room for the 50,000-host design of the `check` benchmark (132 MiB as Netloom writes it).
 */
export const DESIGN_MAX_BYTES = 256 * 1024 * 1024;
/** Text files imported or parsed from hosts: interfaces files, bonding files. */
export const TEXT_FILE_MAX_BYTES = 8 * 1024 * 1024;

export interface ReadLimit {
  readonly maxBytes: number;
  /** `design files`: named in the message when the limit is hit. */
  readonly what: string;
}

const CHUNK = 64 * 1024;

/**
 * Reads into one buffer sized from fstat, with a byte to spare to notice a file that grew; the
 * buffer doubles while the file keeps giving more (files in /proc say 0), up to a byte past the limit.
 */
async function readUpTo(handle: FileHandle, path: string, limit: ReadLimit, size: number): Promise<Buffer> {
  const cap = limit.maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(cap, Math.max(size + 1, CHUNK)));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
    if (bytesRead === 0) return buffer.subarray(0, total);
    total += bytesRead;
    if (total > limit.maxBytes) throw tooLarge(path, total, limit, true);
  }
}

const tooLarge = (path: string, size: number, limit: ReadLimit, more = false) =>
  new FileError(
    path,
    `cannot read ${path}: it is ${more ? 'more than ' : ''}${describeSize(more ? limit.maxBytes : size)}; Netloom reads ${limit.what} of up to ${describeSize(limit.maxBytes)}`,
    'EFBIG',
  );

/** SSH keys and known_hosts files. */
export const KEY_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** The text of a regular file, or a `FileError` saying why not (`cannot read PATH: ...`). */
export async function readRegularFile(path: string, limit: ReadLimit): Promise<string> {
  return (await readRegularBytes(path, limit)).toString('utf8');
}

/** The bytes of a regular file, or a `FileError` saying why not. */
export async function readRegularBytes(path: string, limit: ReadLimit): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new FileError(path, `cannot read ${path}: ${describeFsError(e)}`, errnoCode(e));
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new FileError(path, `cannot read ${path}: it is ${describeFileType(stats)}, not a regular file`);
    if (stats.size > limit.maxBytes) throw tooLarge(path, stats.size, limit);
    return await readUpTo(handle, path, limit, stats.size);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(path, `cannot read ${path}: ${describeFsError(e)}`, errnoCode(e));
  } finally {
    await handle.close();
  }
}

/** Standard input, up to the limit. */
export async function readStdinLimited(limit: ReadLimit): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit.maxBytes)
      throw new FileError(
        '-',
        `standard input is more than ${describeSize(limit.maxBytes)}; Netloom reads ${limit.what} of up to ${describeSize(limit.maxBytes)}`,
        'EFBIG',
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
