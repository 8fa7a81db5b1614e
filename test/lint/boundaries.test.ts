import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('fails when shared/ imports node:fs', async () => {
    expect(await lint('shared/model/leak.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toEqual([
      expect.stringContaining('shared/ is the pure domain'),
    ]);
  });
  it('fails when shared/ imports electron/ code or React', async () => {
    expect(await lint('shared/model/leak.ts', "import { main } from '../../electron/cli.js';\nexport const m = main;\n")).toHaveLength(1);
    expect(await lint('shared/model/leak.ts', "import { memo } from 'react';\nexport const m = memo;\n")).toHaveLength(1);
  });
  it('fails when the renderer imports Node or Electron', async () => {
    expect(await lint('renderer/src/leak.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
    expect(await lint('renderer/src/leak.ts', "import fs from 'fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await lint('renderer/src/leak.ts', "import { main } from '../../electron/cli.js';\nexport const m = main;\n")).toHaveLength(1);
  });
  it('lets the engine use Node but not Electron', async () => {
    expect(await lint('electron/engine/ok.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toEqual([]);
    expect(await lint('electron/engine/leak.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });
  it('allows shared/ to import shared/', async () => {
    expect(await lint('shared/validate/ok.ts', "import { FORMAT } from '../model/schema.js';\nexport const f = FORMAT;\n")).toEqual([]);
  });
});

describe('CLI output', () => {
  const restricted = async (filePath: string, code: string) => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  it('fails when a verb writes to the terminal without the sanitising printers', async () => {
    expect(await restricted('electron/cli/leak.ts', "export const f = (t: string) => process.stdout.write(t);\n")).toEqual([expect.stringContaining('printOut/printErr')]);
    expect(await restricted('electron/cli.ts', "export const f = (t: string) => process.stderr.write(t);\n")).toHaveLength(1);
  });
  it('lets cli/output.ts, the printers themselves, write', async () => {
    expect(await restricted('electron/cli/output.ts', "export const f = (t: string) => process.stdout.write(t);\n")).toEqual([]);
  });
});
