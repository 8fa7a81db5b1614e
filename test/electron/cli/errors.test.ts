import { describe, expect, it } from 'vitest';
import { explainFailure } from '../../../electron/cli/errors.js';
import { FileError } from '../../../electron/engine/file-errors.js';
import { SshConnectionError } from '../../../electron/engine/ssh/errors.js';
import { UsageError } from '../../../electron/cli/output.js';

const errno = (code: string, syscall: string, path?: string) =>
  Object.assign(new Error(`${code}: raw message, ${syscall}${path ? ` '${path}'` : ''}`), {
    code,
    syscall,
    ...(path ? { path } : {}),
  });

describe('the CLI error boundary', () => {
  it.each([
    [errno('EACCES', 'open', '/etc/lab.netloom.json'), 'cannot open /etc/lab.netloom.json: permission denied'],
    [errno('ENOSPC', 'write'), 'no space left on the device (write)'],
    [errno('EROFS', 'mkdir', '/media/ro/out'), 'cannot create the folder /media/ro/out: the file system is read-only'],
    [
      errno('ENOTDIR', 'rename', '/tmp/file/x'),
      'cannot replace /tmp/file/x: a part of the path is a file, not a folder',
    ],
    [errno('EWEIRD', 'open', '/x'), "cannot open /x: EWEIRD: raw message, open '/x'"],
  ])('turns a system error into one line naming the file: %s', (error, message) => {
    expect(explainFailure(error)).toEqual({ message, exitCode: 2 });
  });

  it('passes on complete messages: usage errors, file errors, SSH errors', () => {
    expect(explainFailure(new UsageError('bad flag', 1))).toEqual({ message: 'bad flag', exitCode: 1 });
    expect(
      explainFailure(
        new FileError('/x', 'cannot save /x: no space left on the device; the file was not changed', 'ENOSPC'),
      ),
    ).toEqual({
      message: 'cannot save /x: no space left on the device; the file was not changed',
      exitCode: 2,
    });
    expect(explainFailure(new SshConnectionError('10.0.0.1:22 refused the connection', '10.0.0.1:22'))).toEqual({
      message: '10.0.0.1:22 refused the connection',
      exitCode: 2,
    });
  });

  it('calls anything else a bug, without a stack trace unless NETLOOM_DEBUG=1', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'name')");
    const { message } = explainFailure(bug);
    expect(message).toMatch(
      /^internal error: Cannot read properties of undefined \(reading 'name'\)\n\(this is a bug in Netloom/,
    );
    expect(message).not.toMatch(/\n\s+at /);
    process.env.NETLOOM_DEBUG = '1';
    try {
      expect(explainFailure(bug).message).toMatch(/\n\s+at /);
    } finally {
      delete process.env.NETLOOM_DEBUG;
    }
  });
});
