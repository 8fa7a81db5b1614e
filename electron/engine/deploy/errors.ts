/**
 * Why a deploy step failed, as a small hierarchy in the manner of NAPALM's
 * exceptions: a caller can tell a wrong key from a host that never answered,
 * a host another deploy holds from a candidate ifupdown2 refused.
 */

export type DeployErrorCode =
  | 'connection'
  | 'auth'
  | 'timeout'
  | 'host-key'
  | 'lock'
  | 'candidate'
  | 'remote'
  | 'commit'
  | 'commit-confirm';

export abstract class DeployError extends Error {
  abstract readonly code: DeployErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The host could not be reached or the connection dropped. */
export class ConnectionError extends DeployError {
  readonly code = 'connection';
}

/** The host refused every key (or the sudo password). */
export class AuthError extends DeployError {
  readonly code = 'auth';
}

/** A step did not finish in its time. */
export class TimeoutError extends DeployError {
  readonly code = 'timeout';
}

/** The host's key is unknown and was not accepted, or it changed since it was trusted. */
export class HostKeyError extends DeployError {
  readonly code = 'host-key';
  constructor(
    message: string,
    readonly problem: 'unknown' | 'changed',
    readonly fingerprint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Another deploy holds the host's lock. */
export class LockError extends DeployError {
  readonly code = 'lock';
  constructor(message: string, readonly owner: string) {
    super(message);
  }
}

/** ifupdown2 on the host refused the candidate (`ifup -a -s`); nothing was installed. */
export class CandidateError extends DeployError {
  readonly code = 'candidate';
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

/** A remote step failed for a reason the other errors do not name (a full disk, a missing tool). */
export class RemoteError extends DeployError {
  readonly code = 'remote';
}

/** Backing up, arming the rollback, installing or applying failed. */
export class CommitError extends DeployError {
  readonly code = 'commit';
  constructor(
    message: string,
    /** Whether the host had changed and was rolled back (else it was never changed). */
    readonly rolledBack: boolean,
  ) {
    super(message);
  }
}

/** The change could not be confirmed from a new connection; the host reverts by itself. */
export class CommitConfirmError extends DeployError {
  readonly code = 'commit-confirm';
}

/** The message of any error, for one report line (never a stack trace). */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
