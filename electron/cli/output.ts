/** Exit codes of every `netloom` verb. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** An error the user caused (bad file, bad flag): printed as one message, exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}
