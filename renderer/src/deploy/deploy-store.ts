/**
 * The deploy the designer runs: prepare (diffs per host), apply with a
 * confirm window, the progress timeline per host from `onDidDeployProgress`,
 * and the verdicts. View state only; the engine does the work. One deploy at
 * a time; the design is taken as it was when the deploy started.
 */
import { create } from 'zustand';
import type { PreparedDeploy } from '../../../shared/api.js';
import type { HostReport, Preparation } from '../../../shared/deploy/outcome.js';
import type { DeployProgress } from '../../../shared/deploy/progress.js';
import type { Design } from '../../../shared/model/schema.js';
import { api } from '../api/client.js';

export type DeployPhase = 'closed' | 'preparing' | 'review' | 'applying' | 'done';

export interface DeployState {
  readonly phase: DeployPhase;
  /** Shrunk to a status pill; the deploy goes on. */
  readonly minimised: boolean;
  readonly design: Design | null;
  readonly deployId: string | null;
  readonly preparations: readonly Preparation[];
  readonly skipped: PreparedDeploy['skipped'];
  /** Devices held or rolled back together, in apply order. */
  readonly groups: PreparedDeploy['groups'];
  /** Switch login password and enable secret typed in the panel: memory only, never saved, sent with the next prepare. */
  readonly switchPassword: string;
  readonly enableSecret: string;
  /** Confirm window, seconds. */
  readonly revertIn: number;
  /** Finished and failed steps per host, in order. */
  readonly timeline: Readonly<Record<string, readonly DeployProgress[]>>;
  readonly reports: readonly HostReport[];
  /** Fingerprints of unknown host keys the person accepted in this session. */
  readonly acceptedKeys: readonly string[];
  readonly error: string | null;
}

const initial: DeployState = {
  phase: 'closed',
  minimised: false,
  design: null,
  deployId: null,
  preparations: [],
  skipped: [],
  groups: [],
  switchPassword: '',
  enableSecret: '',
  revertIn: 120,
  timeline: {},
  reports: [],
  acceptedKeys: [],
  error: null,
};

export const useDeployStore = create<DeployState>(() => initial);

const get = () => useDeployStore.getState();
const set = (patch: Partial<DeployState>) => useDeployStore.setState(patch);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  api.onDidDeployProgress((event) => {
    const { phase, deployId, timeline } = get();
    if (phase !== 'preparing' && phase !== 'applying') return;
    if (deployId !== null && event.deployId !== deployId) return;
    const { deployId: _id, ...step } = event;
    set({ timeline: { ...timeline, [step.host]: [...(timeline[step.host] ?? []), step] } });
  });
}

async function prepare(design: Design): Promise<void> {
  set({
    phase: 'preparing',
    design,
    deployId: null,
    preparations: [],
    skipped: [],
    groups: [],
    timeline: {},
    reports: [],
    error: null,
  });
  try {
    const { switchPassword, enableSecret, acceptedKeys } = get();
    const prepared = await api.prepareDeploy(design, {
      hosts: [],
      acceptHostKeys: [...acceptedKeys],
      ...(switchPassword !== '' ? { switchPassword } : {}),
      ...(enableSecret !== '' ? { enableSecret } : {}),
    });
    set({
      phase: 'review',
      deployId: prepared.deployId,
      preparations: prepared.hosts,
      skipped: prepared.skipped,
      groups: prepared.groups,
    });
  } catch (e) {
    set({ phase: 'review', error: message(e) });
  }
}

/** Opens the deploy panel and prepares every host of `design` that has an SSH target. */
export async function startDeploy(design: Design): Promise<void> {
  if (get().phase === 'preparing' || get().phase === 'applying') {
    set({ minimised: false });
    return;
  }
  listen();
  set({ minimised: false });
  await prepare(design);
}

/** Trusts an unknown host key (shown to the person as SHA256:...) and prepares again. */
export async function trustHostKey(fingerprint: string): Promise<void> {
  const { design, deployId, acceptedKeys, phase } = get();
  if (!design || phase !== 'review') return;
  // Leave review at once: the hosts prepared so far are released before preparing again.
  set({ acceptedKeys: [...acceptedKeys, fingerprint], phase: 'preparing', deployId: null });
  if (deployId) await api.discardDeploy(deployId).catch(() => undefined);
  await prepare(design);
}

export function setSwitchLogin(patch: Partial<Pick<DeployState, 'switchPassword' | 'enableSecret'>>): void {
  set(patch);
}

/** Releases the prepared devices and prepares again (with the switch password and secret typed since). */
export async function prepareAgain(): Promise<void> {
  const { design, deployId, phase } = get();
  if (!design || phase !== 'review') return;
  set({ phase: 'preparing', deployId: null });
  if (deployId) await api.discardDeploy(deployId).catch(() => undefined);
  await prepare(design);
}

export function setRevertIn(seconds: number): void {
  set({ revertIn: seconds });
}

export const readyHosts = (s: DeployState) => s.preparations.filter((p) => p.state === 'ready');

/** Applies the prepared hosts; the panel shows the timeline, then the verdicts. */
export async function applyDeploy(): Promise<void> {
  const { deployId, revertIn } = get();
  if (!deployId) return;
  set({ phase: 'applying' });
  try {
    set({ phase: 'done', reports: await api.applyDeploy(deployId, revertIn) });
  } catch (e) {
    set({ phase: 'done', error: message(e) });
  }
}

/** Releases prepared hosts (nothing changed) and closes; a running deploy is only minimised. */
export async function closeDeploy(): Promise<void> {
  const { phase, deployId } = get();
  if (phase === 'preparing' || phase === 'applying') {
    set({ minimised: true });
    return;
  }
  if (phase === 'review' && deployId) await api.discardDeploy(deployId).catch(() => undefined);
  // The switch password and secret are dropped with the deploy.
  set({ ...initial, acceptedKeys: get().acceptedKeys, revertIn: get().revertIn });
}

export function setMinimised(minimised: boolean): void {
  set({ minimised });
}
