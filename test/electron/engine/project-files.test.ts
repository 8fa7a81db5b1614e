import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesignFile, saveDesignFile, updateFileLocked } from '../../../electron/engine/project-files.js';
import { ROOT } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';

describe('design files', () => {
  it('saves atomically and keeps the previous version as .bak', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-save-'));
    const file = join(dir, 'lab.netloom.json');
    writeFileSync(file, 'previous\n');
    const design = { ...exampleDesign(), name: 'Saved lab' };
    const text = await saveDesignFile(file, design);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual(['lab.netloom.json', 'lab.netloom.json.bak']);
    const reread = await readDesignFile(file);
    expect(reread.ok && reread.design.name).toBe('Saved lab');
  });

  it('leaves the original intact when the writer dies between write and rename', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-crash-'));
    const file = join(dir, 'lab.netloom.json');
    writeFileSync(file, 'original\n');
    // A child writes a large file through writeFileAtomic; we kill it as soon as its temporary file appears.
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(`${ROOT}electron/engine/project-files.ts`)};
      await writeFileAtomic(${JSON.stringify(file)}, 'x'.repeat(200 * 1024 * 1024), { backup: true });
    `;
    // Watched before the child starts, so the temporary file's creation is an event we cannot miss.
    const watcher = watch(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const sawTemp = await new Promise<boolean>((resolve) => {
      watcher.on('change', (_event, name) => {
        if (String(name).endsWith('.tmp')) resolve(true);
      });
      void exited.then(() => resolve(false));
    });
    watcher.close();
    child.kill('SIGKILL');
    await exited;
    expect(sawTemp).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('original\n');
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('reports a missing file without throwing', async () => {
    const result = await readDesignFile('/nonexistent/lab.netloom.json');
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: 'cannot read /nonexistent/lab.netloom.json: no such file' }],
    });
  });
});

describe('saving never writes through links, keeps the mode, and a failed save changes nothing', () => {
  const lab = () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-links-'));
    const file = join(dir, 'lab.netloom.json');
    writeFileSync(file, 'previous\n');
    return { dir, file };
  };

  it('replaces a .bak that is a link instead of writing through it (a cloned repo pointing it at ~/.bashrc)', async () => {
    const { dir, file } = lab();
    const victim = join(mkdtempSync(join(tmpdir(), 'netloom-victim-')), '.bashrc');
    writeFileSync(victim, 'alias ls=ls\n');
    symlinkSync(victim, `${file}.bak`);
    await saveDesignFile(file, exampleDesign());
    expect(readFileSync(victim, 'utf8')).toBe('alias ls=ls\n');
    expect(lstatSync(`${file}.bak`).isSymbolicLink()).toBe(false);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual(['lab.netloom.json', 'lab.netloom.json.bak']);
  });

  it('refuses to save over a design file that is a link, and changes nothing', async () => {
    const { dir } = lab();
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, 'elsewhere\n');
    const link = join(dir, 'linked.netloom.json');
    symlinkSync(elsewhere, link);
    await expect(saveDesignFile(link, exampleDesign())).rejects.toThrow(
      /linked\.netloom\.json is a symbolic link; Netloom does not write through links/,
    );
    expect(readFileSync(elsewhere, 'utf8')).toBe('elsewhere\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.json', 'lab.netloom.json', 'linked.netloom.json']);
  });

  it('keeps the file mode of the design and of its .bak (0600 stays 0600)', async () => {
    const { file } = lab();
    chmodSync(file, 0o600);
    await saveDesignFile(file, exampleDesign());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    await saveDesignFile(file, exampleDesign());
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a save that fails to keep the .bak keeps the old .bak, the file, and leaves no temporary file', async () => {
    const { dir, file } = lab();
    // The .bak is a folder: it cannot be replaced by a file.
    mkdirSync(`${file}.bak`);
    writeFileSync(join(`${file}.bak`, 'kept'), 'kept\n');
    await expect(saveDesignFile(file, exampleDesign())).rejects.toThrow(/lab\.netloom\.json/);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
    expect(readFileSync(join(`${file}.bak`, 'kept'), 'utf8')).toBe('kept\n');
    expect(readdirSync(dir).sort()).toEqual(['lab.netloom.json', 'lab.netloom.json.bak']);
  });

  it('concurrent updates of one design are serialised: none is lost', async () => {
    const { file } = lab();
    writeFileSync(file, '0\n');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        updateFileLocked(file, async () => {
          const n = Number((await readFile(file, 'utf8')).trim());
          await new Promise((r) => setImmediate(r));
          return `${n + 1}\n`;
        }),
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('10\n');
  });
});

describe('reading design files', () => {
  it('refuses a FIFO instead of waiting for a writer forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-fifo-'));
    const fifo = join(dir, 'lab.netloom.json');
    execFileSync('mkfifo', [fifo]);
    expect(await readDesignFile(fifo)).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: `cannot read ${fifo}: it is a FIFO (named pipe), not a regular file` }],
    });
  });

  it('refuses a design larger than the limit, naming the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-big-'));
    const big = join(dir, 'big.netloom.json');
    writeFileSync(big, '');
    truncateSync(big, 257 * 1024 * 1024);
    expect(await readDesignFile(big)).toEqual({
      ok: false,
      problems: [
        { path: '(file)', message: `cannot read ${big}: it is 257 MiB; Netloom reads design files of up to 256 MiB` },
      ],
    });
  });

  it('does not echo the content of a file that is not a design', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-echo-'));
    const secret = join(dir, 'shadow');
    writeFileSync(secret, 'root:$6$secrethash:19000:0:99999:7:::\n');
    const result = await readDesignFile(secret);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/root|secrethash/);
  });
});
