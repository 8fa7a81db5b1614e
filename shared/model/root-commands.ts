/**
 * Commands that run as root on the host. ifupdown2 hands the value of
 * `pre-up`, `up`, `post-up`, `pre-down`, `down` and `post-down` (and their
 * underscore spellings, `post_up`...) to a root shell, and so does
 * `ovs-extra`; the other `ovs-*` values and `provider` are pasted into a root
 * shell command line, so they run commands when they hold shell syntax.
 * `rootCommands` is the one place that says which lines these are: `check`,
 * the deploy diff and the Deploy panel all ask it.
 */
import type { Host, HostInterface } from './schema.js';
import { continues } from './verbatim.js';

/** Keys whose whole value is a shell command. */
const COMMAND_KEYS: ReadonlySet<string> = new Set([
  'pre-up',
  'up',
  'post-up',
  'pre-down',
  'down',
  'post-down',
  'ovs-extra',
]);

/** Keys whose value ifupdown2 pastes into a shell command line. */
const pastedIntoShell = (key: string) => key.startsWith('ovs-') || key === 'provider';

const SHELL_SYNTAX = /[;&|`$<>(){}\\*?[\]~!'"#]/;

/** Whether a single line can be a root command: its first word is a command key or a key pasted into a shell. */
function mayRunCommand(line: string): boolean {
  const word = /^\s*(\S+)/.exec(line)?.[1] ?? '';
  if (word.startsWith('#')) return false;
  const key = word.replace(/_/g, '-');
  return COMMAND_KEYS.has(key) || pastedIntoShell(key);
}

export interface RootCommand {
  /** Index of the line the command starts on. */
  readonly line: number;
  /** How many lines it spans: a command continued with `\` takes the lines after it. */
  readonly lines: number;
  /** The key as ifupdown2 reads it, underscores as dashes: `post-up`. */
  readonly key: string;
  /** The command, its lines joined the way ifupdown2 joins them. */
  readonly command: string;
}

/** The root commands among lines of an interfaces file (or an element's extra lines, or an unmanaged block). */
export function rootCommands(lines: readonly string[]): RootCommand[] {
  const found: RootCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Most lines are one line and say no command (comments, settings): they are passed over without building anything.
    if (!continues(lines[i]!) && !mayRunCommand(lines[i]!)) continue;
    const start = i;
    const parts = [lines[i]!];
    while (continues(parts[parts.length - 1]!) && i + 1 < lines.length) parts.push(lines[++i]!);
    const text = parts
      .map((p) =>
        p
          .trim()
          .replace(/\\\s*$/, '')
          .trim(),
      )
      .filter((p) => p !== '')
      .join(' ');
    if (text.startsWith('#')) continue;
    const [word = '', ...rest] = text.split(/\s+/);
    const key = word.replace(/_/g, '-');
    const value = rest.join(' ');
    if (COMMAND_KEYS.has(key) || (pastedIntoShell(key) && SHELL_SYNTAX.test(value))) {
      found.push({ line: start, lines: parts.length, key, command: value });
    }
  }
  return found;
}

export interface HostRootCommand extends RootCommand {
  /** The interface whose extra lines hold it; absent for a command in an unmanaged block. */
  readonly element?: HostInterface;
}

/** Every root command a host's design writes into its `/etc/network/interfaces`. */
export function hostRootCommands(host: Host): HostRootCommand[] {
  const interfaces: readonly HostInterface[] = [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans];
  return [
    ...interfaces.flatMap((element) => rootCommands(element.extraLines ?? []).map((c) => ({ ...c, element }))),
    ...host.unmanaged.flatMap((block) => rootCommands(block)),
  ];
}
