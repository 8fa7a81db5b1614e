/**
 * The `netloom` command. Each verb lives in `cli/<verb>.ts` and only parses
 * arguments and prints; the work is done by `shared/` and `engine/`.
 */
import { Command, CommanderError } from 'commander';
import { registerBondStatus } from './cli/bond-status.js';
import { registerCheck } from './cli/check.js';
import { registerDeploy } from './cli/deploy.js';
import { registerExport } from './cli/export.js';
import { registerImport } from './cli/import.js';
import { explainFailure } from './cli/errors.js';
import { EXIT, printErr } from './cli/output.js';
import { registerSchema } from './cli/schema.js';
import { registerServe } from './cli/serve.js';
import { registerStatus } from './cli/status.js';

export function buildProgram(): Command {
  const program = new Command('netloom')
    .description('Design, check, export and safely deploy homelab networks.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of [
    registerCheck,
    registerSchema,
    registerServe,
    registerBondStatus,
    registerDeploy,
    registerStatus,
    registerExport,
    registerImport,
  ])
    register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const failure = explainFailure(e);
    printErr(`netloom: ${failure.message}\n`);
    return failure.exitCode;
  }
}
