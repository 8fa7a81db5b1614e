/** Live status of elements as the status poller reports it; never part of the design or of history. */
export type Health = 'ok' | 'degraded' | 'down' | 'unknown' | 'unreachable';

export interface LiveStatus {
  readonly health: Health;
  readonly reasons: readonly string[];
  /** What differs between the live host and the design. */
  readonly drift?: readonly string[];
  /** Raw facts for the inspector (MII status, speed, aggregator, ...). */
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
  /** ISO 8601 time the facts were read. */
  readonly readAt: string;
}

export type LiveSlice = Readonly<Record<string, LiveStatus>>;

export const HEALTH_LABEL: Record<Health, string> = {
  ok: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
  unreachable: 'Unreachable',
};
