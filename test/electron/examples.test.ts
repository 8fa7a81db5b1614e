/** File > Examples through the backend, as the app and `netloom serve` call it. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, EXAMPLES_DIR } from '../../electron/backend.js';
import { API_INPUTS } from '../../shared/api-inputs.js';
import { EXAMPLES, exampleFile } from '../../shared/examples/index.js';

const backend = () => createBackend({ dataDir: mkdtempSync(join(tmpdir(), 'netloom-examples-')) });

describe('backend: examples', () => {
  it.each(EXAMPLES.map((e) => e.id))('opens %s without adding it to the recent files', async (id) => {
    const { api } = backend();
    const result = await api.openExample(id);
    expect(result).toMatchObject({ ok: true, path: join(EXAMPLES_DIR, exampleFile(id)) });
    expect(await api.listRecentFiles()).toEqual([]);
  });

  it('refuses to save over any bundled example', async () => {
    const { api } = backend();
    const path = join(EXAMPLES_DIR, exampleFile('nested-esxi'));
    const before = readFileSync(path, 'utf8');
    const opened = await api.openExample('nested-esxi');
    if (!opened.ok) throw new Error('example must load');
    await expect(api.saveDesign(path, { ...opened.design, name: 'Changed' })).rejects.toMatchObject({
      code: 'read-only',
      message: `${path} is a bundled example; save your design under another name`,
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('takes only the ids of the registry at the transport', () => {
    expect(API_INPUTS.openExample.safeParse(['nested-esxi']).success).toBe(true);
    expect(API_INPUTS.openExample.safeParse(['../../etc/passwd']).error?.issues[0]?.message).toBe(
      'no example named "../../etc/passwd"',
    );
  });
});
