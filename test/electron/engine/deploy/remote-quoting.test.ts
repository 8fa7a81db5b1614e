/**
 * Fault case (9): names with shell metacharacters never reach a remote shell.
 * They are refused when a design loads, and every command the driver sends is
 * an argv that the SSH layer quotes: read back by a POSIX shell-words reader,
 * each command is exactly the intended words, with nothing the shell would act on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebianDriver } from '../../../../electron/engine/deploy/drivers/debian-driver.js';
import { COMMIT, CONFIRM, PREPARE, ROLLBACK } from '../../../../electron/engine/deploy/remote-scripts.js';
import type { RemoteSession, SessionOpener } from '../../../../electron/engine/deploy/session.js';
import { parseDesign } from '../../../../shared/load/index.js';
import { sh } from '../../../../shared/shell/quote.js';
import { exampleJson } from '../../../helpers/design.js';
import { shellWords } from './shell-words.js';

/** A session that, like the SSH layer, sends `sh(argv)` (through `sudo -n -- sh -c` for non-root) and records the line. */
function recordingOpener(lines: string[], answer: (argv: readonly string[]) => number): SessionOpener {
  return async (target) => {
    const session: RemoteSession = {
      run: async (argv, options = {}) => {
        const line = target.user === 'root' ? sh(argv) : sh(['sudo', '-n', '--', 'sh', '-c', sh(argv)]);
        lines.push(line);
        const name = argv[3] ?? '';
        for (const step of ['arm done at'])
          if (name === 'netloom-commit') options.onStderrLine?.(`@netloom step ${step}`);
        return { code: answer(argv), stdout: '', stderr: '' };
      },
      close: () => undefined,
    };
    return session;
  };
}

async function deployOnce(
  target: { name: string; address: string; port: number; user: string },
  candidate: string,
): Promise<string[]> {
  const lines: string[] = [];
  const driver = new DebianDriver({
    target,
    openSession: recordingOpener(lines, () => 0),
    remotePath: '/etc/network/interfaces',
  });
  await driver.loadCandidate(candidate);
  await driver.commit({ revertIn: 3 });
  await driver.confirm();
  return lines;
}

describe('remote commands', () => {
  it('parse back to the intended argv: sh -c CONSTANT_SCRIPT NAME VALUES...', async () => {
    const lines = await deployOnce(
      { name: 'pve1', address: '10.9.0.2', port: 22, user: 'root' },
      "iface eth0 inet manual\n# it's $(not) `run`\n",
    );
    expect(lines).toHaveLength(3);
    const argvs = lines.map(shellWords);
    expect(argvs.map((a) => a.slice(0, 4))).toEqual([
      ['sh', '-c', PREPARE, 'netloom-prepare'],
      ['sh', '-c', COMMIT, 'netloom-commit'],
      ['sh', '-c', CONFIRM, 'netloom-confirm'],
    ]);
    expect(argvs[1]!.at(-1)).toBe(ROLLBACK);
  });

  it('stay intact through sudo for users other than root', async () => {
    const lines = await deployOnce(
      { name: 'pve1', address: '10.9.0.2', port: 22, user: 'admin' },
      'iface lo inet loopback\n',
    );
    for (const line of lines) {
      const outer = shellWords(line);
      expect(outer.slice(0, 5)).toEqual(['sudo', '-n', '--', 'sh', '-c']);
      const inner = shellWords(outer[5]!);
      expect(inner.slice(0, 2)).toEqual(['sh', '-c']);
      expect([PREPARE, COMMIT, CONFIRM]).toContain(inner[2]);
    }
  });

  it('carry any value (paths, owners, addresses) as exactly one word', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1 }).filter((s) => !s.includes('\0')),
        async (value) => {
          const lines: string[] = [];
          const driver = new DebianDriver({
            target: { name: 'h', address: value, port: 22, user: 'root' },
            openSession: recordingOpener(lines, () => 0),
            remotePath: value,
          });
          await driver.loadCandidate('x\n');
          const argv = shellWords(lines[0]!);
          expect(argv[5]).toBe(value);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never carry design names with shell metacharacters: the design is refused on load', () => {
    for (const bad of ['pve1;reboot', 'pve$(id)', 'pve`id`', "pve'1", 'a b', 'pve|sh']) {
      const json = exampleJson();
      json.hosts[0].name = bad;
      const result = parseDesign(JSON.stringify(json));
      expect(result.ok, bad).toBe(false);
    }
    for (const bad of ['eth0;id', 'eth$(x)', 'eth`x`']) {
      const json = exampleJson();
      json.hosts[0].ports[0].name = bad;
      expect(parseDesign(JSON.stringify(json)).ok, bad).toBe(false);
    }
    const json = exampleJson();
    json.hosts[0].ssh.user = 'root;id';
    expect(parseDesign(JSON.stringify(json)).ok).toBe(false);
  });
});

describe('shellWords (the reader the checks above rely on)', () => {
  it('reads quoting as sh does and refuses what sh would act on', () => {
    expect(shellWords(`a 'b c' "d\\"e" f\\ g`)).toEqual(['a', 'b c', 'd"e', 'f g']);
    expect(shellWords(`'it'\\''s'`)).toEqual(["it's"]);
    for (const bad of ['a;b', 'a $(b)', 'a `b`', 'a | b', 'a > f', 'a *', '"$x"'])
      expect(() => shellWords(bad), bad).toThrow();
  });
});
