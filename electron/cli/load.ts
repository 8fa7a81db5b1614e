import { readDesignFile } from '../engine/project-files.js';
import type { Design } from '../../shared/model/index.js';
import { UsageError } from './output.js';

/** Loads a design for a CLI verb or fails with every problem and its JSON path. */
export async function loadDesignOrFail(path: string): Promise<Design> {
  const result = await readDesignFile(path);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new UsageError(`${path}: cannot load design\n${lines.join('\n')}`);
  }
  return result.design;
}
