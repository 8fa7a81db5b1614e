/**
 * The SSH layer: Node only (ssh2), used by deploy, live status and import.
 *
 * ```ts
 * import { connect, sh, HostKeyUnknownError } from '../ssh/index.js';
 * const session = await connect({ address: '10.213.1.2', user: 'root' }, { timeoutMs: 5000 });
 * try {
 *   const { code, stdout, stderr } = await session.exec(sh(['ifquery', '-a', '-c']), { timeoutMs: 30_000 });
 *   await session.upload('/etc/network/interfaces.new', text, 0o644);
 * } finally {
 *   session.close();
 * }
 * ```
 *
 * - **Commands** are `ShellCommand`s, made only by `sh(argv)` (every word quoted), the `shell`
 *   template tag (every interpolated value quoted) and `chain`; a plain string does not type-check.
 *   `session.run(argv)` is `exec(sh(argv))`. A non-zero exit is a result, not an error.
 * - **Host keys** are checked before authentication against the user's known_hosts files and
 *   Netloom's store (`HostKeyTrust`, `<data dir>/known_hosts`). Unknown: `HostKeyUnknownError`
 *   with `fingerprint` (`SHA256:...` as `ssh-keygen -lf` prints it); after the user approves it,
 *   connect again with `acceptHostKey: fingerprint` and the key is appended to the store. Changed:
 *   `HostKeyChangedError`, and nothing is sent to the host. `@revoked`: `HostKeyRevokedError`.
 * - **Keys**: ssh-agent (`SSH_AUTH_SOCK`) then `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa`; or only
 *   `identityFile`. No password is ever stored; a sudo password (`sudoPassword`) lives in the
 *   caller's memory. Users other than root run every command through `sudo -n` (or `sudo -S`
 *   with that password); sudo refusing gives `SshAuthError`.
 * - **Errors** (`errors.ts`, all `SshError` with a `code`): `SshConnectionError` (refused,
 *   unreachable, dropped), `SshAuthError`, `SshTimeoutError` (`phase` connect or exec),
 *   `SshCommandError`, `SshOutputTooLargeError` (a command printed more than `maxOutputBytes`,
 *   default 16 MiB: it is stopped, nothing is kept), and the three host key errors.
 * - `exec(cmd, { timeoutMs })` rejects with `SshTimeoutError` after `timeoutMs` and the host kills
 *   the command's process group a second later (`timeout -s KILL`; sshd ignores SSH signal
 *   requests); processes the command detached with `setsid` live on.
 * - With `sudoPassword`, a wrong password makes sudo read further stdin lines as new attempts:
 *   check the password with a command without stdin first.
 * - The socket has Nagle off (`setNoDelay`); keepalives every 2 s notice a dead peer in about 8 s.
 * - **Switches** have no shell to run commands in: `CliShell` (`cli-shell.ts`) types checked lines
 *   at their CLI over a shell channel (`openShellChannel`) and reads the answers up to the prompt.
 */
export * from './errors.js';
export { sha256Fingerprint, keyTypeOf } from './fingerprint.js';
export {
  parseKnownHosts,
  judgeHostKey,
  knownHostsLine,
  knownHostsName,
  type HostKeyVerdict,
  type KnownHostEntry,
} from './known-hosts.js';
export { HostKeyTrust, defaultKnownHostsFiles, type HostKeyCheck, type HostKeyTrustOptions } from './trust.js';
export {
  connect,
  MAX_OUTPUT_BYTES,
  type ConnectOptions,
  type ExecOptions,
  type ExecResult,
  type SshSession,
  type SshTarget,
} from './session.js';
export {
  sh,
  shell,
  chain,
  quote,
  singleLine,
  ShellQuoteError,
  type ShellCommand,
} from '../../../shared/shell/quote.js';
export {
  CliShell,
  CliCommandError,
  CliUnsafeLineError,
  openShellChannel,
  promptAtEnd,
  SAVE_QUESTIONS,
  type CliAnswer,
  type CliChannel,
  type CliFailure,
  type CliPrompt,
  type CliShellOptions,
  type SendOptions,
} from './cli-shell.js';
