/**
 * Live status of elements as the status poller reports it; never part of the
 * design or of history. The shape is the one `shared/status/live.ts` defines;
 * only the words people read live here.
 */
import type { ElementLive, Health, LiveStatus as LiveByElement } from '../../../shared/status/live.js';

export type { Health } from '../../../shared/status/live.js';
export type LiveStatus = ElementLive;
export type LiveSlice = LiveByElement;

export const HEALTH_LABEL: Record<Health, string> = {
  ok: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
  unreachable: 'Unreachable',
};
