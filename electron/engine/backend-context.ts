import type { ApiEmitter } from '../../shared/api-events.js';

/** What every backend part (files, shell, deploy, status, ...) receives. */
export interface BackendContext {
  /** The app's data folder (recent files, recovery, backups). */
  readonly dataDir: string;
  /** Publishes events to every connected renderer. */
  readonly emitter: ApiEmitter;
}
