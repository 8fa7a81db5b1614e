import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'netloom/shared-layers')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('fails when shared/ imports node:fs', async () => {
    expect(
      await lint('shared/model/leak.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"),
    ).toEqual([expect.stringContaining('shared/ is the pure domain')]);
  });
  it('fails when shared/ imports electron/ code or React', async () => {
    expect(
      await lint('shared/model/leak.ts', "import { main } from '../../electron/cli.js';\nexport const m = main;\n"),
    ).toHaveLength(1);
    expect(await lint('shared/model/leak.ts', "import { memo } from 'react';\nexport const m = memo;\n")).toHaveLength(
      1,
    );
  });
  it('fails when the renderer imports Node or Electron', async () => {
    expect(
      await lint('renderer/src/leak.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"),
    ).toHaveLength(1);
    expect(await lint('renderer/src/leak.ts', "import fs from 'fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(
      await lint('renderer/src/leak.ts', "import { main } from '../../electron/cli.js';\nexport const m = main;\n"),
    ).toHaveLength(1);
  });
  it('lets the engine use Node but not Electron', async () => {
    expect(
      await lint('electron/engine/ok.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n"),
    ).toEqual([]);
    expect(
      await lint('electron/engine/leak.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
  });
  it('allows shared/ to import shared/', async () => {
    expect(
      await lint('shared/validate/ok.ts', "import { FORMAT } from '../model/schema.js';\nexport const f = FORMAT;\n"),
    ).toEqual([]);
  });
});

describe('layers inside shared/', () => {
  it('fails on a planted shared/model -> shared/targets import, naming both and the order', async () => {
    expect(
      await lint('shared/model/leak.ts', "import { TARGETS } from '../targets/index.js';\nexport const t = TARGETS;\n"),
    ).toEqual([
      expect.stringMatching(
        /^shared\/model may not import shared\/targets: inside shared\/ each layer imports only the layers below it \(shell <- model <- vendors, platforms <- derive, load <- .*\)/,
      ),
    ]);
  });
  it('sees the import from any depth, and re-exports and dynamic imports too', async () => {
    expect(
      await lint('shared/model/kinds/leak.ts', "export { TARGETS } from '../../targets/index.js';\n"),
    ).toHaveLength(1);
    expect(
      await lint('shared/model/leak.ts', "export const t = () => import('../derive/topology.js');\n"),
    ).toHaveLength(1);
    expect(
      await lint(
        'shared/model/leak.ts',
        "import type { Vendor } from '../vendors/vendor.js';\nexport type V = Vendor;\n",
      ),
    ).toHaveLength(1);
  });
  it('fails when a folder imports another of its own layer or a layer above', async () => {
    expect(
      await lint(
        'shared/vendors/leak.ts',
        "import { topologyOf } from '../derive/topology.js';\nexport const t = topologyOf;\n",
      ),
    ).toEqual([expect.stringContaining('shared/vendors may not import shared/derive')]);
    expect(
      await lint(
        'shared/importers/leak.ts',
        "import { BOND_SLAVES } from '../targets/ifupdown2/keys.js';\nexport const b = BOND_SLAVES;\n",
      ),
    ).toEqual([expect.stringContaining('shared/importers may not import shared/targets')]);
    expect(
      await lint(
        'shared/validate/rules/leak.ts',
        "import { TARGETS } from '../../targets/index.js';\nexport const t = TARGETS;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lint(
        'shared/derive/leak.ts',
        "import { TARGETS } from '../targets/index.js';\nexport const t = TARGETS;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lint(
        'shared/platforms/leak.ts',
        "import { VENDORS } from '../vendors/index.js';\nexport const v = VENDORS;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lint('shared/edit/leak.ts', "import type { NetloomApi } from '../api.js';\nexport type A = NetloomApi;\n"),
    ).toEqual([expect.stringContaining('shared/edit may not import shared/api.js')]);
  });
  it('asks for a layer for a folder it does not know', async () => {
    expect(
      await lint('shared/newthing/x.ts', "import { FORMAT } from '../model/schema.js';\nexport const f = FORMAT;\n"),
    ).toEqual([expect.stringContaining('shared/newthing is in no layer: add it to SHARED_LAYERS in eslint.config.js')]);
  });
  it('allows every folder to import downwards and within itself', async () => {
    const ok = [
      ['shared/model/ok.ts', "import { quote } from '../shell/quote.js';\nexport const q = quote;\n"],
      ['shared/model/kinds/ok.ts', "import { FORMAT } from '../schema.js';\nexport const f = FORMAT;\n"],
      [
        'shared/vendors/ok.ts',
        "import type { SwitchVendor } from '../model/schema.js';\nexport type V = SwitchVendor;\n",
      ],
      ['shared/derive/ok.ts', "import { VENDORS } from '../vendors/index.js';\nexport const v = VENDORS;\n"],
      [
        'shared/targets/dell-os6/ok.ts',
        "import { planSwitch } from '../../derive/switch-plan.js';\nimport { VENDORS } from '../../vendors/index.js';\nexport const p = [planSwitch, VENDORS];\n",
      ],
      [
        'shared/validate/rules/ok.ts',
        "import { planSwitchIn } from '../../derive/switch-plan.js';\nexport const p = planSwitchIn;\n",
      ],
      [
        'shared/importers/interfaces/ok.ts',
        "import { BOND_SLAVES } from '../../model/ifupdown2-keys.js';\nexport const b = BOND_SLAVES;\n",
      ],
      ['shared/edit/ok.ts', "import { restoreDesign } from '../load/index.js';\nexport const r = restoreDesign;\n"],
      ['shared/layout/ok.ts', "import { listLinks } from '../edit/links.js';\nexport const l = listLinks;\n"],
      ['shared/api-extra.ts', "import { TARGETS } from './targets/index.js';\nexport const t = TARGETS;\n"],
    ] as const;
    for (const [file, code] of ok) expect(await lint(file, code), file).toEqual([]);
  });
});

describe('CLI output', () => {
  const restricted = async (filePath: string, code: string) => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  it('fails when a verb writes to the terminal without the sanitising printers', async () => {
    expect(
      await restricted('electron/cli/leak.ts', 'export const f = (t: string) => process.stdout.write(t);\n'),
    ).toEqual([expect.stringContaining('printOut/printErr')]);
    expect(
      await restricted('electron/cli.ts', 'export const f = (t: string) => process.stderr.write(t);\n'),
    ).toHaveLength(1);
  });
  it('lets cli/output.ts, the printers themselves, write', async () => {
    expect(
      await restricted('electron/cli/output.ts', 'export const f = (t: string) => process.stdout.write(t);\n'),
    ).toEqual([]);
  });
});
