import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Compares text with a golden file in `__fixtures__/`. Run with
 * NETLOOM_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change;
 * review the diff before committing.
 */
export function expectGolden(actual: string, fixtureUrl: URL): void {
  if (process.env.NETLOOM_UPDATE_GOLDEN === '1' || !existsSync(fixtureUrl)) {
    if (process.env.CI) throw new Error(`golden file ${fixtureUrl.pathname} is missing`);
    writeFileSync(fixtureUrl, actual);
  }
  expect(actual).toBe(readFileSync(fixtureUrl, 'utf8'));
}
