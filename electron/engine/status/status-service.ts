/**
 * Live status of a whole design: one `HostPoller` per host with an SSH target,
 * reading with the status reader its platform names, and one `SwitchPoller`
 * per switch the caller gives a target for, every update handed to `onUpdate` (the API turns it into the
 * `didChangeStatus` event). Starting again replaces the running pollers.
 */
import type { Design, Host, Switch } from '../../../shared/model/index.js';
import { exportOnlyReason, statusReaderOf } from '../../../shared/platforms/index.js';
import { hostStatusAll } from '../../../shared/status/host-status.js';
import type { HostStatusUpdate } from '../../../shared/status/live.js';
import { HostPoller, type PollTiming } from './host-poller.js';
import { STATUS_READERS, type ReaderRegistry } from './readers.js';
import { DEFAULT_BONDING_DIR } from './status-script.js';
import type { StatusConnector } from './status-session.js';
import { SwitchPoller } from './switch-poller.js';
import type { SwitchConnector, SwitchTarget } from './switch-session.js';

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

/** Where each switch is read, by switch name (`netloom status --switch NAME=USER@HOST`). */
export type SwitchTargets = ReadonlyMap<string, SwitchTarget>;

const readerId = (host: Host) => statusReaderOf(host.platform);
const targetKey = (host: Host) => JSON.stringify([host.id, host.ssh, readerId(host)]);

/** The switch's target: the one given by name (`--switch`), else the SSH target the design holds for it. */
const switchTargetOf = (sw: Switch, given: SwitchTargets): SwitchTarget | undefined => given.get(sw.name) ?? sw.ssh;

export class StatusService {
  private pollers: (HostPoller | SwitchPoller)[] = [];
  /** What the running pollers were started with, to tell an edit of the design from a new session. */
  private session:
    | {
        readonly targets: string;
        readonly settings: string;
        readonly byHost: ReadonlyMap<string, HostPoller>;
        readonly bySwitch: ReadonlyMap<string, SwitchPoller>;
      }
    | undefined;

  constructor(
    private readonly connector: StatusConnector,
    private readonly onUpdate: (update: HostStatusUpdate) => void,
    private readonly readers: ReaderRegistry = STATUS_READERS,
    /** How switches are reached; without it no switch is read. */
    private readonly switchConnector?: SwitchConnector,
  ) {}

  get running(): boolean {
    return this.pollers.length > 0;
  }

  /**
   * Polls every host of the design; hosts without an SSH target or of an
   * export-only platform are reported `unknown` once. When the same hosts are already polled with the same
   * settings (the design was edited), the running pollers judge their next
   * read against the new design over their open sessions. Switches are read
   * when `switches` names a target for them (and a switch connector was given).
   */
  async start(
    design: Design,
    settings: Partial<StatusSettings> = {},
    switches: SwitchTargets = new Map(),
  ): Promise<void> {
    const options = { ...DEFAULT_STATUS_SETTINGS, ...settings };
    const polledSwitches = this.switchConnector
      ? design.switches.flatMap((sw) => {
          const target = switchTargetOf(sw, switches);
          return target ? [{ sw, target }] : [];
        })
      : [];
    const targets = JSON.stringify([
      design.hosts.map(targetKey),
      polledSwitches.map(({ sw, target }) => [sw.id, sw.vendor, target]),
    ]);
    const current = this.session;
    if (current && current.targets === targets && current.settings === JSON.stringify(options)) {
      for (const host of design.hosts)
        if (host.ssh) current.byHost.get(host.id)?.setDesign(design, { ...host, ssh: host.ssh });
      for (const { sw } of polledSwitches) current.bySwitch.get(sw.id)?.setDesign(design, sw);
      return;
    }
    await this.stop();
    const byHost = new Map<string, HostPoller>();
    for (const host of design.hosts) {
      const ssh = host.ssh;
      const readerOfHost = readerId(host);
      if (!ssh || !readerOfHost) {
        const readAt = new Date().toISOString();
        const reason = readerOfHost
          ? `${host.name} has no SSH target in the design`
          : `${host.name} ${exportOnlyReason(host.platform)}`;
        this.onUpdate({
          host: host.id,
          reachable: false,
          readAt,
          elements: hostStatusAll(design, host, 'unknown', reason, readAt),
        });
        continue;
      }
      const reader = this.readers[readerOfHost];
      const poller = new HostPoller(
        design,
        { ...host, ssh },
        { ...options, reader, connector: this.connector, onUpdate: this.onUpdate },
      );
      this.pollers.push(poller);
      byHost.set(host.id, poller);
    }
    const bySwitch = new Map<string, SwitchPoller>();
    for (const { sw, target } of polledSwitches) {
      const poller = new SwitchPoller(design, sw, target, {
        ...options,
        connector: this.switchConnector!,
        onUpdate: this.onUpdate,
      });
      this.pollers.push(poller);
      bySwitch.set(sw.id, poller);
    }
    this.session = { targets, settings: JSON.stringify(options), byHost, bySwitch };
  }

  /** Stops every poller and closes its session. */
  async stop(): Promise<void> {
    const pollers = this.pollers;
    this.pollers = [];
    this.session = undefined;
    await Promise.all(pollers.map((p) => p.stop()));
  }
}
