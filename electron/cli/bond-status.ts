import { basename } from 'node:path';
import type { Command } from 'commander';
import { checkInterfaceName } from '../../shared/model/names.js';
import { parseBondingProc } from '../../shared/status/bonding-proc.js';
import { bondReport, type BondReport } from '../../shared/status/bond-report.js';
import { formatProblem } from '../../shared/status/parse-result.js';
import { FileError } from '../engine/file-errors.js';
import { readRegularFile, TEXT_FILE_MAX_BYTES } from '../engine/read-file.js';
import { EXIT, printErr, printJson, printOut } from './output.js';

/** `bond0` for `/proc/net/bonding/bond0` or `saved/bond0.txt`; `the bond` when the file name is no interface name. */
function bondName(file: string): string {
  const name = basename(file).replace(/\.txt$/, '');
  return checkInterfaceName(name) === undefined ? name : 'the bond';
}

function formatReport(file: string, r: BondReport): string {
  const members = r.members.map((m) => `${m.name} ${m.mii}`).join(', ');
  const head = `${file}: ${r.health} (${r.mode}, MII ${r.miiStatus}, ${r.members.length} member${r.members.length === 1 ? '' : 's'}${members ? `: ${members}` : ''})`;
  return [head, ...r.reasons.map((reason) => `  - ${reason}`)].join('\n');
}

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: await readRegularFile(file, { maxBytes: TEXT_FILE_MAX_BYTES, what: 'bonding files' }) };
  } catch (e) {
    if (e instanceof FileError) return { ok: false, message: e.message };
    throw e;
  }
}

export function registerBondStatus(program: Command): void {
  program
    .command('bond-status')
    .description("parse saved /proc/net/bonding/<bond> files and print each bond's health and the reasons")
    .argument('<file...>', 'saved copies of /proc/net/bonding/<bond>')
    .option('--json', 'print the reports as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const reports: (BondReport & { file: string; warnings: string[] })[] = [];
      let unreadable = false;
      for (const file of files) {
        const fail = (message: string) => {
          unreadable = true;
          printErr(`netloom: ${message}\n`);
        };
        const read = await readText(file);
        if (!read.ok) {
          fail(read.message);
          continue;
        }
        const parsed = parseBondingProc(read.text);
        if (!parsed.ok) {
          fail(formatProblem(file, parsed.error));
          continue;
        }
        for (const warning of parsed.warnings) printErr(`warning: ${formatProblem(file, warning)}\n`);
        const report = {
          file,
          ...bondReport(bondName(file), parsed.value),
          warnings: parsed.warnings.map((w) => (w.line === undefined ? w.message : `line ${w.line}: ${w.message}`)),
        };
        reports.push(report);
        if (!options.json) printOut(`${formatReport(file, report)}\n`);
      }
      if (options.json) printJson(reports);
      process.exitCode = unreadable ? EXIT.usage : reports.some((r) => r.health !== 'ok') ? EXIT.problems : EXIT.ok;
    });
}
