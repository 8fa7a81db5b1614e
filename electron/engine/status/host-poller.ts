/**
 * Polls one host: one persistent SSH session, one run of its reader's
 * command per tick, the output turned into live status for the host's
 * elements. The loop, backoff and unreachable reasons are `PollLoop`'s.
 */
import type { Design } from '../../../shared/model/index.js';
import { hostStatusAll } from '../../../shared/status/host-status.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { PollLoop, restamp, type PollLoopOptions, type PollStep } from './poll-loop.js';
import type { StatusReader } from './readers.js';
import type { PolledHost, StatusConnector, StatusSession } from './status-session.js';

export { backoffMs, type PollTiming } from './poll-loop.js';

export interface HostPollerOptions extends PollLoopOptions {
  readonly bondingDir: string;
  /** The reader of the host's platform. */
  readonly reader: StatusReader;
  readonly connector: StatusConnector;
}

export class HostPoller implements PollStep {
  private session: StatusSession | undefined;
  /** The last output read and the status made from it: an unchanged output is not parsed again. */
  private last: { readonly stdout: string; readonly update: HostStatusUpdate } | undefined;
  private readonly loop: PollLoop;

  constructor(
    private design: Design,
    private host: PolledHost,
    private readonly options: HostPollerOptions,
  ) {
    this.loop = new PollLoop(this, options);
  }

  get name(): string {
    return this.host.name;
  }

  /** Judges the next reads against an edited design, over the same session (the host's SSH target must be the same). */
  setDesign(design: Design, host: PolledHost): void {
    this.design = design;
    this.host = host;
    this.last = undefined;
  }

  async read(readAt: string): Promise<HostStatusUpdate> {
    const { design, host, options } = this;
    this.session ??= await options.connector(host, { timeoutMs: options.timeoutMs });
    const result = await this.session.exec(options.reader.command(options.bondingDir), {
      timeoutMs: options.timeoutMs,
    });
    if (this.last?.stdout === result.stdout) return restamp(this.last.update, readAt);
    const update = {
      host: host.id,
      reachable: true,
      readAt,
      elements: options.reader.judge(design, host, result, readAt, options.bondingDir),
    };
    this.last = { stdout: result.stdout, update };
    return update;
  }

  unreachable(reason: string, readAt: string): HostStatusUpdate {
    return {
      host: this.host.id,
      reachable: false,
      readAt,
      elements: hostStatusAll(this.design, this.host, 'unreachable', reason, readAt),
    };
  }

  drop(): void {
    this.session?.close();
    this.session = undefined;
  }

  /** Stops polling and closes the session; resolves when the loop has ended. */
  stop(): Promise<void> {
    return this.loop.stop();
  }
}
