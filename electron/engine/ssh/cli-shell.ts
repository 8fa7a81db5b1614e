/**
 * An interactive switch CLI (Dell EMC OS6, Cisco IOS) over an SSH shell
 * channel: switches have no exec service worth the name and no POSIX shell,
 * so every command is a line typed at a prompt and its answer is what comes
 * back before the next prompt.
 *
 * ```ts
 * const channel = await openShellChannel(client, where);
 * const cli = await CliShell.open(channel, { vendor: 'cisco-ios', where, enableSecret });
 * await cli.send('configure terminal');
 * await cli.send('copy running-config startup-config', { answers: [SAVE_QUESTIONS['cisco-ios']] });
 * ```
 *
 * - Every line is checked before it is sent: printable ASCII only (no control
 *   characters, no newline), no `?` (both CLIs answer `?` at once with help),
 *   at most `maxLineLength` characters. A refused line never reaches the switch.
 * - `open` waits for the first prompt, runs `enable` (with the secret, which is
 *   never echoed, logged or put in an error) and `terminal length 0`.
 * - `send` returns the output between the echoed line and the next prompt. The
 *   vendor's error texts (`% Invalid input detected at '^' marker.`,
 *   `% Incomplete command.`, `% Ambiguous command`, ...) reject with
 *   `CliCommandError` naming the line; a question the caller gave no answer for
 *   rejects too, as does output beyond `maxOutputBytes`. No prompt in time:
 *   `SshTimeoutError`. The channel closing: `SshConnectionError`. After an
 *   unanswered question, a timeout or too much output the session is closed: the
 *   switch may be waiting for a key, and the next line would answer it.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Client, ClientChannel } from 'ssh2';
import type { SwitchVendor } from '../../../shared/model/schema.js';
import { SshAuthError, SshCommandError, SshConnectionError, SshTimeoutError } from './errors.js';

/** Why a line failed at the switch. */
export type CliFailure = 'invalid-input' | 'incomplete' | 'ambiguous' | 'error' | 'question' | 'output-too-large';

/** The switch refused a line (or its answer could not be taken): `line` is what was sent, `output` what came back. */
export class CliCommandError extends SshCommandError {
  constructor(
    message: string,
    host: string,
    readonly line: string,
    readonly reason: CliFailure,
    readonly output: string,
  ) {
    super(message, host);
  }
}

/** A line Netloom would have typed is not safe to type (checked before anything is sent). */
export class CliUnsafeLineError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CliUnsafeLineError';
  }
}

/** The mode a prompt shows: `sw>` user EXEC, `sw#` privileged EXEC, `sw(config...)#` configuration. */
export interface CliPrompt {
  readonly text: string;
  readonly hostname: string;
  readonly mode: 'user' | 'privileged' | 'config';
  /** `config`, `config-if`, `config-if-Te1/0/5`, `config-vlan240`; absent outside configuration. */
  readonly configMode?: string;
}

/** A question the switch may ask while a line runs, and the key to answer it with. */
export interface CliAnswer {
  readonly question: RegExp;
  /** `yes`/`no` type `y`/`n` (one key, as `(y/n)` and `[confirm]` take it); `default` presses Enter. */
  readonly reply: 'yes' | 'no' | 'default';
}

const REPLY_KEYS: Record<CliAnswer['reply'], string> = { yes: 'y', no: 'n', default: '\r' };

/** What saving the running-config asks on each vendor. */
export const SAVE_QUESTIONS: Record<SwitchVendor, CliAnswer> = {
  'cisco-ios': { question: /Destination filename \[[^\]\r\n]*\]\? ?$/, reply: 'default' },
  'dell-os6': { question: /\(y\/n\) ?$/, reply: 'yes' },
};

/** Texts with which each vendor refuses a line; each names its failure. */
const ERRORS: Record<SwitchVendor, readonly (readonly [RegExp, CliFailure])[]> = {
  'cisco-ios': [
    [/^% ?Invalid input detected/m, 'invalid-input'],
    [/^% ?Incomplete command/m, 'incomplete'],
    [/^% ?Ambiguous command/m, 'ambiguous'],
    [/^% ?(Error|Bad secrets?|Access denied|Turn config archive on|No Rollback Confirmed Change pending)/m, 'error'],
    [/^Command rejected:/m, 'error'],
  ],
  'dell-os6': [
    [/^% ?Invalid input detected/m, 'invalid-input'],
    [/^% ?Incomplete command/m, 'incomplete'],
    [/^% ?Ambiguous command/m, 'ambiguous'],
    [/^% ?(Error|Bad secrets?)/m, 'error'],
    [
      /^(An invalid interface has been used|Interface is part of a port-channel|Configuration Not Saved!|Error:)/m,
      'error',
    ],
  ],
};

/** Anything that waits for a key or a line: answered from `answers`, else a failure. */
const QUESTION = /(\(y\/n\)|\[confirm\]|\[yes\/no\]:?|\]\?|Password:) ?$/i;
const MORE = /--More--(?: or \(q\)uit)? *$/;
/** The pager's prompt as the switch erases it with backspaces once answered. */
const BACKSPACE = String.fromCharCode(8);
const PAGER_ERASED = new RegExp(` ?--More--(?: or \\(q\\)uit)? *${BACKSPACE}+ *${BACKSPACE}*`, 'g');
const PROMPT = /^([A-Za-z0-9][\w.-]*)(?:\((config[^)\r\n]*)\))?([>#]) ?$/;
/** Printable ASCII without `?`. */
const SAFE_LINE = /^[\x20-\x3e\x40-\x7e]*$/;

/** The stream of a shell channel (ssh2's `ClientChannel`). */
export interface CliChannel {
  write(data: string): unknown;
  end(): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface CliShellOptions {
  readonly vendor: SwitchVendor;
  /** `address:port`, for messages. */
  readonly where: string;
  /** The enable secret, held in the caller's memory only. Without it `enable` must not ask for one. */
  readonly enableSecret?: string;
  /** How long one line may take to answer. Default 30 s. */
  readonly timeoutMs?: number;
  /** Output of one line beyond this is refused (the session is closed). Default 8 MiB. */
  readonly maxOutputBytes?: number;
  /** Default 400 characters. */
  readonly maxLineLength?: number;
}

export interface SendOptions {
  readonly answers?: readonly CliAnswer[];
  readonly timeoutMs?: number;
}

/** Opens a shell channel with a terminal wide enough that no switch wraps a line. */
export function openShellChannel(client: Client, where: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.shell({ term: 'vt100', cols: 511, rows: 24 }, (error, channel) => {
      if (error)
        reject(
          new SshConnectionError(`${where} refused an interactive shell: ${error.message}`, where, { cause: error }),
        );
      else resolve(channel);
    });
  });
}

/** The prompt at the end of `text`, if the text ends with one. */
export function promptAtEnd(text: string): CliPrompt | undefined {
  const last = text.slice(text.lastIndexOf('\n') + 1).replace(/\r/g, '');
  const m = PROMPT.exec(last);
  if (!m) return undefined;
  const [, hostname, configMode, sign] = m as unknown as [string, string, string | undefined, string];
  const mode = configMode !== undefined ? 'config' : sign === '#' ? 'privileged' : 'user';
  return { text: last.trimEnd(), hostname, mode, ...(configMode === undefined ? {} : { configMode }) };
}

export class CliShell {
  private received = '';
  private readonly decoder = new StringDecoder('utf8');
  private closedBy: SshConnectionError | undefined;
  private wake: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private current: CliPrompt | undefined;

  private constructor(
    private readonly channel: CliChannel,
    private readonly options: CliShellOptions,
  ) {
    channel.on('data', (chunk) => {
      this.received += this.decoder.write(chunk);
      this.wake?.();
    });
    channel.on('close', () => {
      this.closedBy ??= new SshConnectionError(`${options.where} closed the CLI session`, options.where);
      this.wake?.();
    });
  }

  /** Waits for the switch's first prompt, enters privileged EXEC and turns paging off. */
  static async open(channel: CliChannel, options: CliShellOptions): Promise<CliShell> {
    const shell = new CliShell(channel, options);
    try {
      await shell.waitForPrompt('the login prompt', [], options.timeoutMs ?? 30_000);
      if (shell.prompt.mode === 'user') await shell.enable();
      await shell.send('terminal length 0');
      return shell;
    } catch (e) {
      shell.close();
      throw e;
    }
  }

  /** The prompt the switch showed last. */
  get prompt(): CliPrompt {
    return this.current!;
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** Types one line and resolves with its output (without the echo and the next prompt). Lines run one at a time. */
  send(line: string, options: SendOptions = {}): Promise<string> {
    const run = this.queue.then(() => this.sendNow(line, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.closedBy ??= new SshConnectionError(`the CLI session to ${this.options.where} was closed`, this.options.where);
    this.channel.end();
  }

  private checkLine(line: string, what: string): void {
    const max = this.options.maxLineLength ?? 400;
    if (!SAFE_LINE.test(line)) {
      const bad = [...line].find((c) => !SAFE_LINE.test(c))!;
      throw new CliUnsafeLineError(
        `${what} holds ${JSON.stringify(bad)} (U+${bad.codePointAt(0)!.toString(16).padStart(4, '0')}): a switch line takes printable ASCII only, without "?"`,
      );
    }
    if (line.length > max)
      throw new CliUnsafeLineError(`${what} is ${line.length} characters long; a switch line takes at most ${max}`);
  }

  private async enable(): Promise<void> {
    const where = this.options.where;
    const secret = this.options.enableSecret;
    if (secret !== undefined) this.checkLine(secret, 'the enable secret');
    this.received = '';
    this.channel.write('enable\r');
    const asked = await this.waitFor('enable', (text) =>
      /Password: ?$/.test(text) ? 'password' : promptAtEnd(text) ? 'prompt' : undefined,
    );
    if (asked === 'password') {
      if (secret === undefined) throw new SshAuthError(`${where} asks for an enable secret and none was given`, where);
      this.received = '';
      this.channel.write(`${secret}\r`);
      const answer = await this.waitFor('enable', (text) =>
        /Password: ?$/.test(text) ? 'again' : promptAtEnd(text) ? 'prompt' : undefined,
      );
      if (answer === 'again') throw new SshAuthError(`${where} refused the enable secret`, where);
    }
    this.current = promptAtEnd(this.received);
    this.received = '';
    if (this.prompt.mode === 'user') throw new SshAuthError(`${where} refused to enter privileged EXEC`, where);
  }

  private async sendNow(line: string, options: SendOptions): Promise<string> {
    this.checkLine(line, `the line ${JSON.stringify(line.slice(0, 80))}`);
    if (this.closedBy) throw this.closedBy;
    this.received = '';
    this.channel.write(`${line}\r`);
    let raw: string;
    try {
      raw = await this.waitForPrompt(
        line,
        options.answers ?? [],
        options.timeoutMs ?? this.options.timeoutMs ?? 30_000,
      );
    } catch (e) {
      // Without its prompt the switch may still be busy or waiting for a key: the next line typed
      // would answer it. The session is closed so nothing more goes to a CLI in an unknown state.
      this.close();
      throw e;
    }
    const output = stripEcho(raw.replace(PAGER_ERASED, ''), line);
    for (const [pattern, reason] of ERRORS[this.options.vendor]) {
      const m = pattern.exec(output);
      if (m) throw this.refusal(line, reason, output, output.slice(m.index).split('\n')[0]!);
    }
    return output;
  }

  private refusal(line: string, reason: CliFailure, output: string, text: string): CliCommandError {
    const where = this.options.where;
    return new CliCommandError(`${where} refused ${JSON.stringify(line)}: ${text.trim()}`, where, line, reason, output);
  }

  /**
   * Collects output until a prompt ends it, answering the pager and the questions
   * in `answers`; resolves with the output before the prompt.
   */
  private async waitForPrompt(line: string, answers: readonly CliAnswer[], timeoutMs: number): Promise<string> {
    let answered = 0;
    const result = await this.waitFor(
      line,
      (text) => {
        const prompt = promptAtEnd(text);
        if (prompt) return { prompt, before: text.slice(0, text.lastIndexOf(prompt.text)) };
        if (MORE.test(text)) {
          this.channel.write(' ');
          return undefined;
        }
        const answer = answers.find((a) => a.question.test(text.slice(answered)));
        if (answer) {
          answered = text.length;
          this.channel.write(REPLY_KEYS[answer.reply]);
          return undefined;
        }
        if (QUESTION.test(text.slice(answered)))
          throw this.refusal(line, 'question', text, text.slice(text.lastIndexOf('\n') + 1));
        return undefined;
      },
      timeoutMs,
    );
    this.current = result.prompt;
    this.received = '';
    return result.before;
  }

  /** Re-checks `judge` on everything received so far at each arrival, until it gives a value. */
  private waitFor<T>(
    line: string,
    judge: (text: string) => T | undefined,
    timeoutMs = this.options.timeoutMs ?? 30_000,
  ): Promise<T> {
    const where = this.options.where;
    const max = this.options.maxOutputBytes ?? 8 * 1024 * 1024;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new SshTimeoutError(
                `${where} did not answer ${JSON.stringify(line)} with a prompt within ${timeoutMs} ms`,
                where,
                'exec',
                timeoutMs,
              ),
            ),
          ),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.wake = undefined;
        settle();
      };
      const check = () => {
        try {
          if (this.received.length > max) {
            this.close();
            return finish(() =>
              reject(
                this.refusal(
                  line,
                  'output-too-large',
                  this.received.slice(0, 4096),
                  `more than ${max} bytes of output`,
                ),
              ),
            );
          }
          const value = judge(this.received);
          if (value !== undefined) return finish(() => resolve(value));
          if (this.closedBy) finish(() => reject(this.closedBy));
        } catch (e) {
          finish(() => reject(e as Error));
        }
      };
      this.wake = check;
      check();
    });
  }
}

/** The output without the switch's echo of the line (and the CR/LF after it). */
function stripEcho(text: string, line: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const firstBreak = normalized.indexOf('\n');
  const first = firstBreak === -1 ? normalized : normalized.slice(0, firstBreak);
  return first.trimEnd() === line.trimEnd() ? normalized.slice(firstBreak + 1) : normalized;
}
