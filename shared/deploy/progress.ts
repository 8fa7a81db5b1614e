/** The steps of a deploy, in order, and the progress events emitted per host and step. */

export const DEPLOY_STEPS = [
  'connect',
  'lock',
  'read',
  'upload',
  'check',
  'backup',
  'arm',
  'install',
  'apply',
  'reconnect',
  'health',
  'confirm',
  'rollback',
] as const;
export type DeployStep = (typeof DEPLOY_STEPS)[number];

export type StepState = 'running' | 'done' | 'failed';

export interface DeployProgress {
  /** The design's host name. */
  readonly host: string;
  readonly step: DeployStep;
  readonly state: StepState;
  readonly detail?: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export function isDeployStep(word: string): word is DeployStep {
  return (DEPLOY_STEPS as readonly string[]).includes(word);
}
