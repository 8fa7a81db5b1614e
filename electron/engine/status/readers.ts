/**
 * Live-status readers, by the id the platforms name in `shared/platforms/`:
 * the one read-only command a poll runs on a host, and how its output becomes
 * the status of the host's elements. A platform naming a reader that is
 * missing here does not compile.
 */
import type { Design } from '../../../shared/model/index.js';
import type { StatusReaderId } from '../../../shared/platforms/index.js';
import { readHostFacts } from '../../../shared/status/host-facts.js';
import { hostStatus, hostStatusAll } from '../../../shared/status/host-status.js';
import type { LiveStatus } from '../../../shared/status/live.js';
import type { ExecResult, ShellCommand } from '../ssh/index.js';
import { statusCommand } from './status-script.js';
import type { PolledHost } from './status-session.js';

export interface StatusReader {
  /** The command one poll runs; `bondingDir` is where the host's bonding files are read. */
  command(bondingDir: string): ShellCommand;
  /** Every element's status from the command's output (`unknown` with the reason when it cannot be read). */
  judge(design: Design, host: PolledHost, output: ExecResult, readAt: string, bondingDir: string): LiveStatus;
}

/** Linux with iproute2 and the bonding driver: `ip -j`, `/proc/net/bonding`, sysfs link speeds. */
const linux: StatusReader = {
  command: statusCommand,
  judge(design, host, { stdout, stderr }, readAt, bondingDir) {
    const facts = readHostFacts(stdout);
    if (facts.ok) return hostStatus(design, host, facts.facts, readAt, { bondingDir });
    const firstError = stderr.trim().split('\n')[0];
    const reason = `cannot read the status of ${host.name}: ${facts.message}${firstError ? ` (${firstError})` : ''}`;
    return hostStatusAll(design, host, 'unknown', reason, readAt);
  },
};

export type ReaderRegistry = Record<StatusReaderId, StatusReader>;

export const STATUS_READERS: ReaderRegistry = { linux };
