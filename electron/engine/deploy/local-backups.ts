/**
 * Local copies of what a deploy replaced, in the app's data folder:
 * `$NETLOOM_DATA_DIR` or `~/.config/netloom`, then `backups/<host>/interfaces.<stamp>`.
 * The newest `keep` copies per host are kept.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['NETLOOM_DATA_DIR']) return env['NETLOOM_DATA_DIR'];
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'netloom');
}

/** Writes one backup and prunes older ones; `host` is a validated device name, safe as a folder name. */
export async function saveLocalBackup(root: string, host: string, content: string, stamp: string, keep = 10): Promise<string> {
  const folder = join(root, 'backups', host);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `interfaces.${stamp}`);
  await writeFile(path, content, { mode: 0o600 });
  const old = (await readdir(folder)).filter((f) => f.startsWith('interfaces.')).sort().reverse().slice(keep);
  await Promise.all(old.map((f) => rm(join(folder, f), { force: true })));
  return path;
}
