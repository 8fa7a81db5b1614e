/**
 * The engine's implementation of the backend API. Adapters (IPC, HTTP,
 * tests) call these methods and add nothing.
 */
import { fileURLToPath } from 'node:url';
import type { NetloomApi, OpenResult } from '../shared/api.js';
import { readDesignFile, saveDesignFile } from './engine/project-files.js';

export const EXAMPLE_DESIGN = fileURLToPath(new URL('../shared/examples/homelab.netloom.json', import.meta.url));

export function createBackend(options: { initialPath?: string } = {}): NetloomApi {
  const open = async (path: string): Promise<OpenResult> => {
    const result = await readDesignFile(path);
    return result.ok ? { ok: true, path, design: result.design } : { ok: false, path, problems: result.problems };
  };
  return {
    initialDesign: () => open(options.initialPath ?? EXAMPLE_DESIGN),
    openDesign: open,
    saveDesign: async (path, design) => {
      await saveDesignFile(path, design);
    },
  };
}
