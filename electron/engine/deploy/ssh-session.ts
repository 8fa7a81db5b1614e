/**
 * Sessions for the deploy from the SSH layer: host keys checked (an unknown
 * key is put to the person as a question, a changed one refused by the SSH
 * layer), and for users other than root, sudo: without a password if the
 * host allows it, else with a password asked once and held in memory only.
 */
import { connect, HostKeyUnknownError, SshAuthError, sh, type ConnectOptions, type SshSession } from '../ssh/index.js';
import { HostKeyTrust } from '../ssh/trust.js';
import { join } from 'node:path';
import type { HostTarget, RemoteSession, SessionOpener } from './session.js';

export interface HostKeyQuestion {
  readonly host: string;
  readonly address: string;
  readonly port: number;
  readonly keyType: string;
  /** `SHA256:...` as `ssh-keygen -lf` prints it. */
  readonly fingerprint: string;
}

export interface SshOpenerOptions {
  /** Log in with this key only (default: ssh-agent and `~/.ssh/id_*`). */
  readonly identityFile?: string;
  /** Check host keys against these files instead of `~/.ssh/known_hosts` (plus Netloom's store). */
  readonly knownHostsFiles?: readonly string[];
  /** Netloom's data folder: its `known_hosts` is the store of accepted keys. */
  readonly dataDir: string;
  /** An unknown host key: trust it? Without this, unknown keys are refused. */
  readonly acceptUnknownKey?: (question: HostKeyQuestion) => Promise<boolean>;
  /** The sudo password, when a host's sudo asks for one; `undefined` gives up. */
  readonly sudoPassword?: () => Promise<string | undefined>;
  /** The SSH layer's `connect` (tests pass a fake). */
  readonly connect?: typeof connect;
}

const WANTS_PASSWORD = /a password is required|a terminal is required|incorrect password/;

export function sshSessionOpener(options: SshOpenerOptions): SessionOpener {
  const trust = new HostKeyTrust({
    ...(options.knownHostsFiles ? { knownHostsFiles: options.knownHostsFiles } : {}),
    storeFile: join(options.dataDir, 'known_hosts'),
  });
  const open = options.connect ?? connect;
  let sudoPassword: Promise<string | undefined> | undefined;

  const login = async (target: HostTarget, timeoutMs: number, extra: Partial<ConnectOptions>): Promise<SshSession> => {
    const base: ConnectOptions = {
      trust,
      timeoutMs,
      ...(options.identityFile ? { identityFile: options.identityFile } : {}),
      ...extra,
    };
    try {
      return await open({ address: target.address, port: target.port, user: target.user }, base);
    } catch (e) {
      if (!(e instanceof HostKeyUnknownError) || !options.acceptUnknownKey) throw e;
      const question = {
        host: target.name,
        address: target.address,
        port: target.port,
        keyType: e.keyType,
        fingerprint: e.fingerprint,
      };
      if (!(await options.acceptUnknownKey(question))) throw e;
      return open(
        { address: target.address, port: target.port, user: target.user },
        { ...base, acceptHostKey: e.fingerprint },
      );
    }
  };

  return async (target, { timeoutMs }): Promise<RemoteSession> => {
    if (target.user === 'root') return login(target, timeoutMs, {});
    const password = sudoPassword ? await sudoPassword : undefined;
    const session = await login(target, timeoutMs, password !== undefined ? { sudoPassword: password } : {});
    if (password !== undefined) return session;
    // Find out once per connection whether sudo needs a password (one short round trip, non-root only).
    try {
      await session.exec(sh(['true']), { timeoutMs });
      return session;
    } catch (e) {
      session.close();
      if (!(e instanceof SshAuthError) || !WANTS_PASSWORD.test(e.message) || !options.sudoPassword) throw e;
    }
    sudoPassword ??= options.sudoPassword();
    const asked = await sudoPassword;
    if (asked === undefined)
      throw new SshAuthError(`sudo on ${target.name} wants a password and none was given`, target.address);
    return login(target, timeoutMs, { sudoPassword: asked });
  };
}
