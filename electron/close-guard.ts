/**
 * The unsaved-changes guard on closing the window. The renderer reports its
 * dirty state (`reportDirty`); closing a dirty window asks Save / Don't Save /
 * Cancel. Save sends `{ command: 'save', closeAfter: true }` and the renderer
 * closes the window after the save succeeded (reporting clean first); Don't
 * Save drops the autosave and closes.
 */
import type { AppCommand } from '../shared/api.js';

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseGuardOptions {
  /** Shows the question; resolves the user's choice. */
  readonly ask: () => CloseChoice;
  readonly send: (command: AppCommand) => void;
  readonly discardRecovery: () => Promise<void>;
  /** Closes the window for real. */
  readonly close: () => void;
}

export interface CloseGuard {
  setDirty(dirty: boolean): void;
  /** Call from the window's `close` event; returns true when the close must be prevented. */
  onClose(): boolean;
}

export function createCloseGuard(options: CloseGuardOptions): CloseGuard {
  let dirty = false;
  return {
    setDirty(value) {
      dirty = value;
    },
    onClose() {
      if (!dirty) return false;
      const choice = options.ask();
      if (choice === 'save') options.send({ command: 'save', closeAfter: true });
      if (choice === 'discard') {
        dirty = false;
        void options.discardRecovery().finally(options.close);
      }
      return true;
    },
  };
}
