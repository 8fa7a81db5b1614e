/**
 * POSIX shell quoting: the only way a value reaches a remote shell.
 *
 * A quoted word is the value inside single quotes, each `'` written as `'\''`; inside single
 * quotes a POSIX shell takes every byte literally, newlines included. The one byte no shell
 * argument can carry is NUL, so a value containing it is refused, not mangled. `singleLine`
 * additionally refuses line breaks, for values that end up in line-based files or logs.
 *
 * Commands are `ShellCommand`s: strings that only `sh` and `shell` (and the combinators here)
 * produce, so an unquoted string cannot be passed where a command is expected.
 */

declare const shellCommandBrand: unique symbol;

/** A complete command line in which every value is quoted. */
export type ShellCommand = string & { readonly [shellCommandBrand]: true };

/** A value that cannot be passed to a shell as it is (it names the value and why). */
export class ShellQuoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellQuoteError';
  }
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

function describe(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Quotes one argument so that the shell passes it through byte for byte. */
export function quote(value: string): string {
  if (value.includes('\0'))
    throw new ShellQuoteError(`${describe(value)} contains a NUL byte, which no shell argument can carry`);
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Returns `value` if it is one line without NUL; else throws naming `what`. */
export function singleLine(value: string, what: string): string {
  const bad = /[\0\r\n]/.exec(value);
  if (bad) {
    const name = bad[0] === '\0' ? 'a NUL byte' : bad[0] === '\n' ? 'a line break' : 'a carriage return';
    throw new ShellQuoteError(`${what} ${describe(value)} contains ${name}`);
  }
  return value;
}

/** One simple command from its argv, every word quoted: `sh(['ifup', '-a', '-s', '-i', path])`. */
export function sh(argv: readonly (string | number)[]): ShellCommand {
  if (argv.length === 0) throw new ShellQuoteError('a command needs at least a program name');
  return argv.map((word) => quote(String(word))).join(' ') as ShellCommand;
}

/**
 * A command written as a template: the literal parts are shell code written by the programmer,
 * every interpolated value is quoted as one word (a `ShellCommand` too: compose commands with
 * `chain` or pass one to `sh -c` as an argument). `shell\`cat > ${path} && chmod 600 ${path}\``.
 */
export function shell(code: TemplateStringsArray, ...values: readonly (string | number)[]): ShellCommand {
  let out = code[0] ?? '';
  values.forEach((value, i) => {
    out += quote(String(value)) + (code[i + 1] ?? '');
  });
  return out as ShellCommand;
}

/** Joins commands with one shell operator: `chain('&&', sh(['mkdir', '-p', dir]), sh(['touch', file]))`. */
export function chain(operator: '&&' | '||' | ';' | '|', ...commands: readonly ShellCommand[]): ShellCommand {
  if (commands.length === 0) throw new ShellQuoteError('chain needs at least one command');
  return commands.map((c) => `{ ${c}; }`).join(` ${operator} `) as ShellCommand;
}
