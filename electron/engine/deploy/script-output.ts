/**
 * Reads what the remote scripts say on standard error: lines beginning
 * `@netloom ` (see remote-scripts.ts); anything else is plain output of a
 * tool the script did not redirect (sudo, for one).
 */
import { isDeployStep, type DeployStep, type StepState } from '../../../shared/deploy/progress.js';

export type ScriptLine =
  | { readonly kind: 'step'; readonly step: DeployStep; readonly state: StepState; readonly detail?: string }
  | { readonly kind: 'out'; readonly text: string }
  | { readonly kind: 'locked'; readonly text: string }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'live-absent' }
  | { readonly kind: 'note' | 'error' | 'verdict'; readonly text: string }
  | { readonly kind: 'last'; readonly fields: Readonly<Record<string, string>> }
  | { readonly kind: 'other'; readonly text: string };

const PREFIX = '@netloom ';
const STATES: readonly string[] = ['running', 'done', 'failed'] satisfies StepState[];

export function parseScriptLine(line: string): ScriptLine {
  if (!line.startsWith(PREFIX)) return { kind: 'other', text: line };
  const rest = line.slice(PREFIX.length);
  const [word = '', ...more] = rest.split(' ');
  const text = more.join(' ');
  switch (word) {
    case 'step': {
      const [step = '', state = '', ...detail] = more;
      if (!isDeployStep(step) || !STATES.includes(state)) return { kind: 'other', text: line };
      const text = detail.join(' ').trim();
      return { kind: 'step', step, state: state as StepState, ...(text !== '' ? { detail: text } : {}) };
    }
    case 'out':
      return { kind: 'out', text };
    case 'locked':
      return { kind: 'locked', text };
    case 'unchanged':
      return { kind: 'unchanged' };
    case 'live':
      return text === 'absent' ? { kind: 'live-absent' } : { kind: 'other', text: line };
    case 'note':
    case 'error':
    case 'verdict':
      return { kind: word, text };
    case 'last':
      return {
        kind: 'last',
        fields: Object.fromEntries(
          more.filter((f) => f.includes('=')).map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]),
        ),
      };
    default:
      return { kind: 'other', text: line };
  }
}

/** Everything one script run said, collected. */
export interface ScriptReport {
  readonly lines: readonly ScriptLine[];
  /** Tool output the script passed on (`@netloom out`), joined. */
  readonly output: string;
  /** The last error, verdict or failed-step detail, for a one-line reason. */
  readonly reason?: string;
}

export function summarise(lines: readonly ScriptLine[]): ScriptReport {
  const output = lines.flatMap((l) => (l.kind === 'out' ? [l.text] : [])).join('\n');
  let reason: string | undefined;
  for (const l of lines) {
    if (l.kind === 'error' || l.kind === 'verdict' || l.kind === 'locked') reason = l.text;
    else if (l.kind === 'step' && l.state === 'failed') reason = l.detail ?? `${l.step} failed`;
    else if (l.kind === 'other' && l.text.startsWith('sudo:')) reason = l.text;
  }
  return { lines, output, ...(reason !== undefined ? { reason } : {}) };
}
