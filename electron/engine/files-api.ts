/**
 * The files part of the backend API: open and save designs, recent files,
 * autosave/recovery and config export, in the app's data folder.
 */
import { dirname, join, resolve } from 'node:path';
import type { FilesApi, InitialDesign, OpenResult } from '../../shared/api.js';
import { EXAMPLE_IDS, exampleFile } from '../../shared/examples/index.js';
import { normaliseDesign, restoreDesign } from '../../shared/load/index.js';
import type { Design } from '../../shared/model/index.js';
import type { BackendContext } from './backend-context.js';
import { BackendError } from './backend-error.js';
import { writeExportFolder } from './export-folder.js';
import { listFolder } from './folder-listing.js';
import { FileChangedError, fingerprintOf, readDesignFile, saveDesignFile } from './project-files.js';
import { createRecentFiles } from './recent-files.js';
import { createRecoveryStore } from './recovery.js';

export interface FilesOptions {
  /**
   * The design named on the command line (`netloom serve DESIGN`, `netloom-app DESIGN`), or, in
   * the app, asked for when the window starts (a file opened from outside may replace it).
   */
  readonly initialPath?: string | (() => string | undefined);
  /** The bundled example, shown when nothing else is named; never overwritten. */
  readonly examplePath: string;
  /** The folder of the bundled examples (File > Examples), never written to; default: the example's folder. */
  readonly examplesDir?: string;
}

export function createFilesApi(context: BackendContext, options: FilesOptions): FilesApi {
  const recent = createRecentFiles(context.dataDir);
  const recovery = createRecoveryStore(context.dataDir);
  const example = resolve(options.examplePath);
  const examplesDir = resolve(options.examplesDir ?? dirname(example));
  const bundled = new Set([example, ...EXAMPLE_IDS.map((id) => join(examplesDir, exampleFile(id)))]);
  const initialPath = (): string | undefined =>
    typeof options.initialPath === 'function' ? options.initialPath() : options.initialPath;

  /** Recent files are a convenience: failing to record one never fails an open or a save. */
  const remember = async (path: string): Promise<void> => {
    const list = await recent.add(path).catch(() => undefined);
    if (list) context.emitter.emit('didChangeRecentFiles', list);
  };

  /**
   * Each file's content as this backend last opened or saved it: saving over a file that
   * changed since (an `import --into`, another Netloom, an editor) is refused, not done.
   */
  const known = new Map<string, string>();

  const open = async (path: string): Promise<OpenResult> => {
    const absolute = resolve(path);
    const result = await readDesignFile(absolute);
    if (!result.ok) return { ok: false, path: absolute, problems: result.problems };
    known.set(absolute, fingerprintOf(result.text));
    if (!bundled.has(absolute)) await remember(absolute);
    return { ok: true, path: absolute, design: result.design };
  };

  /** The full restore step (integrity included), so nothing is written that would not load again; port names as stored. */
  const loadable = (design: Design, refused: string): Design => {
    const restored = restoreDesign(JSON.parse(JSON.stringify(design)));
    if (!restored.ok) {
      const list = restored.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new BackendError('invalid-design', `${refused}: ${list}`);
    }
    return normaliseDesign(design);
  };

  return {
    async initialDesign(): Promise<InitialDesign> {
      const path = initialPath();
      if (path) return { ...(await open(path)), isExample: false, recovery: null };
      return { ...(await open(example)), isExample: true, recovery: await recovery.read() };
    },
    openDesign: open,
    openExample: (id) => open(join(examplesDir, exampleFile(id))),
    async saveDesign(path, design) {
      const absolute = resolve(path);
      if (bundled.has(absolute))
        throw new BackendError('read-only', `${absolute} is a bundled example; save your design under another name`);
      const checked = loadable(design, 'the design was not saved because it would not load again');
      const text = await saveDesignFile(absolute, checked, known.get(absolute)).catch((e: unknown) => {
        throw e instanceof FileChangedError ? new BackendError('changed-on-disk', e.message) : e;
      });
      known.set(absolute, fingerprintOf(text));
      await remember(absolute);
    },
    listRecentFiles: () => recent.list(),
    writeRecovery: (design, forPath) => recovery.write(design, forPath === null ? null : resolve(forPath)),
    readRecovery: () => recovery.read(),
    discardRecovery: () => recovery.discard(),
    async exportConfigs(design, dir) {
      return writeExportFolder(loadable(design, 'nothing was exported because the design is not valid'), resolve(dir));
    },
    listFolder: (path) => {
      const initial = initialPath();
      return listFolder(resolve(path ?? (initial ? dirname(resolve(initial)) : process.cwd())));
    },
  };
}
