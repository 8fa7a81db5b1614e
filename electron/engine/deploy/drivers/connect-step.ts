/** Opening a device's connection as one step of a deploy, the same for every driver. */
import type { StepListener } from '../driver.js';
import { describeError } from '../errors.js';
import type { HostTarget } from '../session.js';

/** Reports `step` running (who, where), then done, or failed with the reason (and rethrows). */
export async function connectAsStep<T>(
  report: StepListener,
  step: 'connect' | 'reconnect',
  target: HostTarget,
  open: () => Promise<T>,
): Promise<T> {
  report(step, 'running', `${target.user}@${target.address}:${target.port}`);
  try {
    const connection = await open();
    report(step, 'done');
    return connection;
  } catch (e) {
    report(step, 'failed', describeError(e));
    throw e;
  }
}
