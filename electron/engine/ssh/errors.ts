/**
 * Why an SSH step failed, as a small hierarchy in the manner of NAPALM's exceptions, so a caller
 * can tell a host that never answered from a refused key or a host key that changed.
 */

export type SshErrorCode =
  | 'connection'
  | 'auth'
  | 'timeout'
  | 'command'
  | 'output-too-large'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'host-key-revoked';

export abstract class SshError extends Error {
  abstract readonly code: SshErrorCode;
  constructor(
    message: string,
    /** `address:port` of the host. */
    readonly host: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The host did not answer, refused the connection, or the connection dropped. */
export class SshConnectionError extends SshError {
  readonly code = 'connection';
}

/** The host refused every key offered (or sudo refused to run). */
export class SshAuthError extends SshError {
  readonly code = 'auth';
}

/** Connecting or a command did not finish in its time. */
export class SshTimeoutError extends SshError {
  readonly code = 'timeout';
  constructor(
    message: string,
    host: string,
    readonly phase: 'connect' | 'exec',
    readonly timeoutMs: number,
  ) {
    super(message, host);
  }
}

/** A step the session runs for the caller (writing a file) failed on the host. */
export class SshCommandError extends SshError {
  readonly code = 'command';
}

/** A command printed more than the session collects; it was stopped and its output dropped. */
export class SshOutputTooLargeError extends SshError {
  readonly code = 'output-too-large';
  constructor(
    message: string,
    host: string,
    /** The command, shortened to its start. */
    readonly command: string,
    readonly limitBytes: number,
  ) {
    super(message, host);
  }
}

/** The host's key is in no known_hosts file: show `fingerprint` to the user, who may accept it. */
export class HostKeyUnknownError extends SshError {
  readonly code = 'host-key-unknown';
  constructor(
    message: string,
    host: string,
    readonly keyType: string,
    /** `SHA256:...` exactly as `ssh-keygen -lf` prints it. */
    readonly fingerprint: string,
  ) {
    super(message, host);
  }
}

/**
 * The host offered a different key than the one trusted for it: possibly someone in the middle.
 * The connection was dropped before authentication; nothing ran on the host.
 */
export class HostKeyChangedError extends SshError {
  readonly code = 'host-key-changed';
  constructor(
    message: string,
    host: string,
    readonly keyType: string,
    readonly fingerprint: string,
    /** Fingerprints of the keys trusted for this host, with the file and line they come from. */
    readonly trusted: readonly { readonly fingerprint: string; readonly source: string }[],
  ) {
    super(message, host);
  }
}

/** The host's key is marked `@revoked` in a known_hosts file. */
export class HostKeyRevokedError extends SshError {
  readonly code = 'host-key-revoked';
  constructor(
    message: string,
    host: string,
    readonly fingerprint: string,
    readonly source: string,
  ) {
    super(message, host);
  }
}
