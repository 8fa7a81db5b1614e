import { Option, type Command } from 'commander';
import { diagramSvg } from '../../shared/diagram/svg.js';
import { DIAGRAM_THEMES, type DiagramTheme } from '../../shared/diagram/theme.js';
import type { Design } from '../../shared/model/schema.js';
import { renderDevice } from '../../shared/targets/index.js';
import { formatDiagnostic, validateDesign } from '../../shared/validate/index.js';
import { writeExportFolder } from '../engine/export-folder.js';
import { writeFileAtomic } from '../engine/project-files.js';
import { loadDesignOrFail } from './load.js';
import { printContent, printErr, printOut, UsageError } from './output.js';

const DIAGRAM_FORMATS = ['svg', 'png'] as const;
type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

interface ExportOptions {
  readonly out?: string;
  readonly device?: string;
  readonly diagram?: DiagramFormat;
  readonly theme?: DiagramTheme;
}

/** The diagram picture: SVG to stdout or FILE, PNG (drawn by resvg, loaded only then) to FILE. */
async function exportDiagram(design: Design, format: DiagramFormat, theme: DiagramTheme, out: string | undefined) {
  const svg = diagramSvg(design, { theme });
  if (format === 'svg' && out === undefined) return printContent(svg);
  if (out === undefined) throw new UsageError('--diagram png needs --out FILE (a PNG is not written to a terminal)');
  const content = format === 'svg' ? svg : (await import('../engine/diagram-png.js')).svgToPng(svg);
  await writeFileAtomic(out, content);
  printOut(`wrote ${out}\n`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "render every device's configuration: DIR/<device>/<file> with --out, or one device's main file with --device; or the diagram with --diagram",
    )
    .argument('<design>', 'a .netloom.json file')
    .option('--out <dir>', 'write the files of every host and switch into DIR/<device name>/')
    .option('--device <name>', "print the device's main configuration (its first file) to stdout")
    .addOption(
      new Option(
        '--diagram <format>',
        'write the diagram instead: SVG to stdout or --out FILE, PNG to --out FILE',
      ).choices(DIAGRAM_FORMATS),
    )
    .addOption(new Option('--theme <theme>', 'colours of the diagram').choices(DIAGRAM_THEMES).default('light'))
    .addHelpText('after', '\nDesign rule errors are printed to stderr as warnings; the export is written anyway.')
    .action(async (file: string, options: ExportOptions) => {
      if (options.diagram !== undefined && options.device !== undefined)
        throw new UsageError('--diagram draws the whole design; leave out --device');
      if (options.diagram === undefined && (options.out === undefined) === (options.device === undefined))
        throw new UsageError('export needs exactly one of --out DIR or --device NAME');
      if (options.out === '')
        throw new UsageError('--out needs a folder; "" would be the current folder (say --out . if you mean it)');
      const design = await loadDesignOrFail(file);
      if (options.diagram !== undefined)
        return exportDiagram(design, options.diagram, options.theme ?? 'light', options.out);
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
