/**
 * Polls one host: one persistent SSH session, one run of its reader's
 * command per tick, the output turned into live status for the host's elements. When
 * the host does not answer, every element becomes `unreachable` with the
 * reason, the session is dropped, and the next attempt waits longer (doubling
 * up to a cap) until the host answers again.
 */
import type { Design } from '../../../shared/model/index.js';
import { hostStatusAll } from '../../../shared/status/host-status.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { SshError } from '../ssh/index.js';
import type { StatusReader } from './readers.js';
import type { PolledHost, StatusConnector, StatusSession } from './status-session.js';

export interface PollTiming {
  /** Time between the starts of two reads. */
  readonly intervalMs: number;
  /** Connecting and running the script must each finish within this. */
  readonly timeoutMs: number;
  /** The longest wait between attempts while a host does not answer. */
  readonly maxBackoffMs: number;
}

export interface HostPollerOptions extends PollTiming {
  readonly bondingDir: string;
  /** The reader of the host's platform. */
  readonly reader: StatusReader;
  readonly connector: StatusConnector;
  readonly onUpdate: (update: HostStatusUpdate) => void;
  readonly now?: () => Date;
}

/** `does not answer: ...` for a host that is gone or silent; `cannot be read: ...` for a refused key, login or command. */
function describeFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const silent = e instanceof SshError && (e.code === 'connection' || e.code === 'timeout');
  return `${silent ? 'does not answer' : 'cannot be read'}: ${message}`;
}

/** The same status with a new read time. */
function restamp(update: HostStatusUpdate, readAt: string): HostStatusUpdate {
  const elements = Object.fromEntries(Object.entries(update.elements).map(([id, live]) => [id, { ...live, readAt }]));
  return { ...update, readAt, elements };
}

/** How long to wait before the next attempt after `failures` failures in a row. */
export function backoffMs(timing: PollTiming, failures: number): number {
  if (failures === 0) return timing.intervalMs;
  return Math.min(timing.intervalMs * 2 ** (failures - 1), Math.max(timing.maxBackoffMs, timing.intervalMs));
}

export class HostPoller {
  private session: StatusSession | undefined;
  private failures = 0;
  /** The last output read and the status made from it: an unchanged output is not parsed again. */
  private last: { readonly stdout: string; readonly update: HostStatusUpdate } | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly loop: Promise<void>;

  constructor(
    private design: Design,
    private host: PolledHost,
    private readonly options: HostPollerOptions,
  ) {
    this.loop = this.run();
  }

  /** Judges the next reads against an edited design, over the same session (the host's SSH target must be the same). */
  setDesign(design: Design, host: PolledHost): void {
    this.design = design;
    this.host = host;
    this.last = undefined;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      const update = await this.pollOnce();
      if (this.stopped) break;
      this.options.onUpdate(update);
      const wait =
        this.failures === 0 ? this.options.intervalMs - (Date.now() - started) : backoffMs(this.options, this.failures);
      await this.sleep(Math.max(0, wait));
    }
    this.session?.close();
    this.session = undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  /** One read: connect if needed, run the script, judge the output. Never throws. */
  private async pollOnce(): Promise<HostStatusUpdate> {
    const { design, host, options } = this;
    const readAt = this.now().toISOString();
    try {
      this.session ??= await options.connector(host, { timeoutMs: options.timeoutMs });
      const result = await this.session.exec(options.reader.command(options.bondingDir), {
        timeoutMs: options.timeoutMs,
      });
      this.failures = 0;
      if (this.last?.stdout === result.stdout) return restamp(this.last.update, readAt);
      const update = {
        host: host.id,
        reachable: true,
        readAt,
        elements: options.reader.judge(design, host, result, readAt, options.bondingDir),
      };
      this.last = { stdout: result.stdout, update };
      return update;
    } catch (e) {
      this.session?.close();
      this.session = undefined;
      this.failures++;
      const reason = `${host.name} ${describeFailure(e)}`;
      return {
        host: host.id,
        reachable: false,
        readAt,
        elements: hostStatusAll(design, host, 'unreachable', reason, readAt),
      };
    }
  }

  /** Stops polling and closes the session; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    this.session?.close();
    await this.loop;
  }
}
