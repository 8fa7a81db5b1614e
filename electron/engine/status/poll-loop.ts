/**
 * The loop every device poller runs: one read per tick; when the device
 * does not answer, every element becomes `unreachable` with the reason, the
 * session is dropped, and the next attempt waits longer (doubling up to a
 * cap) until the device answers again. What one read is (a host's status
 * script, a switch's show commands) is the `PollStep`'s business.
 */
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { SshError } from '../ssh/index.js';

export interface PollTiming {
  /** Time between the starts of two reads. */
  readonly intervalMs: number;
  /** Connecting and running the read must each finish within this. */
  readonly timeoutMs: number;
  /** The longest wait between attempts while a device does not answer. */
  readonly maxBackoffMs: number;
}

export interface PollLoopOptions extends PollTiming {
  readonly onUpdate: (update: HostStatusUpdate) => void;
  readonly now?: () => Date;
}

/** One device's read, as the loop drives it. */
export interface PollStep {
  /** The device's name, for the unreachable reason. */
  readonly name: string;
  /** Connects if needed and reads; rejects with the SSH layer's errors when the device does not answer. */
  read(readAt: string): Promise<HostStatusUpdate>;
  /** Every element in the `unreachable` state with the reason. */
  unreachable(reason: string, readAt: string): HostStatusUpdate;
  /** Closes the session (after a failed read, and when polling stops). */
  drop(): void;
}

/** `does not answer: ...` for a device that is gone or silent; `cannot be read: ...` for a refused key, login or command. */
function describeFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const silent = e instanceof SshError && (e.code === 'connection' || e.code === 'timeout');
  return `${silent ? 'does not answer' : 'cannot be read'}: ${message}`;
}

/** How long to wait before the next attempt after `failures` failures in a row. */
export function backoffMs(timing: PollTiming, failures: number): number {
  if (failures === 0) return timing.intervalMs;
  return Math.min(timing.intervalMs * 2 ** (failures - 1), Math.max(timing.maxBackoffMs, timing.intervalMs));
}

export class PollLoop {
  private failures = 0;
  private stopped = false;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly loop: Promise<void>;

  constructor(
    private readonly step: PollStep,
    private readonly options: PollLoopOptions,
  ) {
    this.loop = this.run();
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
    this.step.drop();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  /** One read; never throws. */
  private async pollOnce(): Promise<HostStatusUpdate> {
    const readAt = (this.options.now?.() ?? new Date()).toISOString();
    try {
      const update = await this.step.read(readAt);
      this.failures = 0;
      return update;
    } catch (e) {
      this.step.drop();
      this.failures++;
      return this.step.unreachable(`${this.step.name} ${describeFailure(e)}`, readAt);
    }
  }

  /** Stops polling and closes the session; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake?.();
    this.step.drop();
    await this.loop;
  }
}

/** The same status with a new read time. */
export function restamp(update: HostStatusUpdate, readAt: string): HostStatusUpdate {
  const elements = Object.fromEntries(Object.entries(update.elements).map(([id, live]) => [id, { ...live, readAt }]));
  return { ...update, readAt, elements };
}
