/**
 * Why a deploy failed, as a small hierarchy in the manner of NAPALM's
 * exceptions. Connecting has its own (`../ssh/errors.ts`: connection, auth,
 * timeout, host key unknown / changed / revoked); these are the deploy's:
 * a host another deploy holds, a candidate ifupdown2 refused, a commit that
 * failed, a remote step that failed for another reason.
 */

export type DeployErrorCode = 'lock' | 'candidate' | 'commit' | 'remote';

export abstract class DeployError extends Error {
  abstract readonly code: DeployErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another deploy holds the host's lock. */
export class LockError extends DeployError {
  readonly code = 'lock';
  constructor(
    message: string,
    readonly owner: string,
  ) {
    super(message);
  }
}

/** ifupdown2 on the host refused the candidate (`ifup -a -s`); nothing was installed. */
export class CandidateError extends DeployError {
  readonly code = 'candidate';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
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

/** A remote step failed for a reason the others do not name (a full disk, a missing tool). */
export class RemoteError extends DeployError {
  readonly code = 'remote';
}

/** The message of any error, for one report line (never a stack trace). */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
