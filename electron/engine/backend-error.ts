/** An error a backend method reports on purpose; its `code` crosses every transport unchanged. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
