/**
 * The shell part of the backend API: native dialogs when the host has them
 * (Electron passes them in), and the unsaved-changes flag the window's close
 * guard reads. Without dialogs (a browser via `netloom serve`, tests) the
 * pickers resolve to null and `capabilities()` says so.
 */
import type { ShellApi } from '../../shared/api.js';

export interface NativeDialogs {
  pickOpenPath(): Promise<string | null>;
  pickSavePath(suggestedPath: string | null): Promise<string | null>;
  pickFolder(): Promise<string | null>;
}

export interface ShellOptions {
  readonly dialogs?: NativeDialogs;
  readonly onDirtyChange?: (dirty: boolean) => void;
}

export function createShellApi(options: ShellOptions): ShellApi {
  const { dialogs } = options;
  return {
    capabilities: async () => ({ nativeDialogs: dialogs !== undefined }),
    pickOpenPath: async () => (dialogs ? dialogs.pickOpenPath() : null),
    pickSavePath: async (suggestedPath) => (dialogs ? dialogs.pickSavePath(suggestedPath) : null),
    pickFolder: async () => (dialogs ? dialogs.pickFolder() : null),
    reportDirty: async (dirty) => options.onDirtyChange?.(dirty),
  };
}
