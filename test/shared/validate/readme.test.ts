import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RULES } from '../../../shared/validate/rules/index.js';
import { ROOT } from '../../helpers/cli.js';

it('lists every design rule in the README with its severity', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  for (const rule of RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
});
