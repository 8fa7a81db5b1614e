import type { Command } from 'commander';
import type { LoadProblem } from '../../shared/model/index.js';
import { formatDiagnostic, validateIndex, type Diagnostic, type Severity } from '../../shared/validate/index.js';
import { DesignLoadError, loadIndexedDesignOrFail } from './load.js';
import { EXIT, printJson, printOut, UsageError } from './output.js';

/** What `check --json` prints: the diagnostics of a design that loaded, or why it did not load. */
export type CheckReport =
  | { readonly file: string; readonly loaded: true; readonly diagnostics: readonly Diagnostic[] }
  | { readonly file: string; readonly loaded: false; readonly problems: readonly LoadProblem[] };

const SEVERITY_WORDS: Record<Severity, readonly [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

/** The last line of `check`: `lab.netloom.json: no problems`, or `...: 1 error, 2 warnings`. */
export function formatSummary(file: string, diagnostics: readonly Diagnostic[]): string {
  const counts = (Object.keys(SEVERITY_WORDS) as Severity[])
    .map((severity) => [severity, diagnostics.filter((d) => d.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${SEVERITY_WORDS[severity][n === 1 ? 0 : 1]}`);
  return `${file}: ${counts.length === 0 ? 'no problems' : counts.join(', ')}`;
}

const printReport = (report: CheckReport): void => printJson(report);

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('load a design, validate it and run every design rule')
    .argument('<design>', 'a .netloom.json file')
    .option('--json', 'print {file, loaded, diagnostics} (or {file, loaded: false, problems}) as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const index = await loadIndexedDesignOrFail(file).catch((e: unknown) => {
        if (options.json && e instanceof UsageError) {
          printReport({
            file,
            loaded: false,
            problems: e instanceof DesignLoadError ? e.problems : [{ path: '(file)', message: e.message }],
          });
        }
        throw e;
      });
      const diagnostics = validateIndex(index);
      if (options.json) printReport({ file, loaded: true, diagnostics });
      else {
        for (const d of diagnostics)
          printOut(`${formatDiagnostic(d)}
`);
        printOut(`${formatSummary(file, diagnostics)}
`);
      }
      if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = EXIT.problems;
    });
}
