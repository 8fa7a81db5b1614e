import { readFileSync } from 'node:fs';
import { parseDesign } from '../../shared/load/index.js';
import { type Design } from '../../shared/model/index.js';
import { EXAMPLE } from './cli.js';

/** The example design as raw JSON, for tests that break it on purpose. */
export function exampleJson(): Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE, 'utf8'));
}

export function exampleDesign(): Design {
  const result = parseDesign(readFileSync(EXAMPLE, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}
