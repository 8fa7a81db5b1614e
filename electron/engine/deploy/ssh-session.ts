/**
 * Sessions for the deploy from the SSH layer: host keys checked (an unknown
 * key is put to the person as a question, a changed one refused by the SSH
 * layer), and for users other than root, sudo: without a password if the
 * host allows it, else with a password asked once and held in memory only.
 */
import {
  CliShell,
  connect,
  HostKeyUnknownError,
  SshAuthError,
  sh,
  type ConnectOptions,
  type SshSession,
} from '../ssh/index.js';
import { HostKeyTrust } from '../ssh/trust.js';
import { join } from 'node:path';
import type { CliOpener, HostTarget, RemoteSession, SessionOpener } from './session.js';

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
  /** A switch's login password, asked once when keys are not enough; `undefined` gives up. */
  readonly switchPassword?: () => Promise<string | undefined>;
  /**
   * A switch login password known before the run (an environment variable, the Deploy panel's
   * field): offered after the keys in the same login, so no login is spent finding out that keys
   * are refused. Memory only.
   */
  readonly knownSwitchPassword?: string;
  /** A switch's enable secret, asked once when `enable` wants one; `undefined` gives up. */
  readonly enableSecret?: () => Promise<string | undefined>;
}

const WANTS_PASSWORD = /a password is required|a terminal is required|incorrect password/;

type Login = (target: HostTarget, timeoutMs: number, extra: Partial<ConnectOptions>) => Promise<SshSession>;

/** Logs in with the host key checked; an unknown key is put to `acceptUnknownKey` and stored if accepted. */
function loginWith(options: SshOpenerOptions): Login {
  const trust = new HostKeyTrust({
    ...(options.knownHostsFiles ? { knownHostsFiles: options.knownHostsFiles } : {}),
    storeFile: join(options.dataDir, 'known_hosts'),
  });
  const open = options.connect ?? connect;
  return async (target: HostTarget, timeoutMs: number, extra: Partial<ConnectOptions>): Promise<SshSession> => {
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
}

export function sshSessionOpener(options: SshOpenerOptions): SessionOpener {
  const login = loginWith(options);
  let sudoPassword: Promise<string | undefined> | undefined;

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

/** Memoises an asked value: the person is asked once per run, and only when it is needed. */
function once(ask: (() => Promise<string | undefined>) | undefined): () => Promise<string | undefined> {
  let asked: Promise<string | undefined> | undefined;
  return () => (asked ??= ask ? ask() : Promise.resolve(undefined));
}

const NO_ENABLE_SECRET = /asks for an enable secret and none was given/;

/**
 * Switch CLIs from the SSH layer: keys (agent, files) first; when the switch
 * refuses them, the login password asked once; `enable` with the secret asked
 * once when the switch wants one. Both are held in memory for the run only.
 */
export function sshCliOpener(options: SshOpenerOptions): CliOpener {
  const login = loginWith(options);
  const password = once(options.switchPassword);
  const secret = once(options.enableSecret);
  let usePassword = false;
  let enableSecret: string | undefined;

  const session = async (target: HostTarget, timeoutMs: number): Promise<SshSession> => {
    if (options.knownSwitchPassword !== undefined)
      return login(target, timeoutMs, { password: options.knownSwitchPassword });
    if (!usePassword) {
      try {
        return await login(target, timeoutMs, {});
      } catch (e) {
        if (!(e instanceof SshAuthError) || !options.switchPassword) throw e;
        usePassword = true;
      }
    }
    const given = await password();
    if (given === undefined)
      throw new SshAuthError(`${target.name} refused every key and no password was given`, target.address);
    return login(target, timeoutMs, { password: given });
  };

  return async (target, vendor, { timeoutMs }) => {
    const where = `${target.address}:${target.port}`;
    const open = async (enableSecret: string | undefined) => {
      const ssh = await session(target, timeoutMs);
      try {
        const cli = await CliShell.open(await ssh.shell(), {
          vendor,
          where,
          timeoutMs,
          ...(enableSecret !== undefined ? { enableSecret } : {}),
        });
        return {
          send: (line: string, sendOptions?: Parameters<CliShell['send']>[1]) => cli.send(line, sendOptions),
          close: () => {
            cli.close();
            ssh.close();
          },
        };
      } catch (e) {
        ssh.close();
        throw e;
      }
    };
    try {
      return await open(enableSecret);
    } catch (e) {
      if (!(e instanceof SshAuthError) || !NO_ENABLE_SECRET.test(e.message) || enableSecret !== undefined) throw e;
      enableSecret = await secret();
      if (enableSecret === undefined) throw e;
      return open(enableSecret);
    }
  };
}
