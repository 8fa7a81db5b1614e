/** Deploying designs to test-bed hosts from a test: real ssh2, real sshd, real ifupdown2. */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeployRun, type DeployDeps } from '../../../electron/engine/deploy/deploy-run.js';
import { describeOutcome, type HostReport, type Preparation } from '../../../shared/deploy/outcome.js';
import { DeployService } from '../../../electron/engine/deploy/deploy-service.js';
import type { ChangeGroup, DevicePlan } from '../../../electron/engine/deploy/plan.js';
import type { DeployProgress } from '../../../shared/deploy/progress.js';
import type { SessionOpener } from '../../../electron/engine/deploy/session.js';
import { sshSessionOpener } from '../../../electron/engine/deploy/ssh-session.js';
import type { Design } from '../../../shared/model/index.js';
import type { Bed, BedHost } from '../../helpers/bed.js';

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'netloom-deploy-test-'));
}

export function bedOpener(bed: Bed, dataDir: string, knownHostsFile = bed.knownHostsFile): SessionOpener {
  return sshSessionOpener({ identityFile: bed.identityFile, knownHostsFiles: [knownHostsFile], dataDir });
}

/** The device plans of a deploy of `hostNames` (every host when empty), as the CLI and the API plan it. */
export function plansOf(design: Design, hostNames: readonly string[] = []): readonly DevicePlan[] {
  return new DeployService().plan(design, hostNames).devices;
}

export interface DeployOutcome {
  readonly preparations: readonly Preparation[];
  readonly reports: readonly HostReport[];
  /** `host: verdict` per host, as the CLI prints it. */
  readonly lines: readonly string[];
  readonly events: readonly DeployProgress[];
}

/**
 * Confirm window (s) for deploys that must confirm. A healthy host confirms as
 * soon as it answers, so a wide window costs nothing; a narrow one rolls back
 * healthy hosts when other work loads the machine (`ifreload -a` and a new SSH
 * login can each take seconds on 2 busy cores).
 */
export const CONFIRM_WINDOW = 60;

/** Prepares and applies `plans` with a confirm window of `revertIn` seconds; each of `groups` as one change. */
export async function deploy(
  plans: readonly DevicePlan[],
  deps: Omit<DeployDeps, 'onProgress'>,
  revertIn: number,
  groups: readonly ChangeGroup[] = [],
): Promise<DeployOutcome> {
  const events: DeployProgress[] = [];
  const run = new DeployRun(plans, { ...deps, onProgress: (e) => events.push(e) }, groups);
  const preparations = await run.prepare();
  const reports = await run.apply({ revertIn });
  return { preparations, reports, events, lines: reports.map((r) => `${r.host}: ${describeOutcome(r.outcome)}`) };
}

/** Whether a fresh SSH login to the host's management address works and runs a command. */
export async function reachable(bed: Bed, host: BedHost, dataDir: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const session = await bedOpener(bed, dataDir)(
      { name: host.name, address: host.mgmtAddress, port: host.sshPort, user: 'root' },
      { timeoutMs },
    );
    try {
      return (await session.run(['true'], { timeoutMs })).code === 0;
    } finally {
      session.close();
    }
  } catch {
    return false;
  }
}

/** What deploy state a host holds: lock folder, leftover temporary files. */
export async function leftovers(host: BedHost): Promise<string[]> {
  const found: string[] = [];
  if ((await host.run('test -e /run/netloom.lock')).code === 0) found.push('/run/netloom.lock');
  for (const f of await readdir(join(host.etcDir, 'network')))
    if (f.includes('netloom')) found.push(`/etc/network/${f}`);
  return found;
}
