import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chain, quote, sh, shell, ShellQuoteError, singleLine } from '../../../shared/shell/quote.js';

/** What the real /bin/sh makes of a command line. */
function runSh(commandLine: string): { status: number | null; stdout: Buffer } {
  const result = spawnSync('/bin/sh', ['-c', commandLine], { env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
  return { status: result.status, stdout: result.stdout };
}

const anyStringWithoutNul = fc.string({ unit: 'binary', maxLength: 80 }).filter((s) => !s.includes('\0'));
const shellish = fc.string({
  unit: fc.constantFrom(...`'"\\$\`!*?[]{}()<>|&;#~= \t\n\r-_aZ09/.%:,@^`.split('')),
  maxLength: 40,
});

describe('quote', () => {
  it('round-trips any string through the real /bin/sh byte for byte', () => {
    fc.assert(
      fc.property(fc.oneof(anyStringWithoutNul, shellish), (value) => {
        const { status, stdout } = runSh(`printf %s ${quote(value)}`);
        expect(status).toBe(0);
        expect(stdout.equals(Buffer.from(value, 'utf8'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every argv word one word: sh(argv) reaches the program as argv', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyStringWithoutNul, shellish), { minLength: 1, maxLength: 5 }), (words) => {
        const { stdout } = runSh(sh(['printf', '%s\\0', ...words]));
        expect(stdout.toString('utf8')).toBe(words.map((w) => `${w}\0`).join(''));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves plain words bare and quotes the rest', () => {
    expect(quote('/etc/network/interfaces')).toBe('/etc/network/interfaces');
    expect(quote('')).toBe("''");
    expect(quote("it's")).toBe(`'it'\\''s'`);
    expect(quote('$(reboot)')).toBe("'$(reboot)'");
    expect(quote('-a b')).toBe("'-a b'");
  });

  it('refuses NUL, which no argument can carry', () => {
    expect(() => quote('a\0b')).toThrow(ShellQuoteError);
    expect(() => sh(['echo', 'x\0'])).toThrow(/NUL/);
  });

  it('never lets a metacharacter run: an injected command stays text', () => {
    const marker = `/tmp/netloom-quote-${process.pid}`;
    const { stdout } = runSh(sh(['echo', `; touch ${marker}`, `$(touch ${marker})`, `\`touch ${marker}\``]));
    expect(stdout.toString()).toContain(`; touch ${marker}`);
    expect(runSh(`test -e ${marker}`).status).toBe(1);
  });
});

describe('singleLine', () => {
  it('passes one-line values and names the value that breaks a line', () => {
    expect(singleLine('eth0', 'port')).toBe('eth0');
    expect(() => singleLine('eth0\nrm -rf /', 'port')).toThrow(/port "eth0\\nrm -rf \/" contains a line break/);
    expect(() => singleLine('a\rb', 'path')).toThrow(/carriage return/);
    expect(() => singleLine('a\0b', 'path')).toThrow(/NUL/);
  });
});

describe('shell and chain', () => {
  it('quote every interpolated value and keep the literal code', () => {
    const path = "/tmp/a b'c";
    expect(shell`cat > ${path} && chmod ${'600'} ${path}`).toBe(`cat > '/tmp/a b'\\''c' && chmod 600 '/tmp/a b'\\''c'`);
    const both = chain('&&', sh(['printf', 'a']), sh(['printf', '%s', 'b c']));
    expect(runSh(both).stdout.toString()).toBe('ab c');
    expect(runSh(chain('||', sh(['false']), sh(['printf', 'fallback']))).stdout.toString()).toBe('fallback');
    expect(runSh(chain('|', sh(['printf', 'x y']), sh(['tr', ' ', '_']))).stdout.toString()).toBe('x_y');
  });

  it('quotes a command passed to sh -c as one argument', () => {
    const inner = sh(['printf', '%s', "it's $HOME"]);
    expect(runSh(sh(['sh', '-c', inner])).stdout.toString()).toBe("it's $HOME");
  });

  it('refuses an empty command', () => {
    expect(() => sh([])).toThrow(ShellQuoteError);
    expect(() => chain('&&')).toThrow(ShellQuoteError);
  });
});
