import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularBytes, readRegularFile } from '../../../electron/engine/read-file.js';

describe('reading a named file', () => {
  it('reads a file larger than one read call gives, byte for byte', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netloom-read-')), 'big.json');
    const text = Array.from({ length: 40_000 }, (_, i) => `line ${i} ünïcode\n`).join('');
    writeFileSync(file, text);
    expect(await readRegularFile(file, { maxBytes: 8 * 1024 * 1024, what: 'test files' })).toBe(text);
  });

  it('reads a file that reports size 0 (as /proc files do) to its end', async () => {
    // /proc/self/maps says 0 in fstat and holds several kilobytes: the buffer must grow to fit.
    const bytes = await readRegularBytes('/proc/self/maps', { maxBytes: 8 * 1024 * 1024, what: 'test files' });
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.toString('utf8')).toMatch(/\n$/);
    expect(bytes.toString('utf8').split('\n')[0]).toMatch(/^[0-9a-f]+-[0-9a-f]+ /);
  });

  it('refuses a size-0 file that reads past the limit, naming the limit', async () => {
    const read = readRegularBytes('/proc/self/maps', { maxBytes: 100, what: 'test files' });
    await expect(read).rejects.toThrow(/it is more than 100 bytes; Netloom reads test files of up to 100 bytes/);
  });

  it('reads a file exactly at the limit and refuses one a byte over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-read-'));
    writeFileSync(join(dir, 'at'), 'x'.repeat(100));
    writeFileSync(join(dir, 'over'), 'x'.repeat(101));
    const limit = { maxBytes: 100, what: 'test files' };
    expect((await readRegularBytes(join(dir, 'at'), limit)).equals(readFileSync(join(dir, 'at')))).toBe(true);
    await expect(readRegularBytes(join(dir, 'over'), limit)).rejects.toThrow(/it is 101 bytes/);
  });
});
