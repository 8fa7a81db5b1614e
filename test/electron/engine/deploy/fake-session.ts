/**
 * A scripted stand-in for an SSH session: records every command the driver
 * sends (argv, stdin) and answers by the script's name ($0 of `sh -c`),
 * with the `@netloom` lines the real scripts print.
 */
import type {
  HostTarget,
  RemoteSession,
  RunOptions,
  RunResult,
  SessionOpener,
} from '../../../../electron/engine/deploy/session.js';

export interface SentCommand {
  readonly session: number;
  readonly argv: readonly string[];
  readonly stdin: string | undefined;
}

export interface Answer {
  readonly code: number;
  readonly stdout?: string;
  readonly stderr?: readonly string[];
  /** Throw this instead of answering (a dropped connection, a timeout). */
  readonly fail?: Error;
}

/** The script name a command runs: `$0` after `sh -c SCRIPT`, behind an optional sudo prefix. */
export function scriptName(argv: readonly string[]): string {
  const at = argv.indexOf('-c');
  return argv[at + 2] ?? '';
}

export class FakeHost {
  readonly sent: SentCommand[] = [];
  sessions = 0;
  /** Connection attempts to fail, in order, before succeeding. */
  refuseConnects: Error[] = [];

  constructor(private readonly answer: (name: string, argv: readonly string[], stdin: string | undefined) => Answer) {}

  readonly open: SessionOpener = async (_target: HostTarget) => {
    const refused = this.refuseConnects.shift();
    if (refused) throw refused;
    const id = ++this.sessions;
    const session: RemoteSession = {
      run: async (argv: readonly string[], options: RunOptions = {}): Promise<RunResult> => {
        this.sent.push({ session: id, argv: [...argv], stdin: options.stdin });
        const reply = this.answer(scriptName(argv), argv, options.stdin);
        for (const line of reply.stderr ?? []) options.onStderrLine?.(line);
        if (reply.fail) throw reply.fail;
        return { code: reply.code, stdout: reply.stdout ?? '', stderr: (reply.stderr ?? []).join('\n') };
      },
      close: () => undefined,
    };
    return session;
  };

  names(): string[] {
    return this.sent.map((c) => scriptName(c.argv));
  }
}

export const steps = (...pairs: string[]): string[] => pairs.map((p) => `@netloom step ${p}`);
