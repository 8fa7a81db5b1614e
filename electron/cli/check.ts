import type { Command } from 'commander';
import { validateDesign, type Diagnostic } from '../../shared/validate/index.js';
import { loadDesignOrFail } from './load.js';
import { EXIT, printJson, printOut } from './output.js';

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.rule} ${d.elements[0]} ${d.path}: ${d.message}`;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('load a design, validate it and run every design rule')
    .argument('<design>', 'a .netloom.json file')
    .option('--json', 'print the diagnostics as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const design = await loadDesignOrFail(file);
      const diagnostics = validateDesign(design);
      if (options.json) printJson(diagnostics);
      else for (const d of diagnostics) printOut(`${formatDiagnostic(d)}\n`);
      if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = EXIT.problems;
    });
}
