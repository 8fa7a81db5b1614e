/**
 * A folder's sub-folders and design files, for choosing a path where there
 * are no native dialogs (a browser on `netloom serve`). Hidden entries are
 * left out; symlinks are listed as what they point to.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FolderEntry, FolderListing } from '../../shared/api.js';
import { BackendError } from './backend-error.js';

const isDesignFile = (name: string) => name.toLowerCase().endsWith('.json');

export async function listFolder(path: string): Promise<FolderListing> {
  let dirents;
  try {
    dirents = await readdir(path, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'ENOTDIR'
          ? 'not a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new BackendError('not-found', `cannot list ${path}: ${why}`);
  }
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    const isFolder =
      dirent.isDirectory() ||
      (dirent.isSymbolicLink() &&
        (await stat(join(path, dirent.name)).then(
          (s) => s.isDirectory(),
          () => false,
        )));
    if (isFolder) entries.push({ name: dirent.name, kind: 'folder' });
    else if (isDesignFile(dirent.name)) entries.push({ name: dirent.name, kind: 'file' });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  const parent = dirname(path);
  return { path, parent: parent === path ? null : parent, entries };
}
