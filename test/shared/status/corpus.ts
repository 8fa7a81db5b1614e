import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers/cli.js';

/** The shared real-world corpus beside the repository (never copied into it). */
export const CORPUS = new URL('../shared/corpus/', pathToFileURL(ROOT));

export function readCorpus(path: string): string {
  return readFileSync(new URL(path, CORPUS), 'utf8');
}
