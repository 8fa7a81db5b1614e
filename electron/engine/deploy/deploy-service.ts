/**
 * The one way to deploy, for the CLI and the API alike: refuse a design with
 * rule errors, plan per device, then run each device with the driver its
 * platform names. Every refusal is a `DeployRefusedError` whose message is
 * formed here, so `netloom deploy`, `serve` and the app refuse the same
 * designs in the same words.
 */
import type { Design } from '../../../shared/model/index.js';
import { formatDiagnostic, validateDesign } from '../../../shared/validate/index.js';
import { BackendError } from '../backend-error.js';
import { DeployRun, type DeployDeps } from './deploy-run.js';
import { DRIVERS, type DriverRegistry } from './drivers/index.js';
import { planDeploy, type DeployPlan } from './plan.js';

/** A deploy that must not start: the design has rule errors, or the request names devices it cannot deploy. */
export class DeployRefusedError extends BackendError {
  constructor(message: string) {
    super('deploy-refused', message);
  }
}

export class DeployService {
  constructor(private readonly drivers: DriverRegistry = DRIVERS) {}

  /**
   * Checks the design's rules and plans a deploy of the devices named
   * (every device with an SSH target when none is); throws `DeployRefusedError`.
   */
  plan(design: Design, names: readonly string[]): DeployPlan {
    const errors = validateDesign(design).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      throw new DeployRefusedError(
        `the design has errors; fix them before deploying\n${errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`,
      );
    }
    const plan = planDeploy(design, names, this.drivers);
    if (plan.problems.length > 0) throw new DeployRefusedError(plan.problems.join('\n'));
    if (plan.devices.length === 0) {
      throw new DeployRefusedError(
        `no host or switch to deploy (${plan.skipped.map((s) => `${s.host} ${s.reason}`).join('; ') || 'the design has no devices'})`,
      );
    }
    return plan;
  }

  /** A run of the plan (prepare, then apply or discard), each device driven by its driver. */
  start(plan: DeployPlan, deps: Omit<DeployDeps, 'drivers'>): DeployRun {
    return new DeployRun(plan.devices, { ...deps, drivers: this.drivers }, plan.groups);
  }
}
