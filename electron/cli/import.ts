import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { importInterfaces, type Note } from '../../shared/importers/index.js';
import {
  attachFirewall,
  clusterFwFile,
  hostFwFile,
  vmFwFile,
  type FirewallFiles,
} from '../../shared/importers/pve-firewall/attach.js';
import { importLibvirtNetwork } from '../../shared/importers/libvirt-network/index.js';
import { importVmwareNetworking } from '../../shared/importers/vmware-networking/index.js';
import { placeHost } from '../../shared/layout/place-host.js';
import { placeSwitch } from '../../shared/layout/place-switch.js';
import { restoreDesign } from '../../shared/load/index.js';
import {
  checkDeviceName,
  FORMAT,
  serializeDesign,
  SshTarget,
  SWITCH_VENDORS,
  type Design,
  type SwitchVendor,
} from '../../shared/model/index.js';
import { readSwitchConfig, switchFromConfig } from '../../shared/switch-config/index.js';
import { FileError } from '../engine/file-errors.js';
import { saveDesignFile, updateFileLocked } from '../engine/project-files.js';
import { sshSwitchConnector } from '../engine/status/ssh-connector.js';
import { readRegularFile, readStdinLimited, TEXT_FILE_MAX_BYTES } from '../engine/read-file.js';
import { loadDesignOrFail } from './load.js';
import { printContent, printErr, UsageError } from './output.js';

interface ImportOptions {
  readonly host?: string;
  readonly ssh?: string;
  readonly output?: string;
  readonly into?: string;
  readonly force?: boolean;
}

/** `USER@ADDRESS[:PORT]`, or `USER@[IPV6]:PORT`, checked by the schema's own SSH target. */
export function parseSshTarget(text: string): SshTarget {
  const m = /^([^@\s]+)@(?:\[([^\]]+)\]|([^:\s]+))(?::(\d{1,5}))?$/.exec(text);
  if (!m)
    throw new UsageError(`--ssh "${text}" must look like USER@ADDRESS or USER@ADDRESS:PORT (e.g. root@10.2.200.30:22)`);
  const parsed = SshTarget.safeParse({
    user: m[1],
    address: m[2] ?? m[3],
    port: m[4] === undefined ? 22 : Number(m[4]),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--ssh "${text}": ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/** `-` reads standard input, e.g. `ssh root@pve cat /etc/network/interfaces | netloom import interfaces -`. */
async function readInput(file: string, what = 'interfaces files'): Promise<string> {
  const limit = { maxBytes: TEXT_FILE_MAX_BYTES, what };
  try {
    return await (file === '-' ? readStdinLimited(limit) : readRegularFile(file, limit));
  } catch (e) {
    if (e instanceof FileError) throw new UsageError(e.message);
    throw e;
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

function formatNote(file: string, note: Note): string {
  return `${note.severity === 'warning' ? 'warning' : 'note'}: ${file}:${note.line}: ${note.message}`;
}

/** Loads a design built in memory through the one restore step, so it is saved exactly as a loaded file would be. */
function restored(design: unknown): Design {
  const result = restoreDesign(JSON.parse(JSON.stringify(design)));
  if (!result.ok)
    throw new UsageError(
      `the imported design does not validate:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  return result.design;
}

/** The entries of a folder, or none when it does not exist. */
async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`cannot read ${dir}: ${(e as Error).message}`);
  }
}

/** The firewall files of a copy of `/etc/pve`: `firewall/cluster.fw`, `firewall/<vmid>.fw`, `nodes/<node>/host.fw`. */
async function readFirewallFiles(root: string): Promise<FirewallFiles> {
  const limit = { maxBytes: TEXT_FILE_MAX_BYTES, what: 'firewall files' };
  const read = async (file: string) => {
    try {
      return await readRegularFile(join(root, file), limit);
    } catch (e) {
      if (e instanceof FileError) throw new UsageError(e.message);
      throw e;
    }
  };
  const firewall = await entries(join(root, 'firewall'));
  const cluster = firewall.some((e) => e.name === 'cluster.fw') ? await read(clusterFwFile) : undefined;
  const vms = new Map<number, string>();
  for (const e of firewall) {
    const vmid = /^(\d{3,9})\.fw$/.exec(e.name)?.[1];
    if (vmid !== undefined) vms.set(Number(vmid), await read(vmFwFile(Number(vmid))));
  }
  const hosts = new Map<string, string>();
  for (const node of await entries(join(root, 'nodes'))) {
    if (!node.isDirectory()) continue;
    if ((await entries(join(root, 'nodes', node.name))).some((e) => e.name === 'host.fw')) {
      hosts.set(node.name, await read(hostFwFile(node.name)));
    }
  }
  if (cluster === undefined && vms.size === 0 && hosts.size === 0) {
    throw new UsageError(
      `no firewall files under ${root}: expected firewall/cluster.fw, firewall/<vmid>.fw or nodes/<node>/host.fw, as in /etc/pve`,
    );
  }
  return { ...(cluster !== undefined ? { cluster } : {}), hosts, vms };
}

interface SwitchImportOptions {
  readonly ssh?: string;
  readonly vendor: string;
  readonly into: string;
  readonly name?: string;
  readonly identity?: string;
  readonly knownHosts?: string;
}

/** `show running-config` over the switch's CLI (host key checked, key login, paging off). */
async function readRunningConfig(
  options: SwitchImportOptions,
  target: SshTarget,
  vendor: SwitchVendor,
): Promise<string> {
  const connector = sshSwitchConnector({
    ...(options.identity !== undefined && { identityFile: options.identity }),
    ...(options.knownHosts !== undefined && { knownHostsFile: options.knownHosts }),
  });
  const cli = await connector(target, vendor, { timeoutMs: 30_000 });
  try {
    return await cli.send('show running-config');
  } finally {
    cli.close();
  }
}

function vendorOf(text: string): SwitchVendor {
  const vendor = SWITCH_VENDORS.find((v) => v === text);
  if (!vendor) throw new UsageError(`--vendor "${text}" must be one of ${SWITCH_VENDORS.join(', ')}`);
  return vendor;
}

type NetworkImporter = typeof importLibvirtNetwork;

/** `import libvirt-network` and `import vmware-networking`: one file's networks onto a host of an existing design. */
function networksCommand(
  parent: Command,
  name: string,
  description: string,
  fileHelp: string,
  importer: NetworkImporter,
) {
  parent
    .command(name)
    .description(description)
    .argument('<file>', `${fileHelp}; - reads standard input`)
    .requiredOption('--into <design>', 'the design that holds the host')
    .requiredOption('--host <name>', 'the host the networks belong to')
    .addHelpText(
      'after',
      '\nA network already on the host (same name, or same VMnet number) is replaced and keeps its VM NICs. Problems and left-out lines name the line of the file.',
    )
    .exitOverride()
    .action(async (file: string, options: { into: string; host: string }) => {
      const text = await readInput(file, `${name} files`);
      const shown = file === '-' ? '(stdin)' : file;
      let notes: readonly string[] = [];
      await updateFileLocked(options.into, async () => {
        const result = importer(await loadDesignOrFail(options.into), options.host, text);
        for (const n of result.fileNotes) printErr(`note: ${shown}:${n.line}: ${n.message}\n`);
        if (!result.ok)
          throw new UsageError(
            result.line === undefined ? result.message : `${shown}:${result.line}: ${result.message}`,
          );
        notes = result.notes;
        return serializeDesign(restored(result.design));
      });
      for (const sentence of notes) printErr(`${sentence} in ${options.into}\n`);
    });
}

export function registerImport(program: Command): void {
  const importCommand = program.command('import').description('import existing configurations into a design');
  importCommand
    .command('interfaces')
    .description('import an /etc/network/interfaces file as a host')
    .argument(
      '<file>',
      "an interfaces file, e.g. a copy of a Proxmox VE host's /etc/network/interfaces; - reads standard input",
    )
    .option('--host <name>', "the host's name (default: imported)")
    .option('--ssh <target>', "the host's SSH target, USER@ADDRESS[:PORT]")
    .option('-o, --output <design>', 'write a new design file instead of printing it')
    .option('--into <design>', 'add the host to an existing design, replacing a host of the same name')
    .option('--force', 'let -o overwrite an existing file')
    .addHelpText(
      'after',
      '\nWarnings name the line of the interfaces file. Lines Netloom does not model are kept verbatim.',
    )
    .exitOverride()
    .action(async (file: string, options: ImportOptions) => {
      if (options.output !== undefined && options.into !== undefined)
        throw new UsageError('give either -o DESIGN or --into DESIGN, not both');
      const hostName = options.host ?? 'imported';
      const nameProblem = checkDeviceName(hostName);
      if (nameProblem) throw new UsageError(`--host: host name ${nameProblem}`);
      const ssh = options.ssh === undefined ? undefined : parseSshTarget(options.ssh);
      if (options.output !== undefined && !options.force && (await exists(options.output))) {
        throw new UsageError(`${options.output} exists; use --force to overwrite it, or --into to add the host to it`);
      }
      const text = await readInput(file);
      const { host, notes } = importInterfaces(text, { hostName, ...(ssh ? { ssh } : {}) });
      for (const note of notes) printErr(`${formatNote(file === '-' ? '(stdin)' : file, note)}\n`);

      let replaced = false;
      const place = (base: Design): Design => {
        const placement = placeHost(base, host);
        for (const sentence of placement.dropped) printErr(`note: ${sentence}\n`);
        replaced = placement.replaced;
        return restored(placement.design);
      };
      if (options.into !== undefined) {
        const into = options.into;
        // Read, add and save under the design's lock: concurrent imports into one design take turns.
        await updateFileLocked(into, async () => serializeDesign(place(await loadDesignOrFail(into))));
        printErr(`${replaced ? 'replaced' : 'added'} host ${hostName} in ${into}\n`);
        return;
      }
      const design = place({
        format: FORMAT,
        name: hostName,
        networks: [],
        hosts: [],
        switches: [],
        cables: [],
        layout: {},
      });
      if (options.output !== undefined) await saveDesignFile(options.output, design);
      else printContent(serializeDesign(design));
    });

  importCommand
    .command('pve-firewall')
    .description("import a Proxmox VE cluster's firewall files into a design")
    .argument('<pve-dir>', 'a copy of /etc/pve (firewall/cluster.fw, firewall/<vmid>.fw, nodes/<node>/host.fw)')
    .requiredOption(
      '--into <design>',
      'the design to add them to: host.fw goes to the host of that name, <vmid>.fw to that VM',
    )
    .addHelpText('after', '\nLines pve-firewall would warn about and ignore are left out, each named by file and line.')
    .exitOverride()
    .action(async (root: string, options: { into: string }) => {
      const files = await readFirewallFiles(root);
      let skipped: readonly string[] = [];
      await updateFileLocked(options.into, async () => {
        const attached = attachFirewall(await loadDesignOrFail(options.into), files);
        for (const w of attached.warnings) printErr(`warning: ${join(root, w.file)}:${w.line}: ${w.message}\n`);
        skipped = attached.skipped;
        return serializeDesign(restored(attached.design));
      });
      for (const sentence of skipped) printErr(`note: skipped ${sentence}\n`);
      const count = (files.cluster !== undefined ? 1 : 0) + files.hosts.size + files.vms.size - skipped.length;
      printErr(`imported ${count} firewall file${count === 1 ? '' : 's'} into ${options.into}\n`);
    });

  importCommand
    .command('switch')
    .description("import a switch's running-config into a design, read over SSH or from a file")
    .argument('[file]', 'a saved running-config (show running-config); - reads standard input')
    .option('--ssh <target>', "read `show running-config` from the switch's CLI at USER@ADDRESS[:PORT]")
    .option('--vendor <vendor>', `the switch's CLI: ${SWITCH_VENDORS.join(', ')}`, 'dell-os6')
    .requiredOption('--into <design>', 'the design to add the switch to, replacing a switch of the same name')
    .option('--name <name>', "the switch's name (default: its hostname)")
    .option('--identity <file>', 'with --ssh: use only this private key')
    .option('--known-hosts <file>', "with --ssh: trust host keys from this file (and Netloom's store)")
    .addHelpText(
      'after',
      '\nPorts with a description, switchport, channel-group or mtu line and every port-channel are imported;\n' +
        'what Netloom does not model is left out, each with a note naming its line. Reading over SSH needs no\n' +
        'enable secret: a switch that asks for one is refused.',
    )
    .exitOverride()
    .action(async (file: string | undefined, options: SwitchImportOptions) => {
      if ((file === undefined) === (options.ssh === undefined))
        throw new UsageError('give either a running-config file or --ssh USER@ADDRESS[:PORT], not both');
      const vendor = vendorOf(options.vendor);
      if (options.name !== undefined) {
        const problem = checkDeviceName(options.name);
        if (problem) throw new UsageError(`--name: switch name ${problem}`);
      }
      const source = file === undefined ? `${options.ssh} show running-config` : file === '-' ? '(stdin)' : file;
      // Read over SSH, the switch keeps where it was reached, so deploy and live status find it there.
      const ssh = options.ssh === undefined ? undefined : parseSshTarget(options.ssh);
      const text =
        ssh === undefined ? await readInput(file!, 'running-configs') : await readRunningConfig(options, ssh, vendor);
      const config = readSwitchConfig(text, vendor);
      const name = options.name ?? config.hostname;
      if (name === undefined) throw new UsageError(`${source} names no hostname; give the switch a name with --name`);
      const nameProblem = checkDeviceName(name);
      if (nameProblem)
        throw new UsageError(`${source}: hostname "${name}" is no device name (${nameProblem}); use --name`);
      const { switch: read, notes } = switchFromConfig(config, { vendor, name });
      const sw = ssh === undefined ? read : { ...read, ssh };
      for (const note of notes) printErr(`warning: ${source}:${note.line}: ${note.message}\n`);
      let replaced = false;
      await updateFileLocked(options.into, async () => {
        const placement = placeSwitch(await loadDesignOrFail(options.into), sw);
        for (const sentence of placement.dropped) printErr(`note: ${sentence}\n`);
        replaced = placement.replaced;
        return serializeDesign(restored(placement.design));
      });
      const counts = `${sw.ports.length} port${sw.ports.length === 1 ? '' : 's'}, ${sw.portChannels.length} port-channel${sw.portChannels.length === 1 ? '' : 's'}`;
      printErr(`${replaced ? 'replaced' : 'added'} switch ${name} (${counts}) in ${options.into}\n`);
    });
  networksCommand(
    importCommand,
    'libvirt-network',
    "import a libvirt network's XML (virsh net-dumpxml NAME) into a libvirt host",
    'a network XML file, e.g. virsh net-dumpxml default > default.xml',
    importLibvirtNetwork,
  );
  networksCommand(
    importCommand,
    'vmware-networking',
    "import VMware Workstation's /etc/vmware/networking (its VMnets) into a vmware-workstation host",
    'a copy of /etc/vmware/networking',
    importVmwareNetworking,
  );
}
