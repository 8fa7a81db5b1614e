/**
 * What `npm start` runs: the Electron app when its binary is there, else the
 * same app in the browser (`netloom serve --open`) with one line saying why.
 * The binary is found the way the `electron` package's own index.js finds it
 * (`path.txt` names the executable under `dist/`, `ELECTRON_OVERRIDE_DIST_PATH`
 * replaces `dist/`), but without its fallback of downloading it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Launch =
  { readonly kind: 'electron'; readonly binary: string } | { readonly kind: 'serve'; readonly reason: string };

export interface LaunchContext {
  /** The folder of the installed `electron` package, or undefined when it is not installed. */
  readonly electronDir: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

/** The installed `electron` package's folder, found without running its index.js (which downloads). */
export function findElectronPackage(from: string = import.meta.url): string | undefined {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function chooseLaunch({ electronDir, env, platform }: LaunchContext): Launch {
  if (electronDir === undefined) return { kind: 'serve', reason: 'the electron package is not installed' };
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (executable === undefined && !override) {
    return {
      kind: 'serve',
      reason: `Electron's binary was never downloaded (no ${pathFile}; offline, a proxy, or ELECTRON_SKIP_BINARY_DOWNLOAD during npm install)`,
    };
  }
  const binary = join(override || join(electronDir, 'dist'), executable ?? 'electron');
  if (!existsSync(binary)) return { kind: 'serve', reason: `Electron's binary is missing (${binary})` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { kind: 'serve', reason: 'no graphical display ($DISPLAY and $WAYLAND_DISPLAY are unset)' };
  }
  return { kind: 'electron', binary };
}

/** The fallback's command line: `npm start -- lab.netloom.json --port 0` serves that design on a free port. */
export function serveArgs(args: readonly string[]): string[] {
  return ['serve', ...args, '--open'];
}

/** The one line printed before falling back. */
export function fallbackNotice(reason: string): string {
  return `netloom: cannot start the desktop app: ${reason}. Opening the designer in your browser instead (netloom serve --open).\n`;
}
