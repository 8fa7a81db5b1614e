/**
 * One deploy over many devices: every device runs the driver its plan names,
 * in parallel, and one failing device never stops the others. Two phases so
 * a person (or the CLI's `--yes`) can read the diffs in between:
 *   prepare()  lock, read, upload, syntax-check on every host; yields the diffs
 *   apply()    commit, confirm from a new connection, or report the revert
 *   discard()  release every host unchanged (dry run, or the person said no)
 */
import type { CandidateCheck, DriverTiming, NetworkDriver } from './driver.js';
import { DRIVERS, type DriverRegistry } from './drivers/index.js';
import { HostKeyUnknownError } from '../ssh/errors.js';
import { CommitError, describeError } from './errors.js';
import type { DevicePlan } from './plan.js';
import type { HostOutcome, HostReport, Preparation } from '../../../shared/deploy/outcome.js';
import type { DeployProgress } from '../../../shared/deploy/progress.js';
import type { SessionOpener } from './session.js';

export interface DeployDeps {
  readonly openSession: SessionOpener;
  /** Local copy of each replaced file (see local-backups.ts). */
  readonly saveLocalBackup?: (host: string, live: string, stamp: string) => Promise<string>;
  readonly onProgress?: (event: DeployProgress) => void;
  readonly timing?: Partial<DriverTiming>;
  readonly keepBackups?: number;
  /** Where Proxmox VE firewall files go (see `DriverContext.firewallRoot`). */
  readonly firewallRoot?: string;
  /** Where each plan's driver id is looked up (default: every driver). */
  readonly drivers?: DriverRegistry;
}

/** The driver the device's plan names, wired to this run's sessions, progress and backups. */
function createDriver(plan: DevicePlan, deps: DeployDeps): NetworkDriver {
  const host = plan.target.name;
  return (deps.drivers ?? DRIVERS)[plan.driver].create(plan, {
    openSession: deps.openSession,
    onStep: (step, state, detail) =>
      deps.onProgress?.({ host, step, state, ...(detail !== undefined ? { detail } : {}), at: Date.now() }),
    ...(deps.saveLocalBackup
      ? { saveLocalBackup: (live: string, stamp: string) => deps.saveLocalBackup!(host, live, stamp) }
      : {}),
    ...(deps.keepBackups !== undefined ? { keepBackups: deps.keepBackups } : {}),
    ...(deps.timing ? { timing: deps.timing } : {}),
    ...(deps.firewallRoot !== undefined ? { firewallRoot: deps.firewallRoot } : {}),
  });
}

export class DeployRun {
  private readonly drivers = new Map<string, NetworkDriver>();
  private readonly prepared = new Map<string, Preparation>();

  constructor(
    readonly plans: readonly DevicePlan[],
    private readonly deps: DeployDeps,
  ) {}

  /** Locks, reads and checks every host in parallel. */
  async prepare(): Promise<readonly Preparation[]> {
    return Promise.all(this.plans.map((plan) => this.prepareHost(plan)));
  }

  /** Commits every prepared host in parallel with a revert after `revertIn` seconds. */
  async apply(options: { readonly revertIn: number }): Promise<readonly HostReport[]> {
    return Promise.all(this.plans.map((plan) => this.applyHost(plan, options.revertIn)));
  }

  /** Releases every host without a change; prepared hosts report `checked`. */
  async discard(): Promise<readonly HostReport[]> {
    return Promise.all(
      this.plans.map(async (plan): Promise<HostReport> => {
        const host = plan.target.name;
        const preparation = this.preparationOf(plan);
        const driver = this.drivers.get(host);
        if (preparation.state !== 'ready' || !driver) return { host, outcome: outcomeOfUnready(preparation) };
        try {
          await driver.discard();
          return { host, outcome: { kind: 'checked' } };
        } catch (e) {
          return {
            host,
            outcome: { kind: 'failed-before-change', reason: `releasing the lock failed: ${describeError(e)}` },
          };
        } finally {
          driver.close();
        }
      }),
    );
  }

  private preparationOf(plan: DevicePlan): Preparation {
    return this.prepared.get(plan.target.name) ?? { host: plan.target.name, state: 'failed', reason: 'not prepared' };
  }

  private async prepareHost(plan: DevicePlan): Promise<Preparation> {
    const host = plan.target.name;
    const driver = createDriver(plan, this.deps);
    this.drivers.set(host, driver);
    let preparation: Preparation;
    try {
      const check: CandidateCheck = await driver.loadCandidate(plan.candidate.content);
      preparation = check.unchanged
        ? { host, state: 'unchanged' }
        : { host, state: 'ready', diff: driver.compare(), checkOutput: check.checkOutput };
    } catch (e) {
      preparation = {
        host,
        state: 'failed',
        reason: describeError(e),
        ...(e instanceof HostKeyUnknownError
          ? {
              unknownHostKey: {
                address: plan.target.address,
                port: plan.target.port,
                keyType: e.keyType,
                fingerprint: e.fingerprint,
              },
            }
          : {}),
      };
    }
    if (preparation.state !== 'ready') driver.close();
    this.prepared.set(host, preparation);
    return preparation;
  }

  private async applyHost(plan: DevicePlan, revertIn: number): Promise<HostReport> {
    const host = plan.target.name;
    const preparation = this.preparationOf(plan);
    const driver = this.drivers.get(host);
    if (preparation.state !== 'ready' || !driver) return { host, outcome: outcomeOfUnready(preparation) };
    try {
      return { host, outcome: await commitAndConfirm(driver, revertIn) };
    } finally {
      driver.close();
    }
  }
}

function outcomeOfUnready(preparation: Preparation): HostOutcome {
  return preparation.state === 'unchanged'
    ? { kind: 'unchanged' }
    : { kind: 'failed-before-change', reason: preparation.state === 'failed' ? preparation.reason : 'not prepared' };
}

async function commitAndConfirm(driver: NetworkDriver, revertIn: number): Promise<HostOutcome> {
  try {
    await driver.commit({ revertIn });
  } catch (e) {
    if (e instanceof CommitError && !e.rolledBack) return { kind: 'failed-before-change', reason: e.message };
    if (e instanceof CommitError) return { kind: 'rolled-back', reason: e.message };
    return { kind: 'failed-before-change', reason: describeError(e) };
  }
  // Applied or the session was lost mid-apply: either way only a new connection can confirm.
  const confirmation = await driver.confirm();
  if (confirmation.kind === 'confirmed') return { kind: 'confirmed' };
  if (confirmation.kind === 'rolled-back') return { kind: 'rolled-back', reason: confirmation.reason };
  const revert = await driver.awaitRevert();
  return {
    kind: 'rolled-back',
    reason: revert.verified ? confirmation.reason : `${confirmation.reason}; not verified: ${revert.detail}`,
  };
}
