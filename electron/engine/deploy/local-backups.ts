/**
 * Local copies of what a deploy replaced, in the app's data folder
 * (`resolveDataDir()`: `$NETLOOM_DATA_DIR` or `~/.config/netloom`):
 * `backups/<host>/interfaces.<stamp>`, with the Proxmox VE firewall files the
 * change replaces beside it (`host.fw.<stamp>`, `cluster.fw.<stamp>`, `<vmid>.fw.<stamp>`);
 * a switch: `backups/<switch>/running-config.<stamp>`. The newest `keep` copies
 * of each file are kept.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../project-files.js';

/** A file name the backup may take: no path, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Writes one backup and prunes older ones; `host` is a validated device name, safe as a folder name. */
export async function saveLocalBackup(
  root: string,
  host: string,
  content: string,
  stamp: string,
  keep = 10,
  name = 'interfaces',
): Promise<string> {
  if (!FILE_NAME.test(name)) throw new Error(`refusing ${JSON.stringify(name)} as a backup file name`);
  const folder = join(root, 'backups', host);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${name}.${stamp}`);
  // Never through a link planted at the path; 0600 whatever the umask.
  await writeFileAtomic(path, content, { mode: 0o600 });
  const old = (await readdir(folder))
    .filter((f) => f.startsWith(`${name}.`))
    .sort()
    .reverse()
    .slice(keep);
  await Promise.all(old.map((f) => rm(join(folder, f), { force: true })));
  return path;
}
