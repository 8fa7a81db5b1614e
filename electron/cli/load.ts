import { readDesignFile } from '../engine/project-files.js';
import type { Design, DesignIndex, LoadProblem } from '../../shared/model/index.js';
import { UsageError } from './output.js';

/** A design that did not load, with every problem and its JSON path (for `--json` output). */
export class DesignLoadError extends UsageError {
  constructor(
    readonly file: string,
    readonly problems: readonly LoadProblem[],
  ) {
    super(`${file}: cannot load design\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

/** Loads a design for a CLI verb or fails with every problem and its JSON path. */
export async function loadDesignOrFail(path: string): Promise<Design> {
  return (await loadIndexedDesignOrFail(path)).design;
}

/** `loadDesignOrFail` with the index loading built (`index.design` is the design), for verbs that run rules. */
export async function loadIndexedDesignOrFail(path: string): Promise<DesignIndex> {
  const result = await readDesignFile(path);
  if (!result.ok) throw new DesignLoadError(path, result.problems);
  return result.index;
}
