/**
 * One interactive CLI session of the test switch over an SSH shell channel:
 * echo and line editing as a terminal line does, the prompt of the mode, the
 * pager, questions, the vendor's error texts, and the injected faults that
 * act on single lines.
 */
import { CaretRefusal, CliRefusal, findCommand, type Session, type SwitchCore } from './commands.js';
import type { InterfaceConfig } from './config-state.js';
import { CLI_ERRORS, VENDOR_CLI, type CliMode } from './vendor-cli.js';

/** The stream the terminal talks over (an ssh2 server channel). */
export interface TerminalStream {
  write(data: string): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** Faults that act on a session's lines. */
export interface LineFaults {
  /** Lines refused with the vendor's invalid-input error although they are valid. */
  rejectLine?: RegExp;
  /** The connection drops when a session types this many lines in configuration modes; that line is not applied. */
  dropAfterConfigLines?: number;
  /** Each line is answered this much later. */
  answerDelayMs?: number;
}

export interface TerminalHooks {
  faults(): LineFaults;
  /** Drops the connection at once, as a cable pulled mid-push. */
  drop(): void;
  /** Ends the session (`exit`). */
  logout(): void;
}

const DEFAULT_LENGTH = 24;
const CTRL_Z = '\x1a';

export class CliTerminal implements Session {
  mode: CliMode;
  targets: InterfaceConfig[] = [];
  terminalLength = DEFAULT_LENGTH;
  private input = '';
  private closed = false;
  private wake: (() => void) | undefined;
  private skipLineFeed = false;
  private output: string[] = [];
  private configLines = 0;

  constructor(
    readonly core: SwitchCore,
    readonly user: string,
    private readonly stream: TerminalStream,
    private readonly hooks: TerminalHooks,
    privileged: boolean,
  ) {
    this.mode = { kind: privileged ? 'privileged' : 'user' };
    stream.on('data', (chunk) => {
      this.input += chunk.toString('utf8');
      this.wake?.();
    });
    stream.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  prompt(): string {
    const host = this.core.running.hostname;
    switch (this.mode.kind) {
      case 'user':
        return `${host}>`;
      case 'privileged':
        return `${host}#`;
      default:
        return `${host}${VENDOR_CLI[this.core.vendor].configPrompt(this.mode)}#`;
    }
  }

  /** Reads and runs lines until the session ends. */
  async run(): Promise<void> {
    this.write('\r\n');
    while (!this.closed) {
      const prompt = this.prompt();
      this.write(prompt);
      const line = await this.readLine(true);
      if (line === null) return;
      const delay = this.hooks.faults().answerDelayMs;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      await this.execute(line === CTRL_Z ? 'end' : line, prompt);
      await this.pageOut();
    }
  }

  /** Runs one line as if typed at the prompt and returns what it printed, without paging (setup scripts). */
  async runLine(line: string): Promise<string[]> {
    await this.execute(line, this.prompt());
    const printed = this.output;
    this.output = [];
    return printed;
  }

  print(...lines: string[]): void {
    this.output.push(...lines);
  }

  async askKey(question: string): Promise<string> {
    await this.pageOut();
    this.write(question);
    const key = await this.readChar();
    this.write(`${key ?? ''}\r\n`);
    return key ?? '';
  }

  async askLine(question: string, secret = false): Promise<string> {
    await this.pageOut();
    this.write(question);
    return (await this.readLine(!secret)) ?? '';
  }

  logout(): void {
    this.closed = true;
    this.hooks.logout();
  }

  private async execute(line: string, prompt: string): Promise<void> {
    if (line.trim() === '') return;
    const faults = this.hooks.faults();
    const configuring = this.mode.kind !== 'user' && this.mode.kind !== 'privileged';
    if (configuring && faults.dropAfterConfigLines !== undefined && ++this.configLines >= faults.dropAfterConfigLines) {
      this.closed = true;
      return this.hooks.drop();
    }
    if (faults.rejectLine?.test(line)) return this.caret(prompt, line.search(/\S/));
    const match = findCommand(this.core.vendor, this.mode.kind, line);
    if (!match.ok) {
      if (match.error === 'invalid') return this.caret(prompt, match.offset);
      if (match.error === 'incomplete') return this.print(CLI_ERRORS.incomplete, '');
      return this.print(CLI_ERRORS.ambiguous(match.typed));
    }
    try {
      await match.command.run(this, match.args);
    } catch (e) {
      if (e instanceof CaretRefusal) return this.caret(prompt, e.offset);
      if (e instanceof CliRefusal) return this.print(...e.lines);
      throw e;
    }
  }

  /** The caret under the offending word, counted from the start of the prompt. */
  private caret(prompt: string, offset: number): void {
    this.print(`${' '.repeat(prompt.length + offset)}^`, CLI_ERRORS.invalid, '');
  }

  private write(text: string): void {
    if (!this.closed) this.stream.write(text);
  }

  /** Writes the output, stopping at the pager's prompt every `length - 1` lines unless `terminal length 0`. */
  private async pageOut(): Promise<void> {
    const lines = this.output;
    this.output = [];
    const page = this.terminalLength === 0 ? Infinity : this.terminalLength - 1;
    let shown = 0;
    let limit = page;
    while (shown < lines.length && !this.closed) {
      if (shown < limit) {
        this.write(`${lines[shown++]}\r\n`);
        continue;
      }
      const more = VENDOR_CLI[this.core.vendor].more;
      this.write(more);
      const key = await this.readChar();
      this.write(`${'\b'.repeat(more.length)}${' '.repeat(more.length)}${'\b'.repeat(more.length)}`);
      if (key === null || key === 'q' || key === 'Q') return;
      limit = shown + (key === '\r' || key === '\n' ? 1 : page);
    }
  }

  private async readChar(): Promise<string | null> {
    for (;;) {
      if (this.input !== '') {
        const char = this.input[0]!;
        this.input = this.input.slice(1);
        const skip = this.skipLineFeed && char === '\n';
        this.skipLineFeed = char === '\r';
        if (!skip) return char;
        continue;
      }
      if (this.closed) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  /** A line as typed, echoed unless secret; null when the session closed. Ctrl-Z alone stands for `end`. */
  private async readLine(echo: boolean): Promise<string | null> {
    let line = '';
    for (;;) {
      const char = await this.readChar();
      if (char === null) return null;
      if (char === '\r' || char === '\n') {
        this.write('\r\n');
        return line;
      }
      if (char === CTRL_Z) {
        this.write('^Z\r\n');
        return CTRL_Z;
      }
      if (char === '\x7f' || char === '\b') {
        if (line !== '' && echo) this.write('\b \b');
        line = line.slice(0, -1);
        continue;
      }
      if (char < ' ') continue;
      line += char;
      if (echo) this.write(char);
    }
  }
}
