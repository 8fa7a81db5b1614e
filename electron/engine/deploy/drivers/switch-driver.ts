/**
 * The switch drivers: the NAPALM verbs over a switch's interactive CLI. What
 * both vendors share lives here (read the running-config, send only the
 * snippet blocks the switch does not run, verify from a NEW session, keep a
 * local backup); what differs is a `SwitchMechanics` per vendor:
 *
 *   Cisco IOS  the archive's commit-confirmed: `configure terminal revert timer N`, the lines,
 *              `end`; `configure confirm` + `write memory` once verified; `configure revert now`
 *              on a failed check; unconfirmed, the switch reverts by itself.
 *   Dell OS6   no device-side timer: the lines go to the running-config only, and only once
 *              verified is it copied to the startup-config. A failed check on a reachable switch
 *              is undone with the inverse lines; an unreachable one keeps its startup-config,
 *              so a reload restores it (the verdict says so).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SwitchVendor } from '../../../../shared/model/schema.js';
import {
  snippetBlocks,
  switchChange,
  SwitchLineError,
  type SwitchChange,
} from '../../../../shared/switch-config/change.js';
import { CliCommandError } from '../../ssh/cli-shell.js';
import { SshError } from '../../ssh/errors.js';
import type {
  ApplyResult,
  CandidateCheck,
  ConfirmResult,
  DriverContext,
  DriverTiming,
  NetworkDriver,
  RevertReport,
  StepListener,
} from '../driver.js';
import { CandidateError, CommitError, describeError } from '../errors.js';
import type { DevicePlan } from '../plan.js';
import type { CliOpener, SwitchCli } from '../session.js';
import { afterRevert } from './after-revert.js';
import { connectAsStep } from './connect-step.js';
import { backupStamp, DEFAULT_TIMING } from './debian-driver.js';

/** What one vendor does differently; every method types lines at an enabled CLI. */
export interface SwitchMechanics {
  readonly vendor: SwitchVendor;
  /** Refuses a switch that cannot take the change safely (IOS without the archive); throws `CandidateError`. */
  precheck(cli: SwitchCli): Promise<void>;
  /** A copy on the switch itself; returns where. */
  backupOnDevice(cli: SwitchCli, stamp: string): Promise<string>;
  /** Enters global configuration, with the device's own revert armed when it has one (minutes). */
  enterConfiguration(cli: SwitchCli, revertMinutes: number): Promise<void>;
  /** Whether an unconfirmed change reverts on the device by itself (IOS: the archive's timer). */
  readonly revertsByItself: boolean;
  /** Makes the verified change permanent (running-config to startup-config). */
  makePermanent(cli: SwitchCli): Promise<void>;
  /** Undoes the change now, from privileged EXEC. */
  revertNow(cli: SwitchCli, change: SwitchChange): Promise<void>;
}

/** The snippet's lines exactly as the target wrote them: a design value holding a line break is refused. */
export function snippetLines(candidate: DevicePlan['candidate']): string[] {
  const lines = candidate.content.replace(/\n$/, '').split('\n');
  const written = candidate.lineElements?.length;
  if (written !== undefined && written !== lines.length) {
    throw new CandidateError(
      `the snippet has ${lines.length} lines where the target wrote ${written}: a value from the design (a description or VLAN name) holds a line break`,
      '',
    );
  }
  return lines;
}

/** `show running-config` without what precedes the configuration (`Building configuration...`, sizes). */
function configText(output: string): string {
  return output
    .split('\n')
    .filter((l) => !/^(Building configuration|Current configuration|!Current Configuration)/.test(l))
    .join('\n')
    .trim();
}

export class SwitchDriver implements NetworkDriver {
  private readonly timing: DriverTiming;
  private readonly openCli: CliOpener;
  private lines: string[] = [];
  private cli: SwitchCli | undefined;
  private running: string | undefined;
  private change: SwitchChange | undefined;
  private deadline: number | undefined;
  /**
   * When `verify` gives up: half the requested window after the apply, so the hosts of the same
   * change (armed for the whole window) are still rolled back at once, not by their own timers.
   */
  private verifyUntil: number | undefined;
  private revertIn = 0;
  private lostReason: string | undefined;
  /** The verifying session, kept for `confirm`. */
  private verified: SwitchCli | undefined;

  constructor(
    private readonly device: DevicePlan,
    private readonly context: DriverContext,
    private readonly mechanics: SwitchMechanics,
  ) {
    this.timing = { ...DEFAULT_TIMING, ...context.timing };
    if (!context.openCli) throw new Error('a switch driver needs openCli');
    this.openCli = context.openCli;
  }

  private get minuteMs(): number {
    return this.timing.minuteMs ?? 60_000;
  }

  async loadCandidate(): Promise<CandidateCheck> {
    this.lines = snippetLines(this.device.candidate);
    try {
      snippetBlocks(this.mechanics.vendor, this.lines);
    } catch (e) {
      if (e instanceof SwitchLineError) throw new CandidateError(`refused before connecting: ${e.message}`, '');
      throw e;
    }
    const cli = await this.connect('connect');
    this.cli = cli;
    this.step('check', 'running');
    await this.mechanics.precheck(cli);
    const running = configText(await cli.send('show running-config'));
    this.running = running;
    this.change = switchChange(this.mechanics.vendor, this.lines, running);
    this.step('check', 'done', `${this.change.apply.length} lines to send`);
    if (this.change.apply.length === 0) {
      this.closeCli();
      return { live: running, unchanged: true, checkOutput: '' };
    }
    return { live: running, unchanged: false, checkOutput: '' };
  }

  compare(): string {
    if (!this.change) throw new Error('compare() before loadCandidate()');
    if (this.change.diff === '') return '';
    return `--- running-config (settings Netloom manages)\n+++ ${this.device.candidate.path}\n${this.change.diff}`;
  }

  async commit(options: { readonly revertIn: number }): Promise<ApplyResult> {
    const cli = this.require(this.cli, 'loadCandidate() first');
    const change = this.require(this.change, 'loadCandidate() first');
    const minutes = Math.max(1, Math.ceil(options.revertIn / 60));
    this.revertIn = this.mechanics.revertsByItself ? (minutes * this.minuteMs) / 1000 : options.revertIn;
    const stamp = backupStamp(new Date());
    this.step('backup', 'running');
    try {
      const local = this.context.saveLocalBackup
        ? await this.context.saveLocalBackup(`${this.running}\n`, stamp, 'running-config')
        : undefined;
      const onDevice = await this.mechanics.backupOnDevice(cli, stamp);
      this.step('backup', 'done', [local, onDevice].filter(Boolean).join(', '));
    } catch (e) {
      this.step('backup', 'failed', describeError(e));
      throw new CommitError(`cannot keep a backup: ${describeError(e)}`, false);
    }
    this.step('arm', 'running');
    try {
      await this.mechanics.enterConfiguration(cli, minutes);
    } catch (e) {
      this.step('arm', 'failed', describeError(e));
      throw new CommitError(`cannot enter configuration: ${describeError(e)}`, false);
    }
    this.deadline = Date.now() + this.revertIn * 1000;
    this.step('arm', 'done', this.mechanics.revertsByItself ? `reverts in ${minutes} min unless confirmed` : undefined);
    this.step('apply', 'running');
    try {
      for (const line of change.apply) await cli.send(line);
      await cli.send('end');
    } catch (e) {
      if (e instanceof CliCommandError) {
        this.step('apply', 'failed', describeError(e));
        await cli.send('end').catch(() => undefined);
        const undone = await this.rollback().then(
          () => 'undid the lines sent before it',
          (problem: unknown) =>
            `undoing failed (${describeError(problem)}); ${
              this.mechanics.revertsByItself
                ? 'the switch reverts by its timer'
                : 'its startup-config is unchanged, so a reload restores it'
            }`,
        );
        throw new CommitError(`${describeError(e)}; ${undone}`, true);
      }
      this.verifyUntil = Date.now() + (options.revertIn * 1000) / 2;
      this.lostReason = `session lost during apply: ${describeError(e)}`;
      this.step('apply', 'failed', this.lostReason);
      this.closeCli();
      return { kind: 'session-lost', reason: this.lostReason };
    }
    this.step('apply', 'done', `${change.apply.length} lines`);
    this.verifyUntil = Date.now() + (options.revertIn * 1000) / 2;
    return { kind: 'applied' };
  }

  async verify(): Promise<ConfirmResult> {
    const deadline = Math.min(this.require(this.deadline, 'commit() first'), this.verifyUntil ?? Infinity);
    this.closeCli();
    this.step('reconnect', 'running');
    let lastProblem = this.lostReason ?? 'the window closed before a new session could be tried';
    let backoff = 100;
    while (Date.now() < deadline - 500) {
      let cli: SwitchCli;
      try {
        cli = await this.openCli(this.device.target, this.mechanics.vendor, {
          timeoutMs: Math.min(this.timing.reconnectAttemptMs, deadline - Date.now()),
        });
      } catch (e) {
        if (e instanceof SshError && (e.code === 'auth' || e.code.startsWith('host-key'))) break;
        lastProblem = describeError(e);
        await sleep(Math.min(backoff, Math.max(0, deadline - Date.now())));
        backoff = Math.min(backoff * 2, 1000);
        continue;
      }
      this.step('reconnect', 'done');
      this.step('health', 'running');
      try {
        const running = configText(await cli.send('show running-config'));
        const left = switchChange(this.mechanics.vendor, this.lines, running).apply;
        if (left.length > 0) {
          this.step('health', 'failed', `the switch does not run ${left[0]}`);
          this.cli = cli;
          await this.undo();
          return { kind: 'rolled-back', reason: `the switch does not run the change (${left[0]} ...); undone` };
        }
        this.step('health', 'done');
        this.verified = cli;
        return { kind: 'confirmed' };
      } catch (e) {
        cli.close();
        lastProblem = describeError(e);
      }
    }
    this.step('reconnect', 'failed', lastProblem);
    return { kind: 'unreachable', reason: `no new SSH session to the switch after apply (${lastProblem})` };
  }

  async confirm(): Promise<ConfirmResult> {
    if (!this.verified) {
      const check = await this.verify();
      if (check.kind !== 'confirmed') return check;
    }
    const cli = this.verified!;
    this.step('confirm', 'running');
    try {
      await this.mechanics.makePermanent(cli);
      this.step('confirm', 'done');
      return { kind: 'confirmed' };
    } catch (e) {
      this.step('confirm', 'failed', describeError(e));
      this.cli = cli;
      this.verified = undefined;
      await this.undo();
      return { kind: 'rolled-back', reason: `making the change permanent failed (${describeError(e)}); undone` };
    } finally {
      cli.close();
      this.verified = undefined;
    }
  }

  async rollback(): Promise<void> {
    this.cli ??= this.verified ?? (await this.connect('reconnect'));
    this.verified = undefined;
    await this.undo();
  }

  /** Undoes the change over the current session and checks the running-config is the backup again. */
  private async undo(): Promise<void> {
    const cli = this.require(this.cli, 'a session');
    this.step('rollback', 'running');
    try {
      await this.mechanics.revertNow(cli, this.require(this.change, 'loadCandidate() first'));
      const now = configText(await cli.send('show running-config'));
      const restored = now === this.running;
      this.step(
        'rollback',
        restored ? 'done' : 'failed',
        restored ? 'running-config equals the backup' : 'running-config differs from the backup',
      );
    } catch (e) {
      this.step('rollback', 'failed', describeError(e));
      throw e;
    } finally {
      this.closeCli();
    }
  }

  async awaitRevert(): Promise<RevertReport> {
    const deadline = this.require(this.deadline, 'commit() first');
    if (!this.mechanics.revertsByItself) {
      const detail =
        'the switch could not be reached to undo the change; its startup-config is unchanged, so reloading it (reload, or a power cycle) restores the configuration it had before';
      this.step('rollback', 'failed', detail);
      return { verified: false, detail, stranded: true };
    }
    this.step('rollback', 'running', 'waiting for the switch to revert by itself');
    const found = await afterRevert(this.timing, deadline, async (timeoutMs) => {
      const cli = await this.openCli(this.device.target, this.mechanics.vendor, { timeoutMs });
      try {
        return { done: configText(await cli.send('show running-config')) === this.running };
      } finally {
        cli.close();
      }
    });
    if ('unreached' in found) {
      this.step('rollback', 'failed', found.unreached);
      return { verified: false, detail: `could not reach the switch after its revert time (${found.unreached})` };
    }
    const detail = found.done
      ? 'the switch reverted to the archived configuration'
      : 'the switch is reachable but its running-config differs from the backup';
    this.step('rollback', found.done ? 'done' : 'failed', detail);
    return { verified: found.done, detail };
  }

  async discard(): Promise<void> {
    this.closeCli();
  }

  close(): void {
    this.closeCli();
    this.verified?.close();
    this.verified = undefined;
  }

  private connect(step: 'connect' | 'reconnect'): Promise<SwitchCli> {
    const target = this.device.target;
    return connectAsStep(
      (...report) => this.step(...report),
      step,
      target,
      () => this.openCli(target, this.mechanics.vendor, { timeoutMs: this.timing.connectMs }),
    );
  }

  private closeCli(): void {
    this.cli?.close();
    this.cli = undefined;
  }

  private require<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`switch driver: ${what}`);
    return value;
  }

  private step(step: Parameters<StepListener>[0], state: Parameters<StepListener>[1], detail?: string): void {
    this.context.onStep?.(step, state, detail);
  }
}
