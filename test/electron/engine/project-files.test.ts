import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesignFile, saveDesignFile } from '../../../electron/engine/project-files.js';
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
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let sawTemp = false;
    for (let i = 0; i < 2000 && !sawTemp; i++) {
      sawTemp = readdirSync(dir).some((f) => f.endsWith('.tmp'));
      if (!sawTemp) await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(sawTemp).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('original\n');
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('reports a missing file without throwing', async () => {
    const result = await readDesignFile('/nonexistent/lab.netloom.json');
    expect(result).toEqual({ ok: false, problems: [{ path: '(file)', message: 'cannot read /nonexistent/lab.netloom.json: no such file' }] });
  });
});
