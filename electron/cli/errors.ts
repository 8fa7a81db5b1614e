/**
 * The CLI's one error boundary: whatever a verb throws becomes one line on
 * stderr and an exit code, never a stack trace. Errors the user or the
 * machine caused (a bad file, a full disk, a read-only folder, an SSH host
 * that refused) name the file or host and what is wrong; anything else is a
 * bug in Netloom, said as such (NETLOOM_DEBUG=1 adds the stack trace).
 */
import { describeFsError, errnoCode, ExplainedError } from '../engine/file-errors.js';
import { SshError } from '../engine/ssh/errors.js';
import { EXIT, UsageError } from './output.js';

/** What a Node system call was doing when it failed, as a verb on its path. */
const SYSCALL_VERBS: Readonly<Record<string, string>> = {
  open: 'cannot open',
  read: 'cannot read',
  write: 'cannot write',
  mkdir: 'cannot create the folder',
  rename: 'cannot replace',
  unlink: 'cannot delete',
  rmdir: 'cannot delete the folder',
  scandir: 'cannot list the folder',
  stat: 'cannot read',
  lstat: 'cannot read',
  copyfile: 'cannot copy',
  chmod: 'cannot change the mode of',
  fsync: 'cannot write',
};

function describeSystemError(e: NodeJS.ErrnoException): string {
  const verb = SYSCALL_VERBS[e.syscall ?? ''] ?? 'cannot use';
  const what = describeFsError(e);
  if (e.path === undefined) return `${what} (${e.syscall ?? e.code})`;
  return `${verb} ${e.path}: ${what}`;
}

/** The line to print and the exit code for anything a verb threw. */
export function explainFailure(e: unknown): { readonly message: string; readonly exitCode: number } {
  if (e instanceof UsageError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof ExplainedError || e instanceof SshError) return { message: e.message, exitCode: EXIT.usage };
  if (errnoCode(e) !== undefined)
    return { message: describeSystemError(e as NodeJS.ErrnoException), exitCode: EXIT.usage };
  const error = e instanceof Error ? e : new Error(String(e));
  const debug = process.env.NETLOOM_DEBUG === '1' && error.stack ? `\n${error.stack}` : '';
  return {
    message: `internal error: ${error.message}\n(this is a bug in Netloom, not in your input; set NETLOOM_DEBUG=1 to see where it happened)${debug}`,
    exitCode: EXIT.usage,
  };
}
