import type { Command } from 'commander';
import { elementPhrase, indexDesign, type DesignIndex } from '../../shared/model/index.js';
import type { ElementLive, HostStatusUpdate } from '../../shared/status/live.js';
import { sshConnector } from '../engine/status/ssh-connector.js';
import { DEFAULT_STATUS_SETTINGS, StatusService } from '../engine/status/status-service.js';
import { loadDesignOrFail } from './load.js';
import { EXIT, printJson, printOut } from './output.js';
import { seconds } from './seconds.js';

interface StatusFlags {
  readonly watch?: boolean;
  readonly json?: boolean;
  readonly interval: number;
  readonly identity?: string;
  readonly knownHosts?: string;
  readonly bondingDir: string;
}

const HELP = `
Reads every host of the design over SSH with one read-only command per read (bonding files,
\`ip -j -d link show\`, \`ip -j addr show\`, link speeds) and prints each port, bond, bridge,
VLAN interface and cable as ok | degraded | down | unknown | unreachable, with the reasons, and
where the host differs from the design (drift).

Without --watch: one read, exit 0 when everything is ok, 1 otherwise, 2 for bad input.
With --watch: keeps reading and prints each change until interrupted (Ctrl-C).
Host keys are checked against ~/.ssh/known_hosts (or --known-hosts) and Netloom's own store;
an unknown or changed key makes the host unreachable with the reason.`;

function label(index: DesignIndex, id: string): string {
  const found = index.byId.get(id);
  if (!found) return id;
  if (found.kind === 'cable') {
    const port = index.get(found.element.hostPort, 'port');
    return `cable ${port ? `${port.host.name} ${port.element.name}` : found.element.id}`;
  }
  return elementPhrase(found);
}

/** `  degraded     bond bond0: reason; reason` plus a `drift` line when the host differs from the design. */
function elementLines(index: DesignIndex, id: string, live: ElementLive): string[] {
  const name = label(index, id);
  const lines = [`  ${live.health.padEnd(11)} ${name}${live.reasons.length > 0 ? `: ${live.reasons.join('; ')}` : ''}`];
  if (live.drift) lines.push(`  ${'drift'.padEnd(11)} ${name}: ${live.drift.join('; ')}`);
  return lines;
}

function hostHeader(index: DesignIndex, update: HostStatusUpdate): string {
  const host = index.get(update.host, 'host')?.element;
  const target = host?.ssh ? ` (${host.ssh.user}@${host.ssh.address}:${host.ssh.port})` : '';
  return `${host?.name ?? update.host}${target}: ${update.reachable ? 'read' : 'not read'} at ${update.readAt}`;
}

/**
 * A host's header and one line per element; a host that was not read (no
 * answer, no SSH target) gets its reason once instead of one line per element.
 */
function hostReport(
  index: DesignIndex,
  update: HostStatusUpdate,
  elements: readonly (readonly [string, ElementLive])[],
): string {
  const own = update.elements[update.host];
  if (own && own.health !== 'ok')
    return `${hostHeader(index, update)}\n  ${own.health.padEnd(11)} ${own.reasons.join('; ')}\n`;
  const lines = elements.filter(([id]) => id !== update.host).flatMap(([id, live]) => elementLines(index, id, live));
  return [hostHeader(index, update), ...lines, ''].join('\n');
}

const sameLive = (a: ElementLive | undefined, b: ElementLive) =>
  a !== undefined &&
  a.health === b.health &&
  JSON.stringify([a.reasons, a.drift]) === JSON.stringify([b.reasons, b.drift]);

async function status(file: string, flags: StatusFlags): Promise<void> {
  const design = await loadDesignOrFail(file);
  const index = indexDesign(design);
  const latest = new Map<string, HostStatusUpdate>();
  const connector = sshConnector({
    ...(flags.identity !== undefined && { identityFile: flags.identity }),
    ...(flags.knownHosts !== undefined && { knownHostsFile: flags.knownHosts }),
  });

  const settings = { intervalMs: flags.interval * 1000, bondingDir: flags.bondingDir };
  if (!flags.watch) {
    let readAll!: () => void;
    const allRead = new Promise<void>((resolve) => (readAll = resolve));
    const service = new StatusService(connector, (u) => {
      if (!latest.has(u.host)) latest.set(u.host, u);
      if (latest.size === design.hosts.length) readAll();
    });
    await service.start(design, settings);
    if (design.hosts.length === 0) readAll();
    await allRead;
    await service.stop();
    const updates = design.hosts.flatMap((h) => latest.get(h.id) ?? []);
    if (flags.json) printJson(updates);
    else {
      for (const u of updates) printOut(hostReport(index, u, Object.entries(u.elements)));
    }
    const allOk = updates.every((u) => Object.values(u.elements).every((e) => e.health === 'ok' && !e.drift));
    process.exitCode = allOk ? EXIT.ok : EXIT.problems;
    return;
  }

  const shown = new Map<string, ElementLive>();
  const service = new StatusService(connector, (u) => {
    const changed = Object.entries(u.elements).filter(([id, live]) => !sameLive(shown.get(id), live));
    for (const [id, live] of changed) shown.set(id, live);
    if (changed.length === 0) return;
    if (flags.json) {
      printJson({ ...u, elements: Object.fromEntries(changed) }, { oneLine: true });
      return;
    }
    printOut(hostReport(index, u, changed));
  });
  await service.start(design, settings);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await service.stop();
  process.exitCode = EXIT.ok;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description("read the live state of the design's hosts over SSH: ports, bonds, LACP, drift")
    .argument('<design>', 'a .netloom.json file')
    .option('--watch', 'keep reading and print every change until interrupted')
    .option('--json', 'print JSON (with --watch: one line per change)')
    .option('--interval <seconds>', 'time between reads', seconds(0.2, 3600), DEFAULT_STATUS_SETTINGS.intervalMs / 1000)
    .option('--identity <file>', 'use only this private key')
    .option(
      '--known-hosts <file>',
      "trust host keys from this file (and Netloom's store) instead of ~/.ssh/known_hosts",
    )
    .option('--bonding-dir <dir>', 'where the bonding files are read on each host', DEFAULT_STATUS_SETTINGS.bondingDir)
    .addHelpText('after', HELP)
    .action((file: string, flags: StatusFlags) => status(file, flags));
}
