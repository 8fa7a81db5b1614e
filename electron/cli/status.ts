import type { Command } from 'commander';
import { elementPhrase, indexDesign, type DesignIndex } from '../../shared/model/index.js';
import type { ElementLive, HostStatusUpdate } from '../../shared/status/live.js';
import type { Design } from '../../shared/model/index.js';
import { sshConnector, sshSwitchConnector } from '../engine/status/ssh-connector.js';
import { STATUS_READERS } from '../engine/status/readers.js';
import { DEFAULT_STATUS_SETTINGS, StatusService, type SwitchTargets } from '../engine/status/status-service.js';
import type { SwitchTarget } from '../engine/status/switch-session.js';
import { parseSshTarget } from './import.js';
import { interrupted } from './interrupted.js';
import { loadDesignOrFail } from './load.js';
import { EXIT, printJson, printOut, UsageError } from './output.js';
import { seconds } from './seconds.js';

interface StatusFlags {
  readonly watch?: boolean;
  readonly json?: boolean;
  readonly interval: number;
  readonly identity?: string;
  readonly knownHosts?: string;
  readonly bondingDir: string;
  /** `NAME=USER@ADDRESS[:PORT]`, one per switch to read. */
  readonly switch: readonly string[];
}

const HELP = `
Reads every host of the design over SSH with one read-only command per read (bonding files,
\`ip -j -d link show\`, \`ip -j addr show\`, link speeds) and prints each port, bond, bridge,
VLAN interface and cable as ok | degraded | down | unknown | unreachable, with the reasons, and
where the host differs from the design (drift).

Switches are read too: at the SSH target the design holds for them, or where --switch
NAME=USER@ADDRESS[:PORT] says (repeat it per switch; it wins over the design's target):
one CLI session each, typing the vendor's show commands (Dell OS6: show interfaces status, show
interfaces port-channel; Cisco IOS: show etherchannel summary, show lacp neighbor). Ports and
port-channels get a health; a port-channel whose bundled members differ from the host bond at the
other end of its cables is degraded, with the reason.

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

/** Where each switch is read: the SSH target the design holds for it, or the `--switch NAME=USER@ADDRESS[:PORT]` given for it (which wins). */
function switchTargets(design: Design, given: readonly string[]): SwitchTargets {
  const targets = new Map<string, SwitchTarget>();
  const overridden = new Set<string>();
  for (const text of given) {
    const eq = text.indexOf('=');
    const name = text.slice(0, eq);
    if (eq < 1) throw new UsageError(`--switch "${text}" must look like NAME=USER@ADDRESS[:PORT]`);
    if (!design.switches.some((sw) => sw.name === name)) {
      const known = design.switches.map((sw) => sw.name).join(', ') || 'none';
      throw new UsageError(`--switch: the design has no switch named "${name}" (switches: ${known})`);
    }
    if (overridden.has(name)) throw new UsageError(`--switch: switch "${name}" is given twice`);
    overridden.add(name);
    targets.set(name, parseSshTarget(text.slice(eq + 1)));
  }
  for (const sw of design.switches) if (sw.ssh && !targets.has(sw.name)) targets.set(sw.name, sw.ssh);
  return targets;
}

function deviceHeader(index: DesignIndex, update: HostStatusUpdate, switches: SwitchTargets): string {
  const host = index.get(update.host, 'host')?.element;
  const sw = index.get(update.host, 'switch')?.element;
  const ssh = host?.ssh ?? (sw && switches.get(sw.name));
  const target = ssh ? ` (${ssh.user}@${ssh.address}:${ssh.port})` : '';
  const name = host?.name ?? sw?.name ?? update.host;
  return `${name}${target}: ${update.reachable ? 'read' : 'not read'} at ${update.readAt}`;
}

/**
 * A device's header and one line per element; a host or switch that was not read (no
 * answer, no SSH target) gets its reason once instead of one line per element.
 */
function deviceReport(
  index: DesignIndex,
  switches: SwitchTargets,
  update: HostStatusUpdate,
  elements: readonly (readonly [string, ElementLive])[],
): string {
  const header = deviceHeader(index, update, switches);
  const own = update.elements[update.host];
  if (own && own.health !== 'ok') return `${header}\n  ${own.health.padEnd(11)} ${own.reasons.join('; ')}\n`;
  const lines = elements.filter(([id]) => id !== update.host).flatMap(([id, live]) => elementLines(index, id, live));
  return [header, ...lines, ''].join('\n');
}

const sameLive = (a: ElementLive | undefined, b: ElementLive) =>
  a !== undefined &&
  a.health === b.health &&
  JSON.stringify([a.reasons, a.drift]) === JSON.stringify([b.reasons, b.drift]);

async function status(file: string, flags: StatusFlags): Promise<void> {
  const design = await loadDesignOrFail(file);
  const index = indexDesign(design);
  const switches = switchTargets(design, flags.switch);
  const latest = new Map<string, HostStatusUpdate>();
  const sshOptions = {
    ...(flags.identity !== undefined && { identityFile: flags.identity }),
    ...(flags.knownHosts !== undefined && { knownHostsFile: flags.knownHosts }),
  };
  const connector = sshConnector(sshOptions);
  const switchConnector = sshSwitchConnector(sshOptions);
  const devices = [...design.hosts, ...design.switches.filter((sw) => switches.has(sw.name))];

  const settings = { intervalMs: flags.interval * 1000, bondingDir: flags.bondingDir };
  if (!flags.watch) {
    let readAll!: () => void;
    const allRead = new Promise<void>((resolve) => (readAll = resolve));
    const service = new StatusService(
      connector,
      (u) => {
        if (!latest.has(u.host)) latest.set(u.host, u);
        if (latest.size === devices.length) readAll();
      },
      STATUS_READERS,
      switchConnector,
    );
    await service.start(design, settings, switches);
    if (devices.length === 0) readAll();
    await allRead;
    await service.stop();
    const updates = devices.flatMap((d) => latest.get(d.id) ?? []);
    if (flags.json) printJson(updates);
    else {
      for (const u of updates) printOut(deviceReport(index, switches, u, Object.entries(u.elements)));
    }
    const allOk = updates.every((u) => Object.values(u.elements).every((e) => e.health === 'ok' && !e.drift));
    process.exitCode = allOk ? EXIT.ok : EXIT.problems;
    return;
  }

  const shown = new Map<string, ElementLive>();
  const service = new StatusService(
    connector,
    (u) => {
      const changed = Object.entries(u.elements).filter(([id, live]) => !sameLive(shown.get(id), live));
      for (const [id, live] of changed) shown.set(id, live);
      if (changed.length === 0) return;
      if (flags.json) {
        printJson({ ...u, elements: Object.fromEntries(changed) }, { oneLine: true });
        return;
      }
      printOut(deviceReport(index, switches, u, changed));
    },
    STATUS_READERS,
    switchConnector,
  );
  const stopped = interrupted();
  await service.start(design, settings, switches);
  await stopped;
  await service.stop();
  process.exitCode = EXIT.ok;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description("read the live state of the design's hosts (and switches) over SSH: ports, bonds, LACP, drift")
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
    .option(
      '--switch <name=target>',
      'also read switch NAME at USER@ADDRESS[:PORT] (repeat per switch)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addHelpText('after', HELP)
    .action((file: string, flags: StatusFlags) => status(file, flags));
}
