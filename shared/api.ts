/**
 * The backend API the renderer talks to. Written once; implemented by the
 * engine and carried by three thin adapters: Electron IPC (preload +
 * ipcMain.handle), HTTP for `netloom serve`, and direct calls in tests.
 * Every method returns a Promise; events are `onDid...`.
 */
import type { LoadProblem } from './model/restore.js';
import type { Design } from './model/schema.js';

export type OpenResult =
  | { readonly ok: true; readonly path: string; readonly design: Design }
  | { readonly ok: false; readonly path: string; readonly problems: readonly LoadProblem[] };

export interface NetloomApi {
  /** The design to show at start: the file given on the command line, else the example. */
  initialDesign(): Promise<OpenResult>;
  /** Reads and validates a design file; never changes it. */
  openDesign(path: string): Promise<OpenResult>;
  /** Saves atomically, keeping the previous version as `.bak`. */
  saveDesign(path: string, design: Design): Promise<void>;
}

/** Errors cross every transport as `{ code, message }`. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
}
