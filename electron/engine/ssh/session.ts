/**
 * One authenticated SSH connection (ssh2) whose host key was checked before anything else happened.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import ssh2, { type Client, type ClientChannel, type ConnectConfig, type PasswordAuthMethod } from 'ssh2';
import { sh, shell, singleLine, type ShellCommand } from '../../../shared/shell/quote.js';
import {
  HostKeyChangedError,
  HostKeyRevokedError,
  HostKeyUnknownError,
  SshAuthError,
  SshCommandError,
  SshConnectionError,
  SshError,
  SshOutputTooLargeError,
  SshTimeoutError,
} from './errors.js';
import { describeSize } from '../file-errors.js';
import { openShellChannel } from './cli-shell.js';
import { authHandlerOf, findIdentities, IdentityError, type IdentityOptions } from './identities.js';
import { knownHostsName } from './known-hosts.js';
import { HostKeyTrust } from './trust.js';

export interface SshTarget {
  readonly address: string;
  /** Default 22. */
  readonly port?: number;
  readonly user: string;
}

export interface ConnectOptions extends IdentityOptions {
  /** Where trusted host keys come from and accepted ones go. Default: `new HostKeyTrust()`. */
  readonly trust?: HostKeyTrust;
  /**
   * The fingerprint (`SHA256:...`) the user approved for this host's unknown key: if the host
   * offers exactly that key, it is added to Netloom's store and the connection goes on.
   */
  readonly acceptHostKey?: string;
  /** TCP connect + SSH handshake + authentication. Default 10 s. */
  readonly timeoutMs?: number;
  /** SSH keepalive: a dead peer is noticed after interval x (countMax + 1). Default 2 s x 3. */
  readonly keepaliveIntervalMs?: number;
  readonly keepaliveCountMax?: number;
  /**
   * For a user other than root: the sudo password, held in memory by the caller only. Without it
   * commands run with `sudo -n` (NOPASSWD).
   */
  readonly sudoPassword?: string;
  /**
   * A login password (switches often take no key), held in memory by the caller only; offered
   * after the keys, and enough on its own when no key is found.
   */
  readonly password?: string;
}

export interface ExecOptions {
  /** Written to the command's standard input, which is then closed (always closed). */
  readonly stdin?: string | Buffer;
  /** Give up after this long with `SshTimeoutError`; the host kills the command (`timeout -s KILL`) a second later. */
  readonly timeoutMs?: number;
  /** Called with each complete line of standard error as it arrives. */
  readonly onStderrLine?: (line: string) => void;
  /**
   * The most output (stdout and stderr together) collected from the command; past it the command
   * is stopped and `SshOutputTooLargeError` names it. Default `MAX_OUTPUT_BYTES`.
   */
  readonly maxOutputBytes?: number;
}

/** What a command may print before it is stopped: far above a status read or a config file. */
export const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface ExecResult {
  /** Exit status; 128 + signal number when a signal ended the command (as the shell's `$?`). */
  readonly code: number;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SshSession {
  readonly target: Required<SshTarget>;
  /** `SHA256:...` of the host key that was verified. */
  readonly hostKeyFingerprint: string;
  /** Runs one command built with `sh`/`shell`; as root, or through sudo for other users. */
  exec(command: ShellCommand, options?: ExecOptions): Promise<ExecResult>;
  /** `exec(sh(argv))`: every word quoted. */
  run(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Writes `content` to `path` on the host (created with `mode`, replaced if present). */
  upload(path: string, content: string | Buffer, mode: number): Promise<void>;
  /** An interactive shell channel, for CLIs that have no exec service (switches): drive it with `CliShell`. */
  shell(): Promise<ClientChannel>;
  close(): void;
  readonly closed: boolean;
}

/** Host key algorithms ssh2 offers, in its default order. */
const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;
type HostKeyAlgorithm = (typeof HOST_KEY_ALGORITHMS)[number];

/** Asks first for the key types already trusted for the host, as OpenSSH does, so a known host is judged on its known key. */
function hostKeyAlgorithmsFor(knownTypes: readonly string[]): HostKeyAlgorithm[] {
  const keyType = (algorithm: string) => (algorithm.startsWith('rsa-sha2-') ? 'ssh-rsa' : algorithm);
  const known = HOST_KEY_ALGORITHMS.filter((a) => knownTypes.includes(keyType(a)));
  return [...known, ...HOST_KEY_ALGORITHMS.filter((a) => !known.includes(a))];
}

function socketProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused the connection (is sshd running on that port?)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'is unreachable (no route to host)';
    case 'ECONNRESET':
      return 'reset the connection';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'has a name that does not resolve';
    default:
      return `could not be reached (${error.code ?? error.message})`;
  }
}

/** Opens the TCP connection with Nagle off (ssh2 round trips are small writes). */
function openSocket(address: string, port: number): Socket {
  const sock = tcpConnect({ host: address, port });
  sock.setNoDelay(true);
  return sock;
}

/**
 * Connects, checks the host key against known_hosts and Netloom's store, and authenticates.
 * Rejects with `SshConnectionError`, `SshTimeoutError`, `SshAuthError`, `HostKeyUnknownError`,
 * `HostKeyChangedError` or `HostKeyRevokedError`; on a host key problem the connection is dropped
 * before authentication, so nothing runs on the host.
 */
export async function connect(target: SshTarget, options: ConnectOptions = {}): Promise<SshSession> {
  const address = singleLine(target.address, 'host address');
  const port = target.port ?? 22;
  const user = singleLine(target.user, 'user name');
  const where = knownHostsName(address, port);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const trust = options.trust ?? new HostKeyTrust();

  let identities;
  try {
    identities = await findIdentities(user, options);
  } catch (e) {
    if (e instanceof IdentityError && options.password !== undefined)
      identities = { methods: [], offered: [], skipped: [e.message] };
    else if (e instanceof IdentityError) throw new SshAuthError(e.message, where);
    else throw e;
  }
  const knownTypes = await trust.knownKeyTypes(address, port);

  return new Promise<SshSession>((resolve, reject) => {
    const client = new ssh2.Client();
    const sock = openSocket(address, port);
    let settled = false;
    let hostKeyProblem: SshError | null = null;
    let fingerprint = '';

    const fail = (error: SshError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end();
      sock.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new SshTimeoutError(
            `${where} did not complete the SSH login within ${timeoutMs} ms`,
            where,
            'connect',
            timeoutMs,
          ),
        ),
      timeoutMs,
    );

    sock.on('error', (error: NodeJS.ErrnoException) =>
      fail(new SshConnectionError(`${where} ${socketProblem(error)}`, where, { cause: error })),
    );

    client.on('error', (error: Error & { level?: string }) => {
      if (hostKeyProblem) return fail(hostKeyProblem);
      if (error.level === 'client-authentication') {
        const also = identities.skipped.length > 0 ? ` (not usable: ${identities.skipped.join('; ')})` : '';
        return fail(
          new SshAuthError(
            `${user}@${where} refused every key offered: ${[...identities.offered, ...(options.password !== undefined ? ['the password'] : [])].join(', ')}${also}`,
            where,
          ),
        );
      }
      if (error.level === 'client-timeout') {
        return fail(
          new SshTimeoutError(
            `${where} did not complete the SSH login within ${timeoutMs} ms`,
            where,
            'connect',
            timeoutMs,
          ),
        );
      }
      const cause = error as NodeJS.ErrnoException;
      fail(
        new SshConnectionError(
          `${where} ${cause.code ? socketProblem(cause) : `broke off the SSH handshake: ${error.message}`}`,
          where,
          { cause: error },
        ),
      );
    });
    client.on('close', () =>
      fail(hostKeyProblem ?? new SshConnectionError(`${where} closed the connection during login`, where)),
    );

    /** Why the offered key is refused, or null to go on (an approved unknown key is stored first). */
    const judgeKey = async (key: Buffer): Promise<SshError | null> => {
      const check = await trust.check(address, port, key);
      fingerprint = check.fingerprint;
      switch (check.status) {
        case 'trusted':
          return null;
        case 'unknown':
          if (options.acceptHostKey === check.fingerprint) {
            await trust.accept(address, port, key);
            return null;
          }
          return new HostKeyUnknownError(
            `the authenticity of ${where} cannot be established: its ${check.keyType} key is ${check.fingerprint}` +
              (check.otherKeyTypes.length > 0
                ? ` (keys of another type are trusted for it: ${check.otherKeyTypes.join(', ')})`
                : ''),
            where,
            check.keyType,
            check.fingerprint,
          );
        case 'changed':
          return new HostKeyChangedError(
            `WARNING: the ${check.keyType} host key of ${where} has CHANGED to ${check.fingerprint}; trusted: ` +
              `${check.trusted.map((t) => `${t.fingerprint} (${t.source})`).join(', ')}. Someone may be intercepting the connection, ` +
              `or the host was reinstalled. Nothing was sent to it. If the change is expected, remove the old key from the file named.`,
            where,
            check.keyType,
            check.fingerprint,
            check.trusted,
          );
        case 'revoked':
          return new HostKeyRevokedError(
            `the host key of ${where} (${check.fingerprint}) is marked @revoked in ${check.source}; refusing to connect`,
            where,
            check.fingerprint,
            check.source,
          );
      }
    };
    const verifyHostKey = (key: Buffer, verify: (valid: boolean) => void) => {
      judgeKey(key).then(
        (problem) => {
          hostKeyProblem = problem;
          verify(problem === null);
        },
        (error: unknown) => {
          hostKeyProblem = new SshConnectionError(
            `cannot check the host key of ${where}: ${(error as Error).message}`,
            where,
            { cause: error },
          );
          verify(false);
        },
      );
    };

    client.once('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeAllListeners('error');
      client.removeAllListeners('close');
      resolve(new Ssh2Session(client, { address, port, user }, fingerprint, options.sudoPassword));
    });

    sock.once('connect', () => {
      const password: PasswordAuthMethod[] =
        options.password !== undefined ? [{ type: 'password', username: user, password: options.password }] : [];
      const config: ConnectConfig = {
        sock,
        username: user,
        authHandler: [...authHandlerOf(identities), ...password],
        hostVerifier: verifyHostKey,
        readyTimeout: timeoutMs,
        keepaliveInterval: options.keepaliveIntervalMs ?? 2_000,
        keepaliveCountMax: options.keepaliveCountMax ?? 3,
        algorithms: { serverHostKey: hostKeyAlgorithmsFor(knownTypes) },
      };
      client.connect(config);
    });
  });
}

/**
 * Bounds a command's run on the host itself: sshd (9.x) ignores the SSH "signal" request and a
 * closed channel does not stop a command without a terminal, so `timeout` kills the command's
 * process group one second after the caller stopped waiting. Processes the command detached with
 * `setsid` are left alone.
 */
function withRemoteTimeout(command: ShellCommand, timeoutMs: number | undefined): ShellCommand {
  if (timeoutMs === undefined) return command;
  return sh(['timeout', '-s', 'KILL', ((timeoutMs + 1_000) / 1_000).toFixed(3), 'sh', '-c', command]);
}

/** The start of a command, on one line, for a message. */
function commandStart(command: ShellCommand): string {
  const line = command.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

const SUDO_REFUSED =
  /^sudo: (a password is required|a terminal is required.*|\d+ incorrect password attempts?|.* is not in the sudoers file.*)$/m;

class Ssh2Session implements SshSession {
  private lost: SshConnectionError | null = null;
  private readonly pending = new Set<(error: SshError) => void>();
  closed = false;

  constructor(
    private readonly client: Client,
    readonly target: Required<SshTarget>,
    readonly hostKeyFingerprint: string,
    private readonly sudoPassword: string | undefined,
  ) {
    const where = knownHostsName(target.address, target.port);
    const lose = (why: string) => {
      this.closed = true;
      this.lost ??= new SshConnectionError(`connection to ${where} lost: ${why}`, where);
      for (const abort of this.pending) abort(this.lost);
      this.pending.clear();
    };
    client.on('error', (error: Error) => lose(error.message));
    client.on('close', () => lose('closed'));
  }

  private get where(): string {
    return knownHostsName(this.target.address, this.target.port);
  }

  shell(): Promise<ClientChannel> {
    return this.lost ? Promise.reject(this.lost) : openShellChannel(this.client, this.where);
  }

  /** As root: the command itself. Otherwise through sudo, with the password (if any) first on stdin. */
  private elevate(
    command: ShellCommand,
    stdin: string | Buffer | undefined,
  ): { command: ShellCommand; stdin: Buffer | undefined } {
    const input = stdin === undefined ? undefined : Buffer.from(stdin);
    if (this.target.user === 'root') return { command, stdin: input };
    if (this.sudoPassword === undefined)
      return { command: sh(['sudo', '-n', '--', 'sh', '-c', command]), stdin: input };
    const password = Buffer.from(`${singleLine(this.sudoPassword, 'sudo password')}\n`);
    return {
      command: sh(['sudo', '-S', '-p', '', '--', 'sh', '-c', command]),
      stdin: input ? Buffer.concat([password, input]) : password,
    };
  }

  exec(command: ShellCommand, options: ExecOptions = {}): Promise<ExecResult> {
    if (this.lost) return Promise.reject(this.lost);
    const elevated = this.elevate(withRemoteTimeout(command, options.timeoutMs), options.stdin);
    return new Promise<ExecResult>((resolve, reject) => {
      let channel: ClientChannel | null = null;
      let done = false;
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const lines = new StringDecoder('utf8');
      let partialLine = '';
      let exit: { code: number | null; signal: string | null } = { code: null, signal: null };

      const finish = (error: SshError | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pending.delete(abort);
        if (error) {
          channel?.close();
          return reject(error);
        }
        const signalNumber = exit.signal
          ? (constants.signals as Record<string, number>)[`SIG${exit.signal}`]
          : undefined;
        const result: ExecResult = {
          code: exit.code ?? 128 + (signalNumber ?? 0),
          signal: exit.signal,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        };
        const refused = this.target.user !== 'root' && result.code === 1 ? SUDO_REFUSED.exec(result.stderr) : null;
        if (refused)
          return reject(
            new SshAuthError(`sudo on ${this.where} refused ${this.target.user}: ${refused[0]}`, this.where),
          );
        resolve(result);
      };
      const abort = (error: SshError) => finish(error);
      this.pending.add(abort);
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              finish(
                new SshTimeoutError(
                  `command on ${this.where} did not finish within ${options.timeoutMs} ms (the host kills it a second later)`,
                  this.where,
                  'exec',
                  options.timeoutMs!,
                ),
              );
            }, options.timeoutMs);

      this.client.exec(elevated.command, (error, stream) => {
        if (error)
          return finish(
            new SshConnectionError(`${this.where} refused to run a command: ${error.message}`, this.where, {
              cause: error,
            }),
          );
        channel = stream;
        if (done) return stream.close();
        const limit = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
        let collected = 0;
        /** Counts a chunk against the limit; false (and the command stopped) once it is passed. */
        const within = (chunk: Buffer): boolean => {
          collected += chunk.length;
          if (collected <= limit) return true;
          stdout.length = 0;
          stderr.length = 0;
          const start = commandStart(command);
          finish(
            new SshOutputTooLargeError(
              `the command "${start}" on ${this.where} printed more than ${describeSize(limit)}; Netloom reads at most that much of a command's output, so it was stopped`,
              this.where,
              start,
              limit,
            ),
          );
          return false;
        };
        stream.on('data', (chunk: Buffer) => {
          if (!done && within(chunk)) stdout.push(chunk);
        });
        stream.stderr.on('data', (chunk: Buffer) => {
          if (done || !within(chunk)) return;
          stderr.push(chunk);
          if (!options.onStderrLine) return;
          const parts = (partialLine + lines.write(chunk)).split('\n');
          partialLine = parts.pop() ?? '';
          for (const line of parts) options.onStderrLine(line);
        });
        stream.on('exit', (code: number | null, signal?: string) => {
          exit = { code: code ?? null, signal: signal ?? null };
        });
        stream.on('close', () => {
          const rest = partialLine + lines.end();
          if (rest !== '' && options.onStderrLine) options.onStderrLine(rest);
          if (exit.code === null && exit.signal === null) {
            return finish(
              this.lost ??
                new SshConnectionError(`${this.where} closed the command's channel without an exit status`, this.where),
            );
          }
          finish(null);
        });
        stream.end(elevated.stdin);
      });
    });
  }

  run(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    return this.exec(sh(argv), options);
  }

  async upload(path: string, content: string | Buffer, mode: number): Promise<void> {
    if (!path.startsWith('/')) throw new RangeError(`remote path ${JSON.stringify(path)} must be absolute`);
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777)
      throw new RangeError(`file mode ${mode} is not a permission mode`);
    const file = singleLine(path, 'remote path');
    const octal = mode.toString(8);
    const result = await this.exec(shell`umask 077 && cat > ${file} && chmod ${octal} ${file}`, { stdin: content });
    if (result.code !== 0)
      throw new SshCommandError(
        `cannot write ${file} on ${this.where}: ${result.stderr.trim() || `exit ${result.code}`}`,
        this.where,
      );
  }

  close(): void {
    this.closed = true;
    this.client.end();
  }
}
