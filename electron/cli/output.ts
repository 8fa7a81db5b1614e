import { visible, visibleJson } from '../../shared/text/visible.js';

/** Exit codes of every `netloom` verb. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** An error the user caused (bad file, bad flag): printed as one message, exit 2, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/**
 * Every verb prints through these: text from designs and hosts reaches the
 * terminal with its escape sequences and bidi controls shown, never acted on.
 */
export const printOut = (text: string): void => void process.stdout.write(visible(text));
export const printErr = (text: string): void => void process.stderr.write(visible(text));
/** JSON on stdout, indented, or on one line with `oneLine` (one change per line in `--watch`). */
export const printJson = (value: unknown, options: { oneLine?: boolean } = {}): void =>
  void process.stdout.write(`${visibleJson(JSON.stringify(value, null, options.oneLine ? undefined : 2))}\n`);

/**
 * A file's content (a rendered config, a design) on stdout: byte for byte when
 * it goes to a file or a pipe, shown like other text when it goes to a terminal.
 */
export const printContent = (text: string): void =>
  void process.stdout.write(process.stdout.isTTY ? visible(text) : text);
