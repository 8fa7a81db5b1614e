import { resolve } from 'node:path';

/**
 * The design file named on the command line: `electron . lab.netloom.json`
 * in development, `netloom-app lab.netloom.json` when packaged. Flags
 * (Chromium's and Electron's own) are skipped.
 */
export function designFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string = process.cwd()): string | undefined {
  const file = argv.slice(isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.json'));
  return file === undefined ? undefined : resolve(cwd, file);
}
