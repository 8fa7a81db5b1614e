/**
 * What a deploy says about each host: the result of preparing (a diff to
 * read) and the final verdict, with the one line the CLI and the UI print.
 */

export type Preparation =
  | { readonly host: string; readonly state: 'ready'; readonly diff: string; readonly checkOutput: string }
  | { readonly host: string; readonly state: 'unchanged' }
  | {
      readonly host: string;
      readonly state: 'failed';
      readonly reason: string;
      /** Set when the host's key is unknown: accepting this fingerprint and preparing again goes on. */
      readonly unknownHostKey?: {
        readonly address: string;
        readonly port: number;
        readonly keyType: string;
        readonly fingerprint: string;
      };
    };

export type HostOutcome =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'unchanged' }
  /** Dry run: the candidate differs and the host's ifupdown2 accepts it. */
  | { readonly kind: 'checked' }
  | { readonly kind: 'rolled-back'; readonly reason: string }
  | { readonly kind: 'failed-before-change'; readonly reason: string }
  /** Changed, not confirmed, and not undone: the reason says what to do (an unreachable Dell OS6 switch). */
  | { readonly kind: 'stranded'; readonly reason: string };

export interface HostReport {
  readonly host: string;
  readonly outcome: HostOutcome;
}

/** The one-line verdict the CLI and the UI print per host. */
export function describeOutcome(outcome: HostOutcome): string {
  switch (outcome.kind) {
    case 'confirmed':
      return 'confirmed';
    case 'unchanged':
      return 'unchanged';
    case 'checked':
      return 'checked: would change, ifup -s accepts it';
    case 'rolled-back':
      return `rolled back: ${outcome.reason}`;
    case 'failed-before-change':
      return `failed before change: ${outcome.reason}`;
    case 'stranded':
      return `not rolled back: ${outcome.reason}`;
  }
}

/** Success (exit 0): every host confirmed, unchanged or (dry run) checked. */
export function allSucceeded(reports: readonly HostReport[]): boolean {
  return reports.every(
    (r) => r.outcome.kind === 'confirmed' || r.outcome.kind === 'unchanged' || r.outcome.kind === 'checked',
  );
}
