/**
 * Live status as the canvas shows it: per element id a health, the reasons
 * for it, where the host differs from the design (drift), the raw facts read,
 * and when. Never part of the design document.
 */

export const HEALTHS = ['ok', 'degraded', 'down', 'unknown', 'unreachable'] as const;
export type Health = (typeof HEALTHS)[number];

export type FactValue = string | number | boolean;

export interface ElementLive {
  readonly health: Health;
  /** Why the health is not `ok`, in words; empty when it is. */
  readonly reasons: readonly string[];
  /** Where the live state differs from the design; absent when it does not. */
  readonly drift?: readonly string[];
  /** Raw facts as read (MII, speed, aggregator, LACP bits...), labelled for people. */
  readonly facts?: Readonly<Record<string, FactValue>>;
  /** ISO 8601 time of the read. */
  readonly readAt: string;
}

/** Live status of elements by element id. */
export type LiveStatus = Readonly<Record<string, ElementLive>>;

/** One host's result of one poll: what the status event carries. */
export interface HostStatusUpdate {
  /** The device's element id: a host's, or a switch's (switch updates have the same shape). */
  readonly host: string;
  readonly reachable: boolean;
  /** ISO 8601 time of the read (or of the failed attempt). */
  readonly readAt: string;
  /** Every element of the host (and the cables on its ports). */
  readonly elements: LiveStatus;
}

const SEVERITY: Readonly<Record<Health, number>> = { ok: 0, unknown: 1, degraded: 2, down: 3, unreachable: 4 };

/** The worse of two healths. */
export function worseHealth(a: Health, b: Health): Health {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** What facts alone can say about an element that was read (`unknown`/`unreachable` come from failed reads). */
export type ReadHealth = Extract<Health, 'ok' | 'degraded' | 'down'>;

/** Health from reasons: `down` when any reason is fatal, `degraded` when any reason is given, else `ok`. */
export function healthOf(
  fatal: readonly string[],
  warnings: readonly string[],
): { health: ReadHealth; reasons: string[] } {
  if (fatal.length > 0) return { health: 'down', reasons: [...fatal, ...warnings] };
  if (warnings.length > 0) return { health: 'degraded', reasons: [...warnings] };
  return { health: 'ok', reasons: [] };
}
