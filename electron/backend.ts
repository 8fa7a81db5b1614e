/**
 * The backend API, composed of one part per area. Each part receives the
 * shared context (data folder, event emitter) and implements its slice of
 * `NetloomMethods`; adapters (IPC, HTTP, tests) call the result and add
 * nothing. A new area adds its part here with one line.
 */
import { fileURLToPath } from 'node:url';
import type { NetloomMethods } from '../shared/api.js';
import { createApiEmitter, type ApiEmitter } from '../shared/api-events.js';
import type { BackendContext } from './engine/backend-context.js';
import { resolveDataDir } from './engine/data-dir.js';
import { createDisposables } from './engine/disposables.js';
import { createDeployApi } from './engine/deploy/deploy-api.js';
import { createFilesApi, type FilesOptions } from './engine/files-api.js';
import { createShellApi, type ShellOptions } from './engine/shell-api.js';
import { createStatusApi } from './engine/status/status-api.js';

export const EXAMPLES_DIR = fileURLToPath(new URL('../shared/examples/', import.meta.url));
export const EXAMPLE_DESIGN = fileURLToPath(new URL('../shared/examples/homelab.netloom.json', import.meta.url));

export interface BackendOptions extends Partial<FilesOptions>, ShellOptions {
  readonly dataDir?: string;
  readonly emitter?: ApiEmitter;
}

export interface Backend {
  readonly api: NetloomMethods;
  readonly emitter: ApiEmitter;
  /** Runs every part's cleanup (newest first); errors are ignored so every cleanup runs. */
  dispose(): Promise<void>;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const disposables = createDisposables();
  const context: BackendContext = {
    dataDir: options.dataDir ?? resolveDataDir(),
    emitter: options.emitter ?? createApiEmitter(),
    onDispose: disposables.onDispose,
  };
  const api: NetloomMethods = {
    ...createFilesApi(context, {
      examplePath: options.examplePath ?? EXAMPLE_DESIGN,
      examplesDir: options.examplesDir ?? EXAMPLES_DIR,
      ...(options.initialPath ? { initialPath: options.initialPath } : {}),
    }),
    ...createShellApi(options),
    ...createStatusApi(context),
    ...createDeployApi(context),
  };
  return { api, emitter: context.emitter, dispose: disposables.dispose };
}
