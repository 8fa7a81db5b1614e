import type { Command } from 'commander';
import { formatDiagnostic, validateDesign } from '../../shared/validate/index.js';
import { loadDesignOrFail } from './load.js';
import { EXIT } from './output.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('load a design, validate it and run every design rule')
    .argument('<design>', 'a .netloom.json file')
    .option('--json', 'print the diagnostics as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const design = await loadDesignOrFail(file);
      const diagnostics = validateDesign(design);
      if (options.json) process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
      else for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
      if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = EXIT.problems;
    });
}
