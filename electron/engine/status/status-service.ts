/**
 * Live status of a whole design: one `HostPoller` per host with an SSH target,
 * every update handed to `onUpdate` (the API turns it into the
 * `didChangeStatus` event). Starting again replaces the running pollers.
 */
import type { Design } from '../../../shared/model/index.js';
import { hostStatusAll } from '../../../shared/status/host-status.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { HostPoller, type PollTiming } from './host-poller.js';
import { DEFAULT_BONDING_DIR } from './status-script.js';
import type { StatusConnector } from './status-session.js';

export interface StatusSettings extends PollTiming {
  /** Where the bonding files are read on every host (default `/proc/net/bonding`). */
  readonly bondingDir: string;
}

export const DEFAULT_STATUS_SETTINGS: StatusSettings = {
  intervalMs: 2_000,
  timeoutMs: 5_000,
  maxBackoffMs: 30_000,
  bondingDir: DEFAULT_BONDING_DIR,
};

export class StatusService {
  private pollers: HostPoller[] = [];

  constructor(
    private readonly connector: StatusConnector,
    private readonly onUpdate: (update: HostStatusUpdate) => void,
  ) {}

  get running(): boolean {
    return this.pollers.length > 0;
  }

  /** Polls every host of the design; hosts without an SSH target are reported `unknown` once. */
  async start(design: Design, settings: Partial<StatusSettings> = {}): Promise<void> {
    await this.stop();
    const options = { ...DEFAULT_STATUS_SETTINGS, ...settings };
    for (const host of design.hosts) {
      const ssh = host.ssh;
      if (!ssh) {
        const readAt = new Date().toISOString();
        const reason = `${host.name} has no SSH target in the design`;
        this.onUpdate({ host: host.id, reachable: false, readAt, elements: hostStatusAll(design, host, 'unknown', reason, readAt) });
        continue;
      }
      this.pollers.push(new HostPoller(design, { ...host, ssh }, { ...options, connector: this.connector, onUpdate: this.onUpdate }));
    }
  }

  /** Stops every poller and closes its session. */
  async stop(): Promise<void> {
    const pollers = this.pollers;
    this.pollers = [];
    await Promise.all(pollers.map((p) => p.stop()));
  }
}
