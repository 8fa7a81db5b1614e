/**
 * Which credentials to offer: ssh-agent (`SSH_AUTH_SOCK`) and `~/.ssh/id_ed25519`, `id_ecdsa`,
 * `id_rsa` by default, or exactly one explicit identity file. Keys are read into memory for the
 * connection only; nothing is ever written.
 */
import { homedir } from 'node:os';
import { FileError } from '../file-errors.js';
import { KEY_FILE_MAX_BYTES, readRegularBytes } from '../read-file.js';
import { join } from 'node:path';
import ssh2, { type AgentAuthMethod, type PublicKeyAuthMethod } from 'ssh2';

export const DEFAULT_IDENTITY_NAMES = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

export type AuthMethod =
  | { readonly type: 'agent'; readonly username: string; readonly agent: string }
  | { readonly type: 'publickey'; readonly username: string; readonly key: Buffer; readonly source: string };

export interface IdentityOptions {
  /** Use only this private key (no agent, no default files). */
  readonly identityFile?: string;
  /** ssh-agent socket; `false` to not use an agent. Default: `$SSH_AUTH_SOCK`. */
  readonly agent?: string | false;
  readonly home?: string;
}

export interface Identities {
  readonly methods: readonly AuthMethod[];
  /** What was offered, for messages: `ssh-agent`, `~/.ssh/id_ed25519`... */
  readonly offered: readonly string[];
  /** Files that exist but could not be used (encrypted without an agent, unreadable). */
  readonly skipped: readonly string[];
}

/** A private key usable without a passphrase, or the reason it is not. */
async function loadKey(file: string): Promise<{ key: Buffer } | { problem: string } | null> {
  let key: Buffer;
  try {
    key = await readRegularBytes(file, { maxBytes: KEY_FILE_MAX_BYTES, what: 'key files' });
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return e.code === 'ENOENT' ? null : { problem: e.message };
  }
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error) {
    return /encrypted/i.test(parsed.message)
      ? { problem: `${file} is protected by a passphrase; add it to ssh-agent (ssh-add ${file})` }
      : { problem: `${file} is not a private key Netloom can read (${parsed.message})` };
  }
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first?.isPrivateKey()) return { problem: `${file} is not a private key (a public key?)` };
  return { key };
}

export class IdentityError extends Error {}

export async function findIdentities(username: string, options: IdentityOptions = {}): Promise<Identities> {
  if (options.identityFile !== undefined) {
    const loaded = await loadKey(options.identityFile);
    if (loaded === null) throw new IdentityError(`identity file ${options.identityFile} does not exist`);
    if ('problem' in loaded) throw new IdentityError(loaded.problem);
    return {
      methods: [{ type: 'publickey', username, key: loaded.key, source: options.identityFile }],
      offered: [options.identityFile],
      skipped: [],
    };
  }
  const methods: AuthMethod[] = [];
  const offered: string[] = [];
  const skipped: string[] = [];
  const agent = options.agent === undefined ? process.env.SSH_AUTH_SOCK : options.agent;
  if (agent) {
    methods.push({ type: 'agent', username, agent });
    offered.push('ssh-agent');
  }
  const home = options.home ?? homedir();
  for (const name of DEFAULT_IDENTITY_NAMES) {
    const file = join(home, '.ssh', name);
    const loaded = await loadKey(file);
    if (loaded === null) continue;
    if ('problem' in loaded) {
      skipped.push(loaded.problem);
      continue;
    }
    methods.push({ type: 'publickey', username, key: loaded.key, source: file });
    offered.push(file);
  }
  if (methods.length === 0) {
    throw new IdentityError(
      [
        'no SSH key to offer: start ssh-agent (SSH_AUTH_SOCK), create ~/.ssh/id_ed25519, or pass --identity FILE',
        ...skipped,
      ].join('; '),
    );
  }
  return { methods, offered, skipped };
}

/** The methods as ssh2's `authHandler` list. */
export function authHandlerOf(identities: Identities): (AgentAuthMethod | PublicKeyAuthMethod)[] {
  return identities.methods.map((m): AgentAuthMethod | PublicKeyAuthMethod =>
    m.type === 'agent'
      ? { type: 'agent', username: m.username, agent: m.agent }
      : { type: 'publickey', username: m.username, key: m.key },
  );
}
