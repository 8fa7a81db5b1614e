import type { ApiEmitter } from '../../shared/api-events.js';

/** What every backend part (files, shell, deploy, status, ...) receives. */
export interface BackendContext {
  /** The app's data folder (recent files, recovery, backups). */
  readonly dataDir: string;
  /** Publishes events to every connected renderer. */
  readonly emitter: ApiEmitter;
  /**
   * Registers cleanup (stop pollers, close SSH sessions, clear timers) run by
   * `Backend.dispose()` when the app quits or `netloom serve` stops, so the
   * process can exit. Absent in contexts that tests build by hand.
   */
  readonly onDispose?: (cleanup: () => void | Promise<void>) => void;
}
