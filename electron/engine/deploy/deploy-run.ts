/**
 * One deploy over many hosts: every host runs its own driver in parallel and
 * one failing host never stops the others. Two phases so a person (or the
 * CLI's `--yes`) can read the diffs in between:
 *   prepare()  lock, read, upload, syntax-check on every host; yields the diffs
 *   apply()    commit, confirm from a new connection, or report the revert
 *   discard()  release every host unchanged (dry run, or the person said no)
 */
import type { CandidateCheck, NetworkDriver } from './driver.js';
import { DebianDriver, type DriverTiming } from './debian-driver.js';
import { CommitError, describeError } from './errors.js';
import type { HostPlan } from './plan.js';
import type { DeployProgress } from './progress.js';
import type { SessionOpener } from './session.js';

export type HostOutcome =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'unchanged' }
  /** Dry run: the candidate differs and the host's ifupdown2 accepts it. */
  | { readonly kind: 'checked' }
  | { readonly kind: 'rolled-back'; readonly reason: string }
  | { readonly kind: 'failed-before-change'; readonly reason: string };

export interface HostReport {
  readonly host: string;
  readonly outcome: HostOutcome;
}

export type Preparation =
  | { readonly host: string; readonly state: 'ready'; readonly diff: string; readonly checkOutput: string }
  | { readonly host: string; readonly state: 'unchanged' }
  | { readonly host: string; readonly state: 'failed'; readonly reason: string };

export interface DeployDeps {
  readonly openSession: SessionOpener;
  /** Local copy of each replaced file (see local-backups.ts). */
  readonly saveLocalBackup?: (host: string, live: string, stamp: string) => Promise<string>;
  readonly onProgress?: (event: DeployProgress) => void;
  readonly timing?: Partial<DriverTiming>;
  readonly keepBackups?: number;
  /** Driver per host; the Debian/Proxmox driver unless a test says otherwise. */
  readonly createDriver?: (plan: HostPlan, deps: DeployDeps) => NetworkDriver;
}

/** The one-line verdict the CLI and the UI print per host. */
export function describeOutcome(outcome: HostOutcome): string {
  switch (outcome.kind) {
    case 'confirmed':
      return 'confirmed';
    case 'unchanged':
      return 'unchanged';
    case 'checked':
      return 'checked: would change, ifup -s accepts it';
    case 'rolled-back':
      return `rolled back: ${outcome.reason}`;
    case 'failed-before-change':
      return `failed before change: ${outcome.reason}`;
  }
}

/** Exit code: 0 only when every host is confirmed, unchanged or (dry run) checked. */
export function allSucceeded(reports: readonly HostReport[]): boolean {
  return reports.every((r) => r.outcome.kind === 'confirmed' || r.outcome.kind === 'unchanged' || r.outcome.kind === 'checked');
}

function debianDriver(plan: HostPlan, deps: DeployDeps): NetworkDriver {
  const host = plan.target.name;
  return new DebianDriver({
    target: plan.target,
    openSession: deps.openSession,
    onStep: (step, state, detail) => deps.onProgress?.({ host, step, state, ...(detail !== undefined ? { detail } : {}), at: Date.now() }),
    ...(deps.saveLocalBackup ? { saveLocalBackup: (live: string, stamp: string) => deps.saveLocalBackup!(host, live, stamp) } : {}),
    ...(deps.keepBackups !== undefined ? { keepBackups: deps.keepBackups } : {}),
    ...(deps.timing ? { timing: deps.timing } : {}),
  });
}

export class DeployRun {
  private readonly drivers = new Map<string, NetworkDriver>();
  private readonly prepared = new Map<string, Preparation>();

  constructor(
    readonly plans: readonly HostPlan[],
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
          return { host, outcome: { kind: 'failed-before-change', reason: `releasing the lock failed: ${describeError(e)}` } };
        } finally {
          driver.close();
        }
      }),
    );
  }

  private preparationOf(plan: HostPlan): Preparation {
    return this.prepared.get(plan.target.name) ?? { host: plan.target.name, state: 'failed', reason: 'not prepared' };
  }

  private async prepareHost(plan: HostPlan): Promise<Preparation> {
    const host = plan.target.name;
    const driver = (this.deps.createDriver ?? debianDriver)(plan, this.deps);
    this.drivers.set(host, driver);
    let preparation: Preparation;
    try {
      const check: CandidateCheck = await driver.loadCandidate(plan.candidate);
      preparation = check.unchanged
        ? { host, state: 'unchanged' }
        : { host, state: 'ready', diff: driver.compare(), checkOutput: check.checkOutput };
    } catch (e) {
      preparation = { host, state: 'failed', reason: describeError(e) };
    }
    if (preparation.state !== 'ready') driver.close();
    this.prepared.set(host, preparation);
    return preparation;
  }

  private async applyHost(plan: HostPlan, revertIn: number): Promise<HostReport> {
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
