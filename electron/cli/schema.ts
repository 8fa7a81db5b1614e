import type { Command } from 'commander';
import { z } from 'zod';
import { Design } from '../../shared/model/index.js';
import { printJson } from './output.js';

/** The JSON Schema of `.netloom.json` files, for editors. */
export function designJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Design, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://netloom.invalid/schema/netloom-1.json',
    title: 'Netloom design (netloom/1)',
  };
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of .netloom.json design files')
    .action(() => {
      printJson(designJsonSchema());
    });
}
