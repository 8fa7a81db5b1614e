/**
 * What the deploy driver needs from an SSH connection. The SSH layer
 * (`engine/ssh/`) provides it; unit tests use a fake that records commands.
 * Commands are argv arrays: the session turns them into one quoted command
 * line (`sh(argv)` of `shared/shell/quote.ts`), so no value ever reaches the
 * remote shell unquoted, and runs them as root (directly, or through sudo).
 * The SSH layer's `SshSession` is one.
 */
import type { SwitchVendor } from '../../../shared/model/schema.js';
import type { CliAnswer } from '../ssh/cli-shell.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Bytes written to the command's standard input, then closed. */
  readonly stdin?: string;
  /** Called with each complete line the command writes to standard error, as it arrives. */
  readonly onStderrLine?: (line: string) => void;
  /** Give up (and throw TimeoutError) after this long. */
  readonly timeoutMs?: number;
}

export interface RemoteSession {
  /** Runs one command (argv, quoted by the session) and resolves with its exit code and output. */
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  close(): void;
}

/** Where and as whom to connect. */
export interface HostTarget {
  /** The design's host name, used in messages and file names. */
  readonly name: string;
  readonly address: string;
  readonly port: number;
  readonly user: string;
}

/** Opens authenticated sessions with the host key checked; throws the SSH layer's errors. */
export type SessionOpener = (target: HostTarget, options: { readonly timeoutMs: number }) => Promise<RemoteSession>;

/** A switch's CLI in privileged EXEC (the SSH layer's `CliShell` over a logged-in session). */
export interface SwitchCli {
  /** Types one checked line and resolves with its output; the vendor's refusals reject. */
  send(
    line: string,
    options?: { readonly answers?: readonly CliAnswer[]; readonly timeoutMs?: number },
  ): Promise<string>;
  /** Ends the CLI session and its SSH connection. */
  close(): void;
}

/** Opens a switch CLI with the host key checked, logged in and enabled; throws the SSH layer's errors. */
export type CliOpener = (
  target: HostTarget,
  vendor: SwitchVendor,
  options: { readonly timeoutMs: number },
) => Promise<SwitchCli>;
