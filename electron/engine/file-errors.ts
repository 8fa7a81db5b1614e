/**
 * File system failures as sentences a person can act on. `FileError` carries
 * a complete message naming the file; the CLI prints it as one line and the
 * API passes it on, never a stack trace.
 */
import type { Stats } from 'node:fs';

/** An error whose message is complete for the person reading it: the CLI prints it as one line, the API passes it on. */
export class ExplainedError extends Error {}

export class FileError extends ExplainedError {
  constructor(
    readonly path: string,
    message: string,
    /** The errno code behind it (`ENOSPC`), when there is one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'it already exists',
  ELOOP: 'too many symbolic links, or a symbolic link where none is allowed',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'input/output error',
  EBUSY: 'the file or folder is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'it is on another file system',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EINVAL: 'the file system does not allow this',
  EFBIG: 'the file is too large',
  ENOTEMPTY: 'the folder is not empty',
};

/** The errno code of a Node file system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** `no space left on the device`, or the error's own message for an unknown code. */
export function describeFsError(error: unknown): string {
  if (error instanceof FileError) return error.message;
  const code = errnoCode(error);
  return (code && ERRNO[code]) ?? (error as Error).message;
}

/** `a FIFO (named pipe)`, `a folder`, ... for a file that is not a regular file. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a regular file';
}

/** `12 MiB`, `512 KiB`, rounded up. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.ceil(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
