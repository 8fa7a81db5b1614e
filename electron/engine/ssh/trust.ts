/**
 * Which host keys the user trusts: the user's own known_hosts files (read only) and Netloom's store,
 * a known_hosts file in the app's data folder that accepting an unknown key appends to.
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveDataDir } from '../data-dir.js';
import { FileError } from '../file-errors.js';
import { withFileLock } from '../file-lock.js';
import { writeFileAtomic } from '../project-files.js';
import { KEY_FILE_MAX_BYTES, readRegularFile } from '../read-file.js';
import { keyTypeOf, sha256Fingerprint } from './fingerprint.js';
import {
  judgeHostKey,
  knownHostsLine,
  parseKnownHosts,
  trustedKeyTypes,
  type HostKeyVerdict,
  type KnownHostEntry,
  type KnownHostsProblem,
} from './known-hosts.js';

export interface HostKeyTrustOptions {
  /** Read-only known_hosts files. Default: `~/.ssh/known_hosts`, `~/.ssh/known_hosts2`, `/etc/ssh/ssh_known_hosts`. */
  readonly knownHostsFiles?: readonly string[];
  /** Netloom's own store. Default: `<data dir>/known_hosts` (`$NETLOOM_DATA_DIR` or `~/.config/netloom`). */
  readonly storeFile?: string;
}

export type HostKeyCheck = HostKeyVerdict & { readonly keyType: string; readonly fingerprint: string };

export function defaultKnownHostsFiles(home: string = homedir()): string[] {
  return [join(home, '.ssh', 'known_hosts'), join(home, '.ssh', 'known_hosts2'), '/etc/ssh/ssh_known_hosts'];
}

export class HostKeyTrust {
  readonly knownHostsFiles: readonly string[];
  readonly storeFile: string;
  /** Lines the last `check` could not read (shown as warnings, never fatal). */
  problems: readonly KnownHostsProblem[] = [];

  constructor(options: HostKeyTrustOptions = {}) {
    this.knownHostsFiles = options.knownHostsFiles ?? defaultKnownHostsFiles();
    this.storeFile = options.storeFile ?? join(resolveDataDir(), 'known_hosts');
  }

  private async entries(): Promise<KnownHostEntry[]> {
    const entries: KnownHostEntry[] = [];
    const problems: KnownHostsProblem[] = [];
    for (const file of [...this.knownHostsFiles, this.storeFile]) {
      let text: string;
      try {
        text = await readRegularFile(file, { maxBytes: KEY_FILE_MAX_BYTES, what: 'known_hosts files' });
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        if (e.code !== 'ENOENT') problems.push({ source: file, message: e.message });
        continue;
      }
      const parsed = parseKnownHosts(text, file);
      entries.push(...parsed.entries);
      problems.push(...parsed.problems);
    }
    this.problems = problems;
    return entries;
  }

  /** Judges the key `host`:`port` offered (re-reading the files, so edits count at once). */
  async check(host: string, port: number, keyBlob: Buffer): Promise<HostKeyCheck> {
    const verdict = judgeHostKey(await this.entries(), host, port, keyBlob);
    return { ...verdict, keyType: keyTypeOf(keyBlob), fingerprint: sha256Fingerprint(keyBlob) };
  }

  /** Key types trusted for this host, so the handshake can ask for those first (as OpenSSH does). */
  async knownKeyTypes(host: string, port: number): Promise<string[]> {
    return trustedKeyTypes(await this.entries(), host, port);
  }

  /**
   * Trusts this key for `host`:`port` from now on: adds it to Netloom's store, written as designs
   * are (under its lock, atomically, mode 0600, never through a link at the store's path).
   */
  async accept(host: string, port: number, keyBlob: Buffer): Promise<void> {
    await mkdir(dirname(this.storeFile), { recursive: true, mode: 0o700 });
    await withFileLock(this.storeFile, async () => {
      const stored = await readRegularFile(this.storeFile, {
        maxBytes: KEY_FILE_MAX_BYTES,
        what: 'known_hosts files',
      }).catch((e: unknown) => {
        if (e instanceof FileError && e.code === 'ENOENT') return '';
        throw e;
      });
      const kept = stored === '' || stored.endsWith('\n') ? stored : `${stored}\n`;
      await writeFileAtomic(this.storeFile, `${kept}${knownHostsLine(host, port, keyBlob)}\n`, { mode: 0o600 });
    });
  }
}
