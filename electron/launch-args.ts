import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The design file named on the command line: `electron . lab.netloom.json`
 * in development, `netloom-app lab.netloom.json` when packaged, or a
 * `file://` URL (the Linux desktop entry passes `%U`). Flags (Chromium's and
 * Electron's own) are skipped.
 */
export function designFromArgv(
  argv: readonly string[],
  isPackaged: boolean,
  cwd: string = process.cwd(),
): string | undefined {
  const file = argv.slice(isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.json'));
  if (file === undefined) return undefined;
  return file.startsWith('file://') ? fileURLToPath(file) : resolve(cwd, file);
}

/**
 * Designs opened from outside the app (a file manager, Finder's `open-file`,
 * a second launch). Until the window has asked for its first design, the
 * newest one becomes that first design (on macOS, `open-file` for a cold
 * start arrives before the window exists); after that, each goes to the
 * window. A window that closes (macOS keeps the app) starts over.
 */
export interface OutsideOpens {
  /** The design a window shows first; from now on, opens go to that window. */
  initialPath(): string | undefined;
  /** `kept` for the next window's start, or `send` it to the open window. */
  open(path: string): 'kept' | 'send';
  windowClosed(): void;
}

export function createOutsideOpens(fromArgv: string | undefined): OutsideOpens {
  let next = fromArgv;
  let windowAsked = false;
  return {
    initialPath() {
      windowAsked = true;
      return next;
    },
    open(path) {
      if (windowAsked) return 'send';
      next = path;
      return 'kept';
    },
    windowClosed() {
      windowAsked = false;
    },
  };
}
