/**
 * Polls one switch: one persistent CLI session (`CliShell` over the SSH
 * layer), the show commands its vendor's status read names typed once per
 * tick, their outputs judged against the design (`switchStatus`). The loop,
 * backoff and unreachable reasons are `PollLoop`'s, as for hosts.
 */
import type { Design, Switch } from '../../../shared/model/index.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { SWITCH_STATUS_READS } from '../../../shared/status/switch-observation.js';
import { switchStatus, switchStatusAll } from '../../../shared/status/switch-status.js';
import { PollLoop, restamp, type PollLoopOptions, type PollStep } from './poll-loop.js';
import type { SwitchConnector, SwitchSession, SwitchTarget } from './switch-session.js';

export interface SwitchPollerOptions extends PollLoopOptions {
  readonly connector: SwitchConnector;
}

export class SwitchPoller implements PollStep {
  private session: SwitchSession | undefined;
  /** The last outputs read and the status made from them: unchanged outputs are not parsed again. */
  private last: { readonly outputs: string; readonly update: HostStatusUpdate } | undefined;
  private readonly loop: PollLoop;

  constructor(
    private design: Design,
    private sw: Switch,
    private readonly target: SwitchTarget,
    private readonly options: SwitchPollerOptions,
  ) {
    this.loop = new PollLoop(this, options);
  }

  get name(): string {
    return this.sw.name;
  }

  /** Judges the next reads against an edited design, over the same session (same target and vendor). */
  setDesign(design: Design, sw: Switch): void {
    this.design = design;
    this.sw = sw;
    this.last = undefined;
  }

  async read(readAt: string): Promise<HostStatusUpdate> {
    const { design, sw, options } = this;
    const statusRead = SWITCH_STATUS_READS[sw.vendor];
    this.session ??= await options.connector(this.target, sw.vendor, { timeoutMs: options.timeoutMs });
    const outputs: string[] = [];
    for (const command of statusRead.commands)
      outputs.push(await this.session.send(command, { timeoutMs: options.timeoutMs }));
    const key = JSON.stringify(outputs);
    if (this.last?.outputs === key) return restamp(this.last.update, readAt);
    const observed = statusRead.observe(outputs);
    const elements = observed.ok
      ? switchStatus(design, sw, observed.value, readAt)
      : switchStatusAll(sw, 'unknown', `cannot read the status of ${sw.name}: ${observed.error.message}`, readAt);
    const update = { host: sw.id, reachable: true, readAt, elements };
    this.last = { outputs: key, update };
    return update;
  }

  unreachable(reason: string, readAt: string): HostStatusUpdate {
    return {
      host: this.sw.id,
      reachable: false,
      readAt,
      elements: switchStatusAll(this.sw, 'unreachable', reason, readAt),
    };
  }

  drop(): void {
    this.session?.close();
    this.session = undefined;
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
