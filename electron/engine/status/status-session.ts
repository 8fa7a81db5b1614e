/**
 * What the poller needs from an SSH connection: run one command, close. The
 * SSH layer's `SshSession` fits as is; unit tests use a fake that records the
 * commands it was asked to run.
 */
import type { Host } from '../../../shared/model/index.js';
import type { ExecOptions, ExecResult, ShellCommand } from '../ssh/index.js';

export interface StatusSession {
  exec(command: ShellCommand, options?: ExecOptions): Promise<ExecResult>;
  close(): void;
  readonly closed: boolean;
}

/** A design host that has an SSH target, so it can be polled. */
export type PolledHost = Host & { readonly ssh: NonNullable<Host['ssh']> };

/** Opens an authenticated session to a design host (host key checked); rejects with the SSH layer's errors. */
export type StatusConnector = (host: PolledHost, options: { readonly timeoutMs: number }) => Promise<StatusSession>;
