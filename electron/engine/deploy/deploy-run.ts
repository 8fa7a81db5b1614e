/**
 * One deploy over many devices: every device runs the driver its plan names,
 * in parallel, and one failing device never stops the others. Two phases so
 * a person (or the CLI's `--yes`) can read the diffs in between:
 *   prepare()  lock, read, upload, syntax-check on every host; yields the diffs
 *   apply()    commit, confirm from a new connection, or report the revert
 *   discard()  release every host unchanged (dry run, or the person said no)
 * Devices of one change group (cabled to each other, see plan.ts) that both
 * change are one transaction: committed in the group's order, verified from
 * new connections (switches first, without making their change permanent),
 * then hosts confirmed, then switches made permanent; any failure rolls back
 * every member not yet permanent.
 */
import type { CandidateCheck, ConfirmResult, DriverTiming, NetworkDriver } from './driver.js';
import { DRIVERS, type DriverRegistry } from './drivers/index.js';
import { HostKeyUnknownError } from '../ssh/errors.js';
import { CommitError, describeError } from './errors.js';
import type { ChangeGroup, DevicePlan } from './plan.js';
import type { HostOutcome, HostReport, Preparation } from '../../../shared/deploy/outcome.js';
import type { DeployProgress } from '../../../shared/deploy/progress.js';
import type { CliOpener, SessionOpener } from './session.js';

export interface DeployDeps {
  readonly openSession: SessionOpener;
  /** Switch CLIs, for switch drivers. */
  readonly openCli?: CliOpener;
  /** Local copy of each replaced file (see local-backups.ts). */
  readonly saveLocalBackup?: (host: string, live: string, stamp: string, name?: string) => Promise<string>;
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
    ...(deps.openCli ? { openCli: deps.openCli } : {}),
    onStep: (step, state, detail) =>
      deps.onProgress?.({ host, step, state, ...(detail !== undefined ? { detail } : {}), at: Date.now() }),
    ...(deps.saveLocalBackup
      ? {
          saveLocalBackup: (live: string, stamp: string, name?: string) =>
            deps.saveLocalBackup!(host, live, stamp, name),
        }
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
    private readonly groups: readonly ChangeGroup[] = [],
  ) {}

  /** Locks, reads and checks every host in parallel. */
  async prepare(): Promise<readonly Preparation[]> {
    return Promise.all(this.plans.map((plan) => this.prepareHost(plan)));
  }

  /** Commits every prepared host in parallel with a revert after `revertIn` seconds. */
  async apply(options: { readonly revertIn: number }): Promise<readonly HostReport[]> {
    const ready = (name: string) => this.prepared.get(name)?.state === 'ready';
    const together = this.groups.map((g) => g.devices.filter(ready)).filter((names) => names.length > 1);
    const grouped = new Set(together.flat());
    const byName = new Map(this.plans.map((p) => [p.target.name, p]));
    const outcomes = new Map<string, HostOutcome>();
    await Promise.all([
      ...this.plans
        .filter((p) => !grouped.has(p.target.name))
        .map(async (plan) => outcomes.set(plan.target.name, (await this.applyHost(plan, options.revertIn)).outcome)),
      ...together.map(async (names) => {
        const members = names.map((name) => ({ name, driver: this.drivers.get(name)!, plan: byName.get(name)! }));
        try {
          for (const [name, outcome] of await applyTogether(members, options.revertIn)) outcomes.set(name, outcome);
        } finally {
          for (const m of members) m.driver.close();
        }
      }),
    ]);
    return this.plans.map((p) => ({ host: p.target.name, outcome: outcomes.get(p.target.name)! }));
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

type CommitFailure = Extract<HostOutcome, { kind: 'rolled-back' | 'failed-before-change' }>;

/** A commit's failure as a verdict; `undefined` when the device changed (applied, or the session was lost mid-apply). */
async function commitOutcome(driver: NetworkDriver, revertIn: number): Promise<CommitFailure | undefined> {
  try {
    await driver.commit({ revertIn });
    return undefined;
  } catch (e) {
    if (e instanceof CommitError && !e.rolledBack) return { kind: 'failed-before-change', reason: e.message };
    if (e instanceof CommitError) return { kind: 'rolled-back', reason: e.message };
    return { kind: 'failed-before-change', reason: describeError(e) };
  }
}

/** A check that did not confirm, as a verdict: rolled back, or (unreachable) after waiting for the device to revert. */
async function unconfirmedOutcome(
  driver: NetworkDriver,
  result: Exclude<ConfirmResult, { kind: 'confirmed' }>,
): Promise<HostOutcome> {
  if (result.kind === 'rolled-back') return { kind: 'rolled-back', reason: result.reason };
  const revert = await driver.awaitRevert();
  if (revert.stranded) return { kind: 'stranded', reason: `${result.reason}; ${revert.detail}` };
  return {
    kind: 'rolled-back',
    reason: revert.verified ? result.reason : `${result.reason}; not verified: ${revert.detail}`,
  };
}

async function commitAndConfirm(driver: NetworkDriver, revertIn: number): Promise<HostOutcome> {
  const failed = await commitOutcome(driver, revertIn);
  if (failed) return failed;
  // Applied or the session was lost mid-apply: either way only a new connection can confirm.
  const confirmation = await driver.confirm();
  if (confirmation.kind === 'confirmed') return { kind: 'confirmed' };
  return unconfirmedOutcome(driver, confirmation);
}

interface Member {
  readonly name: string;
  readonly driver: NetworkDriver;
}

/** Rolls back `members` because of `cause`; each verdict says so. */
async function rollBackAll(members: readonly Member[], cause: string): Promise<[string, HostOutcome][]> {
  return Promise.all(
    members.map(async (m): Promise<[string, HostOutcome]> => {
      try {
        await m.driver.rollback();
        return [m.name, { kind: 'rolled-back', reason: `rolled back with the rest of its change: ${cause}` }];
      } catch (e) {
        const revert = await m.driver.awaitRevert();
        const reason = `${cause}; rolling back failed (${describeError(e)})`;
        if (revert.stranded) return [m.name, { kind: 'stranded', reason: `${reason}; ${revert.detail}` }];
        return [m.name, { kind: 'rolled-back', reason: `${reason}; ${revert.detail}` }];
      }
    }),
  );
}

/**
 * One change over several devices: commit in order (stop and roll back the committed at the
 * first failure), verify the two-step devices from new connections, confirm the others, then
 * make the verified permanent; a failure anywhere before that rolls back every member.
 */
async function applyTogether(members: readonly Member[], revertIn: number): Promise<Map<string, HostOutcome>> {
  const outcomes = new Map<string, HostOutcome>();
  const committed: Member[] = [];
  for (const m of members) {
    const failed = await commitOutcome(m.driver, revertIn);
    if (failed) {
      outcomes.set(m.name, failed);
      const cause = `${m.name} ${failed.kind === 'rolled-back' ? 'failed' : 'could not change'}: ${failed.reason}`;
      for (const [name, o] of await rollBackAll(committed, cause)) outcomes.set(name, o);
      for (const rest of members.filter((r) => !outcomes.has(r.name)))
        outcomes.set(rest.name, { kind: 'failed-before-change', reason: `not applied: ${cause}` });
      return outcomes;
    }
    committed.push(m);
  }
  const twoStep = members.filter((m) => m.driver.verify);
  const oneStep = members.filter((m) => !m.driver.verify);
  const checks = await Promise.all(twoStep.map(async (m) => [m, await m.driver.verify!()] as const));
  const failedCheck = checks.find(([, c]) => c.kind !== 'confirmed');
  if (failedCheck) {
    const [bad, result] = failedCheck as [Member, Exclude<ConfirmResult, { kind: 'confirmed' }>];
    const others = members.filter((m) => m !== bad && checks.find(([c]) => c === m)?.[1].kind !== 'rolled-back');
    const cause = `${bad.name} did not hold: ${result.reason}`;
    const [badOutcome, rolled] = await Promise.all([
      unconfirmedOutcome(bad.driver, result),
      rollBackAll(others, cause),
    ]);
    outcomes.set(bad.name, badOutcome);
    for (const [name, o] of rolled) outcomes.set(name, o);
    for (const [m, c] of checks)
      if (!outcomes.has(m.name) && c.kind === 'rolled-back')
        outcomes.set(m.name, { kind: 'rolled-back', reason: c.reason });
    return outcomes;
  }
  const confirmations = await Promise.all(oneStep.map(async (m) => [m, await m.driver.confirm()] as const));
  const unconfirmed = confirmations.filter(([, c]) => c.kind !== 'confirmed');
  if (unconfirmed.length > 0) {
    const cause = `${unconfirmed.map(([m, c]) => `${m.name}: ${c.kind === 'confirmed' ? '' : c.reason}`).join('; ')}`;
    const [failures, rolled] = await Promise.all([
      Promise.all(
        unconfirmed.map(
          async ([m, c]) =>
            [m.name, await unconfirmedOutcome(m.driver, c as Exclude<ConfirmResult, { kind: 'confirmed' }>)] as const,
        ),
      ),
      rollBackAll(twoStep, `${cause}`),
    ]);
    for (const [name, o] of [...failures, ...rolled]) outcomes.set(name, o);
    for (const [m] of confirmations.filter(([, c]) => c.kind === 'confirmed'))
      outcomes.set(m.name, { kind: 'confirmed' });
    return outcomes;
  }
  for (const [m] of confirmations) outcomes.set(m.name, { kind: 'confirmed' });
  const finals = await Promise.all(twoStep.map(async (m) => [m, await m.driver.confirm()] as const));
  for (const [m, c] of finals)
    outcomes.set(m.name, c.kind === 'confirmed' ? { kind: 'confirmed' } : await unconfirmedOutcome(m.driver, c));
  return outcomes;
}
