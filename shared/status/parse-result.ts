/**
 * What every status parser returns: the value and any lines it skipped, or
 * one error that says what is wrong and where. Parsers never throw on bad
 * input.
 */

export interface ParseProblem {
  /** 1-based line number in the parsed text, for line-oriented formats. */
  readonly line?: number;
  /** JSON path such as `[2].linkinfo.info_data.mode`, for JSON formats. */
  readonly path?: string;
  readonly message: string;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ParseProblem[] }
  | { readonly ok: false; readonly error: ParseProblem };

/** `bond0 line 3: ...`, `ip link [2].mtu: ...`, or just the source and message. */
export function formatProblem(source: string, problem: ParseProblem): string {
  const where =
    problem.line !== undefined ? ` line ${problem.line}` : problem.path !== undefined ? ` ${problem.path}` : '';
  return `${source}${where}: ${problem.message}`;
}

/** Shows a piece of input in a message without flooding it. */
export function quoteInput(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}
