import type { Command } from 'commander';
import { renderDevice } from '../../shared/targets/index.js';
import { formatDiagnostic, validateDesign } from '../../shared/validate/index.js';
import { writeExportFolder } from '../engine/export-folder.js';
import { loadDesignOrFail } from './load.js';
import { printContent, printErr, printOut, UsageError } from './output.js';

interface ExportOptions {
  readonly out?: string;
  readonly device?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "render every device's configuration: DIR/<device>/<file> with --out, or one device's main file with --device",
    )
    .argument('<design>', 'a .netloom.json file')
    .option('--out <dir>', 'write the files of every host and switch into DIR/<device name>/')
    .option('--device <name>', "print the device's main configuration (its first file) to stdout")
    .addHelpText('after', '\nDesign rule errors are printed to stderr as warnings; the export is written anyway.')
    .action(async (file: string, options: ExportOptions) => {
      if ((options.out === undefined) === (options.device === undefined))
        throw new UsageError('export needs exactly one of --out DIR or --device NAME');
      if (options.out === '')
        throw new UsageError('--out needs a folder; "" would be the current folder (say --out . if you mean it)');
      const design = await loadDesignOrFail(file);
      for (const d of validateDesign(design).filter((d) => d.severity === 'error')) {
        printErr(`warning: ${formatDiagnostic(d)}\n`);
      }
      if (options.device !== undefined) {
        const devices = [...design.hosts, ...design.switches];
        const device = devices.find((d) => d.name === options.device);
        if (!device) {
          throw new UsageError(
            `no device named "${options.device}" in ${file} (devices: ${devices.map((d) => d.name).join(', ') || 'none'})`,
          );
        }
        const [main] = renderDevice(design, device.id);
        if (!main) throw new UsageError(`device "${device.name}" has no configuration to export`);
        printContent(main.content);
        return;
      }
      const result = await writeExportFolder(design, options.out!);
      for (const f of result.files) printOut(`wrote ${f.path}\n`);
    });
}
