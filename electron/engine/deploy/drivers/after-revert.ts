/**
 * Reaching a device again once its own revert time has passed: what a driver
 * does when the change could not be undone by hand (the device was lost) and
 * the device is trusted to have reverted by itself. Each attempt opens a fresh
 * connection and reads what happened; a device still busy or not answering is
 * tried again until the timing gives up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DriverTiming } from '../driver.js';
import { describeError } from '../errors.js';

/** What one attempt found: the answer, or why there is none yet. */
export type RevertAttempt<T> = { readonly done: T } | { readonly pending: string };

export async function afterRevert<T>(
  timing: DriverTiming,
  deadline: number,
  attempt: (timeoutMs: number) => Promise<RevertAttempt<T>>,
): Promise<{ readonly done: T } | { readonly unreached: string }> {
  await sleep(Math.max(0, deadline + timing.revertMarginS * 1000 - Date.now()));
  const giveUp = Date.now() + timing.reachAfterRevertMs;
  let lastProblem = 'no attempt';
  while (Date.now() < giveUp) {
    try {
      const found = await attempt(timing.reconnectAttemptMs);
      if ('done' in found) return found;
      lastProblem = found.pending;
    } catch (e) {
      lastProblem = describeError(e);
    }
    await sleep(500);
  }
  return { unreached: lastProblem };
}
