/**
 * The deploy driver contract, shaped after NAPALM's: load a candidate,
 * compare it with the live configuration, commit with an automatic revert,
 * confirm, roll back, discard. A platform's mechanics hide behind the verbs.
 */
import type { DeployStep, StepState } from '../../../shared/deploy/progress.js';
import type { TargetId } from '../../../shared/targets/index.js';
import type { DevicePlan } from './plan.js';
import type { CliOpener, SessionOpener } from './session.js';

export interface CandidateCheck {
  /** The live file as read under the lock; `undefined` when the host has none. */
  readonly live: string | undefined;
  /** The live file already equals the candidate; the lock was released, nothing to do. */
  readonly unchanged: boolean;
  /** What the host's syntax check (`ifup -a -s`) printed, if anything. */
  readonly checkOutput: string;
}

export type ApplyResult =
  /** The new configuration is applied; it reverts unless confirmed in time. */
  | { readonly kind: 'applied' }
  /** The session ended before the apply was reported (it continues on the host). */
  | { readonly kind: 'session-lost'; readonly reason: string };

export type ConfirmResult =
  | { readonly kind: 'confirmed'; readonly detail?: string }
  /** The host rolled back (health check, apply error, or window expired); nothing pending. */
  | { readonly kind: 'rolled-back'; readonly reason: string }
  /** No new connection in the window: the host reverts on its own at the deadline. */
  | { readonly kind: 'unreachable'; readonly reason: string };

export interface RevertReport {
  /** The host was reached after its deadline and reported the rollback. */
  readonly verified: boolean;
  readonly detail: string;
  /** The device has no revert of its own and could not be undone (Dell OS6 unreachable): `detail` says what to do. */
  readonly stranded?: boolean;
}

export interface NetworkDriver {
  /** Locks the host, reads the live configuration, uploads and syntax-checks the candidate. */
  loadCandidate(content: string): Promise<CandidateCheck>;
  /** Unified diff from the live configuration to the candidate ('' when equal). */
  compare(): string;
  /** Backs up, arms the revert in `revertIn` seconds, installs and applies the candidate. */
  commit(options: { readonly revertIn: number }): Promise<ApplyResult>;
  /** From a new connection: health checks, then disarm the revert and unlock. */
  confirm(): Promise<ConfirmResult>;
  /**
   * For a change that must hold on several devices together: checks from a new connection that
   * the device is reachable and runs the candidate, without making it permanent; `confirm` then
   * makes it permanent over that connection. Drivers without it check inside `confirm`.
   */
  verify?(): Promise<ConfirmResult>;
  /** Reverts now (restores the backup and reapplies it). */
  rollback(): Promise<void>;
  /** After `confirm` found the host unreachable: waits out the window and verifies the revert. */
  awaitRevert(): Promise<RevertReport>;
  /** Drops a loaded candidate and the lock without changing anything. */
  discard(): Promise<void>;
  close(): void;
}

export type StepListener = (step: DeployStep, state: StepState, detail?: string) => void;

export interface DriverTiming {
  /** First connection. */
  readonly connectMs: number;
  /** How long a prepared (not yet committed) lock stays valid before another deploy may break it. */
  readonly leaseS: number;
  /** After the deadline: time the host needs to restore and apply before we look. */
  readonly revertMarginS: number;
  /** After the margin: how long to keep trying to reach a reverted device. */
  readonly reachAfterRevertMs: number;
  /** One connection attempt while confirming. */
  readonly reconnectAttemptMs: number;
  /** How long the device counts a minute (IOS revert timers are in minutes); default 60 000, tests shorten it. */
  readonly minuteMs?: number;
}

/** What a deploy run hands every driver it creates. */
export interface DriverContext {
  /** Authenticated sessions to the device (host key checked, root directly or through sudo). */
  readonly openSession: SessionOpener;
  readonly onStep?: StepListener;
  /** Switch CLIs (logged in, enabled); switch drivers need it. */
  readonly openCli?: CliOpener;
  /** Keeps a local copy of the live configuration before it is replaced (`name`: its file name stem, default `interfaces`); returns where. */
  readonly saveLocalBackup?: (live: string, stamp: string, name?: string) => Promise<string>;
  /** How many backups the device keeps. */
  readonly keepBackups?: number;
  readonly timing?: Partial<DriverTiming>;
  /**
   * Where the Proxmox VE firewall files go (their paths, `etc/pve/...`, are under it):
   * `/` on Proxmox VE (the default); another folder on a host without /etc/pve (the test bed).
   */
  readonly firewallRoot?: string;
}

/** One entry of the driver registry (`drivers/index.ts`): which generated file it installs, and how. */
export interface DeployDriver {
  /** The exported file that is the device's candidate configuration. */
  readonly candidate: { readonly target: TargetId; readonly path: string };
  /** Targets whose files, where the device's platform names them, go with the candidate in one transaction. */
  readonly companions?: readonly TargetId[];
  create(device: DevicePlan, context: DriverContext): NetworkDriver;
}
