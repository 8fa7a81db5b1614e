/**
 * The app's data folder (recent files, recovery file, and later backups and
 * known host keys). Electron passes `app.getPath('userData')`; `netloom serve`,
 * the CLI and tests use `$NETLOOM_DATA_DIR`, else `$XDG_CONFIG_HOME/netloom`,
 * else `~/.config/netloom` (the same folder Electron picks on Linux).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (env.NETLOOM_DATA_DIR) return env.NETLOOM_DATA_DIR;
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'netloom');
}
