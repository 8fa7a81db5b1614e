/**
 * The Debian / Proxmox VE driver: `/etc/network/interfaces` applied with
 * ifupdown2, with a revert armed on the host before anything changes.
 *
 * On Proxmox VE the host's firewall files (`pve-firewall` target: cluster.fw,
 * host.fw, <vmid>.fw) are companions of that file: read, backed up,
 * installed and rolled back with it, in the same transaction.
 *
 * Round trips, to keep a deploy close to the cost of two plain SSH logins:
 *   connection 1: PREPARE (lock, read, upload, `ifup -a -s`)   = loadCandidate
 *                 STAGE   (companions: read, upload)            = loadCandidate
 *                 COMMIT  (backup, arm, install, `ifreload -a`) = commit
 *   connection 2: CONFIRM (health checks, disarm, unlock)       = confirm
 * Each script is one `sh -c` with its values as quoted parameters
 * (remote-scripts.ts); the scripts report their steps as they go.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { userInfo, hostname } from 'node:os';
import { posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTwoFilesPatch } from 'diff';
import { INTERFACES_PATH } from '../../../../shared/targets/ifupdown2/index.js';
import type { GeneratedFile } from '../../../../shared/targets/index.js';
import type {
  ApplyResult,
  CandidateCheck,
  ConfirmResult,
  DeployDriver,
  DriverContext,
  DriverTiming,
  NetworkDriver,
  RevertReport,
  StepListener,
} from '../driver.js';
import { SshError } from '../../ssh/errors.js';
import { CandidateError, CommitError, LockError, RemoteError, describeError } from '../errors.js';
import {
  COMMIT,
  CONFIRM,
  DISCARD,
  PREPARE,
  ROLLBACK,
  SCRIPT_EXIT,
  STAGE,
  STATUS,
  scriptArgv,
} from '../remote-scripts.js';
import { afterRevert, type RevertAttempt } from './after-revert.js';
import { connectAsStep } from './connect-step.js';
import { parseScriptLine, summarise, type ScriptLine, type ScriptReport } from '../script-output.js';
import type { HostTarget, RemoteSession } from '../session.js';

export const DEFAULT_TIMING: DriverTiming = {
  connectMs: 15_000,
  leaseS: 900,
  revertMarginS: 5,
  reachAfterRevertMs: 60_000,
  reconnectAttemptMs: 4_000,
};

export interface DebianDriverOptions extends DriverContext {
  readonly target: HostTarget;
  /** The file replaced on the host (default `/etc/network/interfaces`). */
  readonly remotePath?: string;
  /** Proxmox VE firewall files installed with it, at their paths under `firewallRoot`. */
  readonly companions?: readonly GeneratedFile[];
  readonly timing?: Partial<DriverTiming>;
}

/** A companion file on the host: where it goes, what it becomes, what it was. */
interface Companion {
  readonly remotePath: string;
  readonly content: string;
  live: string | undefined;
}

interface ScriptRun {
  readonly code: number;
  readonly stdout: string;
  readonly report: ScriptReport;
}

/** `20261123T085700Z`: sorts by time, safe in file names. */
export function backupStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** A unified diff from the live file to the candidate, '' when equal. */
export function unifiedDiff(path: string, live: string | undefined, candidate: string): string {
  if (live === candidate) return '';
  return createTwoFilesPatch(
    `a${path}`,
    `b${path}`,
    live ?? '',
    candidate,
    live === undefined ? '(absent)' : 'live',
    'candidate',
    { context: 3 },
  ).replace(/^=+\n/, '');
}

export class DebianDriver implements NetworkDriver {
  private readonly timing: DriverTiming;
  private readonly remotePath: string;
  private session: RemoteSession | undefined;
  private readonly token = randomBytes(8).toString('hex');
  private candidate: string | undefined;
  private live: string | undefined;
  private readonly companions: readonly Companion[];
  private readonly firewallRoot: string;
  private revertIn = 0;
  /** Why the first session ended early, if it did. */
  private lostReason: string | undefined;
  /** Local clock (ms) at which the host's revert fires; set once armed. */
  private deadline: number | undefined;

  constructor(private readonly options: DebianDriverOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.remotePath = options.remotePath ?? `/${INTERFACES_PATH}`;
    this.firewallRoot = options.firewallRoot ?? '/';
    this.companions = (options.companions ?? []).map((f) => ({
      remotePath: posix.join(this.firewallRoot, f.path),
      content: f.content,
      live: undefined,
    }));
  }

  async loadCandidate(content: string): Promise<CandidateCheck> {
    this.candidate = content;
    const session = await this.connect('connect', this.timing.connectMs);
    this.session = session;
    const owner = `${userInfo().username}@${hostname()} pid ${process.pid}`;
    const run = await this.runScript(
      session,
      'netloom-prepare',
      PREPARE,
      [this.token, this.remotePath, owner, this.timing.leaseS, ...(this.companions.length > 0 ? ['hold'] : [])],
      {
        stdin: content,
        timeoutMs: 120_000,
      },
    );
    const absent = run.report.lines.some((l) => l.kind === 'live-absent');
    switch (run.code) {
      case SCRIPT_EXIT.ok:
        this.live = absent ? undefined : run.stdout;
        if (this.companions.length > 0 && (await this.stageCompanions(session))) {
          await this.discard();
          return { live: this.live, unchanged: true, checkOutput: '' };
        }
        return { live: this.live, unchanged: false, checkOutput: run.report.output };
      case SCRIPT_EXIT.unchanged:
        this.live = content;
        return { live: content, unchanged: true, checkOutput: '' };
      case SCRIPT_EXIT.locked:
        throw new LockError(
          `host is locked by another deploy: ${run.report.reason ?? 'unknown owner'}`,
          run.report.reason ?? '',
        );
      case SCRIPT_EXIT.candidateRejected:
        throw new CandidateError(
          `ifup -a -s rejected the candidate${firstLine(run.report.output) ? `: ${firstLine(run.report.output)}` : ''}`,
          run.report.output,
        );
      default:
        throw new RemoteError(`preparing failed (exit ${run.code}): ${run.report.reason ?? 'no reason given'}`);
    }
  }

  /**
   * Reads and uploads the companions under the lock PREPARE holds; true when
   * nothing at all changes (the candidate and every companion equal the live files).
   */
  private async stageCompanions(session: RemoteSession): Promise<boolean> {
    const bad = [this.firewallRoot, ...this.companions.map((c) => c.remotePath)].find(
      (p) => !p.startsWith('/') || p.includes('\n'),
    );
    if (bad !== undefined) {
      await this.discard();
      throw new CandidateError(
        `the firewall root must be an absolute path on one line, not ${JSON.stringify(bad)}`,
        '',
      );
    }
    const run = await this.runScript(
      session,
      'netloom-stage',
      STAGE,
      [this.token, this.firewallRoot, ...this.companions.map((c) => c.remotePath)],
      {
        stdin: this.companions.map((c) => `${Buffer.from(c.content).toString('base64')}\n`).join(''),
        timeoutMs: 120_000,
      },
    );
    if (run.code === SCRIPT_EXIT.candidateRejected) {
      const hint = this.firewallRoot === '/' ? '; a firewall root (--firewall-root DIR) writes them elsewhere' : '';
      throw new CandidateError(`${run.report.reason ?? 'the firewall files were refused'}${hint}`, run.report.output);
    }
    if (run.code !== SCRIPT_EXIT.ok) {
      throw new RemoteError(
        `staging the firewall files failed (exit ${run.code}): ${run.report.reason ?? 'no reason given'}`,
      );
    }
    const lives = run.stdout.split('\n');
    this.companions.forEach((c, i) => {
      const line = lives[i] ?? '-';
      c.live = line.startsWith('+') ? Buffer.from(line.slice(1), 'base64').toString('utf8') : undefined;
    });
    return this.live === this.candidate && this.companions.every((c) => c.live === c.content);
  }

  /** Keeps a local copy of every file the change replaces: the interfaces file as `interfaces`, a firewall file by its name. */
  private async saveLocalBackups(save: NonNullable<DriverContext['saveLocalBackup']>, stamp: string): Promise<void> {
    if (this.live !== undefined && this.live !== this.candidate) await save(this.live, stamp);
    for (const c of this.companions) {
      if (c.live !== undefined && c.live !== c.content) await save(c.live, stamp, posix.basename(c.remotePath));
    }
  }

  compare(): string {
    if (this.candidate === undefined) throw new Error('compare() before loadCandidate()');
    return [
      unifiedDiff(this.remotePath, this.live, this.candidate),
      ...this.companions.map((c) => unifiedDiff(c.remotePath, c.live, c.content)),
    ].join('');
  }

  async commit(options: { readonly revertIn: number }): Promise<ApplyResult> {
    const session = this.requireSession();
    const revertIn = Math.max(1, Math.round(options.revertIn));
    this.revertIn = revertIn;
    const stamp = backupStamp(new Date());
    if (this.options.saveLocalBackup) {
      try {
        await this.saveLocalBackups(this.options.saveLocalBackup, stamp);
      } catch (e) {
        await this.discard().catch(() => undefined);
        throw new CommitError(`cannot keep a local backup: ${describeError(e)}`, false);
      }
    }
    // The host waits up to half the window for `ifreload -a`; we wait a little longer, then
    // leave the rest of the window for a new connection.
    const applyWaitS = Math.max(2, Math.floor(revertIn / 2));
    let run: ScriptRun;
    try {
      run = await this.runScript(
        session,
        'netloom-commit',
        COMMIT,
        [
          this.token,
          revertIn,
          this.options.keepBackups ?? 10,
          stamp,
          this.timing.revertMarginS + 60,
          applyWaitS,
          ROLLBACK,
        ],
        {
          timeoutMs: (applyWaitS + 2) * 1000,
          onLine: (line) => {
            if (line.kind === 'step' && line.step === 'arm' && line.state === 'done')
              this.deadline = Date.now() + revertIn * 1000;
          },
        },
      );
    } catch (e) {
      // The host may have armed the revert just before we lost it: it fires no later than now + revertIn.
      this.deadline ??= Date.now() + revertIn * 1000;
      this.lostReason = `session lost during apply: ${describeError(e)}`;
      this.step('apply', 'failed', this.lostReason);
      return { kind: 'session-lost', reason: this.lostReason };
    }
    switch (run.code) {
      case SCRIPT_EXIT.ok:
        return { kind: 'applied' };
      case SCRIPT_EXIT.applyTimeout:
        return { kind: 'session-lost', reason: run.report.reason ?? 'ifreload -a still running' };
      case SCRIPT_EXIT.applyFailed:
        throw new CommitError(`${run.report.reason ?? 'ifreload -a failed'}; restored the backup at once`, true);
      case SCRIPT_EXIT.candidateRejected:
        throw new CommitError(
          `${run.report.reason ?? 'pve-firewall compile failed'}; restored the backups at once${run.report.output ? `\n${run.report.output}` : ''}`,
          true,
        );
      default:
        throw new CommitError(`committing failed (exit ${run.code}): ${run.report.reason ?? 'no reason given'}`, false);
    }
  }

  async confirm(): Promise<ConfirmResult> {
    const deadline = this.requireDeadline();
    this.closeSession();
    const address = isIP(this.options.target.address) ? this.options.target.address : '';
    let lastProblem = this.lostReason ?? 'the apply took the whole window';
    let backoff = 100;
    this.step('reconnect', 'running');
    while (Date.now() < deadline - 500) {
      const remaining = deadline - Date.now();
      let session: RemoteSession;
      try {
        session = await this.options.openSession(this.options.target, {
          timeoutMs: Math.min(this.timing.reconnectAttemptMs, remaining),
        });
      } catch (e) {
        if (e instanceof SshError && (e.code === 'auth' || e.code.startsWith('host-key'))) {
          this.step('reconnect', 'failed', describeError(e));
          return { kind: 'unreachable', reason: describeError(e) };
        }
        lastProblem = describeError(e);
        await sleep(Math.min(backoff, Math.max(0, deadline - Date.now())));
        backoff = Math.min(backoff * 2, 1000);
        continue;
      }
      this.step('reconnect', 'done');
      try {
        const run = await this.runScript(session, 'netloom-confirm', CONFIRM, [this.token, address], {
          timeoutMs: remaining + 70_000,
        });
        switch (run.code) {
          case SCRIPT_EXIT.ok:
            return { kind: 'confirmed' };
          case SCRIPT_EXIT.notArmed:
            return {
              kind: 'rolled-back',
              reason: `the confirm window of ${this.revertIn} s ran out before the host could be confirmed`,
            };
          case SCRIPT_EXIT.healthFailed:
            return { kind: 'rolled-back', reason: `health check failed: ${run.report.reason ?? 'no detail'}` };
          case SCRIPT_EXIT.applyFailed:
            return { kind: 'rolled-back', reason: `${run.report.reason ?? 'ifreload -a failed'}` };
          default:
            lastProblem = `confirm script exit ${run.code}: ${run.report.reason ?? 'no detail'}`;
        }
      } catch (e) {
        lastProblem = describeError(e);
      } finally {
        session.close();
      }
    }
    this.step('reconnect', 'failed', lastProblem);
    return {
      kind: 'unreachable',
      reason: `no new SSH connection within the ${this.revertIn} s window after apply (${lastProblem})`,
    };
  }

  async awaitRevert(): Promise<RevertReport> {
    const deadline = this.requireDeadline();
    this.step('rollback', 'running', 'waiting for the host to revert by itself');
    const found = await afterRevert(this.timing, deadline, async (timeoutMs): Promise<RevertAttempt<RevertReport>> => {
      const session = await this.options.openSession(this.options.target, { timeoutMs });
      try {
        const run = await this.runScript(session, 'netloom-status', STATUS, [this.token, this.remotePath], {
          timeoutMs: 90_000,
        });
        const last = run.report.lines.find((l): l is Extract<ScriptLine, { kind: 'last' }> => l.kind === 'last');
        const result = last?.fields['result'];
        if (result === 'rolled-back') {
          const restored =
            (this.live === undefined || run.stdout === this.live) &&
            (this.companions.length === 0 || last?.fields['files'] === 'ok');
          const detail = `${restored ? 'restored the backup' : 'rolled back, but the file differs from the backup'} (ifreload -a exit ${last?.fields['ifreload'] ?? '?'})`;
          this.step('rollback', restored ? 'done' : 'failed', detail);
          return { done: { verified: restored, detail } };
        }
        if (result !== 'armed') {
          this.step('rollback', 'failed', 'the host has no record of this deploy');
          return { done: { verified: false, detail: 'the host has no record of this deploy; check it by hand' } };
        }
        return { pending: 'the revert is still pending' };
      } finally {
        session.close();
      }
    });
    if ('done' in found) return found.done;
    this.step('rollback', 'failed', found.unreached);
    return { verified: false, detail: `could not reach the host after its revert time (${found.unreached})` };
  }

  async rollback(): Promise<void> {
    const session = this.session ?? (await this.connect('reconnect', this.timing.connectMs));
    this.session = session;
    this.step('rollback', 'running');
    const run = await this.runScript(session, 'netloom-rollback', ROLLBACK, [this.token, 'now'], {
      timeoutMs: 120_000,
    });
    this.step('rollback', run.code === 0 ? 'done' : 'failed', run.report.reason);
  }

  async discard(): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await this.runScript(session, 'netloom-discard', DISCARD, [this.token], { timeoutMs: 30_000 });
    } finally {
      this.closeSession();
    }
  }

  close(): void {
    this.closeSession();
  }

  private step(step: Parameters<StepListener>[0], state: Parameters<StepListener>[1], detail?: string): void {
    this.options.onStep?.(step, state, detail);
  }

  private connect(step: 'connect' | 'reconnect', timeoutMs: number): Promise<RemoteSession> {
    return connectAsStep(
      (...report) => this.step(...report),
      step,
      this.options.target,
      () => this.options.openSession(this.options.target, { timeoutMs }),
    );
  }

  private requireSession(): RemoteSession {
    if (!this.session) throw new Error('no session: loadCandidate() first');
    return this.session;
  }

  private requireDeadline(): number {
    if (this.deadline === undefined) throw new Error('no revert armed: commit() first');
    return this.deadline;
  }

  private closeSession(): void {
    this.session?.close();
    this.session = undefined;
  }

  /** Runs one script (the session makes it root: directly, or through sudo), passing its progress on. */
  private async runScript(
    session: RemoteSession,
    name: string,
    script: string,
    args: readonly (string | number)[],
    options: { stdin?: string; timeoutMs: number; onLine?: (line: ScriptLine) => void },
  ): Promise<ScriptRun> {
    const lines: ScriptLine[] = [];
    const result = await session.run(scriptArgv(name, script, args), {
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      timeoutMs: options.timeoutMs,
      onStderrLine: (text) => {
        const line = parseScriptLine(text);
        lines.push(line);
        if (line.kind === 'step') this.step(line.step, line.state, line.detail);
        options.onLine?.(line);
      },
    });
    return { code: result.code, stdout: result.stdout, report: summarise(lines) };
  }
}

/** The line of ifupdown2's output that says why: the first `error:` line, else the first line. */
function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.find((l) => /^error\b/i.test(l)) ?? lines[0] ?? '';
}

/**
 * The registry entry: installs the ifupdown2 target's `/etc/network/interfaces` over a POSIX shell,
 * with the Proxmox VE firewall files where the host's platform writes them.
 */
export const debianDriver: DeployDriver = {
  candidate: { target: 'ifupdown2', path: INTERFACES_PATH },
  companions: ['pve-firewall'],
  create: (device, context) =>
    new DebianDriver({ target: device.target, ...context, companions: device.companions ?? [] }),
};
