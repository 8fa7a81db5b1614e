import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { createInterface } from 'node:readline/promises';
import { resolveDataDir } from '../engine/data-dir.js';
import { allSucceeded, describeOutcome, type HostReport, type Preparation } from '../../shared/deploy/outcome.js';
import { DeployRefusedError, DeployService } from '../engine/deploy/deploy-service.js';
import { saveLocalBackup } from '../engine/deploy/local-backups.js';
import type { DeployProgress } from '../../shared/deploy/progress.js';
import {
  sshCliOpener,
  sshSessionOpener,
  type HostKeyQuestion,
  type SshOpenerOptions,
} from '../engine/deploy/ssh-session.js';
import { SWITCH_DRIVERS } from '../engine/deploy/drivers/index.js';
import { rootCommands } from '../../shared/model/root-commands.js';
import { loadDesignOrFail } from './load.js';
import { EXIT, printErr, printJson, printOut, UsageError } from './output.js';
import { seconds } from './seconds.js';

interface DeployOptions {
  readonly host?: string[];
  readonly confirmTimeout: number;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly identity?: string;
  readonly knownHosts?: string;
  readonly json?: boolean;
  readonly firewallRoot?: string;
}

const HELP = `
Per host: lock, read the live /etc/network/interfaces, upload the candidate and check it with
\`ifup -a -s\` on the host, show the diff, then (after you say yes) back up, arm a rollback on the
host, install, \`ifreload -a\`, and confirm from a NEW SSH connection with health checks. Unless it
is confirmed within the confirm timeout the host restores the backup by itself.

On Proxmox VE hosts the firewall files (/etc/pve/firewall/cluster.fw, /etc/pve/nodes/<host>/host.fw,
/etc/pve/firewall/<vmid>.fw) are part of the same change: backed up, installed and rolled back
with /etc/network/interfaces; where pve-firewall is installed, \`pve-firewall compile\` gates them.
A host without /etc/pve is refused unless --firewall-root names a folder to write them under.

Result per host: confirmed | unchanged | rolled back: <reason> | failed before change: <reason>.
Exit 0 when every host is confirmed or unchanged, 1 otherwise, 2 for bad input.

Host keys are checked against ~/.ssh/known_hosts (or --known-hosts) and Netloom's own store. An
unknown key is shown as SHA256:... and asked for; with --yes it is refused (nothing is asked
without a person to answer; trust it first with ssh or a run without --yes). A changed key is
always refused before anything runs on the host. Keys come from ssh-agent (SSH_AUTH_SOCK),
~/.ssh/id_* or --identity. A non-root user needs sudo: without a password (NOPASSWD), or the
password is asked once and kept in memory only.

Switches (a switch with an SSH target in the design) are deployed with them: only the lines
Netloom manages that the switch does not run yet are typed at its CLI. Cisco IOS: the config
archive must be on; the change is applied under \`configure terminal revert timer\`, verified from a
NEW session, then \`configure confirm\` and \`write memory\`; unconfirmed, the switch reverts by
itself. Dell OS6 has no such timer: the change goes to the running-config only, is verified from a
new session, and only then copied to the startup-config; a failed check on a reachable switch is
undone with the inverse commands, and a switch that cannot be reached keeps its old
startup-config (a reload restores it; the verdict says so). Hosts and switches cabled to each
other that both change are one change: applied (hosts first, the switch carrying their
management path last), verified and confirmed together, or all rolled back.

Switch logins use keys (ssh-agent, ~/.ssh/id_*, --identity) first. Passwords are never stored in a
design: when the switch refuses every key, the login password is asked once on the terminal, and
the enable secret when \`enable\` wants one; NETLOOM_SWITCH_PASSWORD and NETLOOM_ENABLE_SECRET give
them instead (for CI, or without a terminal). Both are kept in memory for the run only.`;

/** One line per host and finished step; `running` is not printed, so each step shows once. */
function progressLine(width: number, e: DeployProgress): string | undefined {
  if (e.state === 'running') return undefined;
  return `${e.host.padEnd(width)}  ${e.step.padEnd(9)} ${e.state}${e.detail ? `: ${e.detail}` : ''}`;
}

/** Prompts on the terminal one at a time (hosts connect in parallel). */
class Terminal {
  private queue: Promise<unknown> = Promise.resolve();

  ask<T>(question: () => Promise<T>): Promise<T> {
    const next = this.queue.then(question);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async yesNo(text: string): Promise<boolean> {
    return this.ask(async () => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(text)).trim());
      } finally {
        rl.close();
      }
    });
  }

  /** Reads a line without echo. */
  async secret(text: string): Promise<string> {
    return this.ask(
      () =>
        new Promise<string>((resolve, reject) => {
          const input = process.stdin;
          printErr(text);
          let typed = '';
          input.setRawMode(true);
          input.resume();
          input.setEncoding('utf8');
          const done = (error?: Error) => {
            input.setRawMode(false);
            input.pause();
            input.off('data', onData);
            printErr('\n');
            if (error) reject(error);
            else resolve(typed);
          };
          const onData = (chunk: string) => {
            for (const c of chunk) {
              if (c === '\r' || c === '\n') return done();
              if (c === '\u0003') return done(new UsageError('interrupted'));
              if (c === '\u007f') typed = typed.slice(0, -1);
              else typed += c;
            }
          };
          input.on('data', onData);
        }),
    );
  }
}

function describeKeyQuestion(q: HostKeyQuestion): string {
  return `The ${q.keyType} host key of ${q.host} (${q.address}:${q.port}) is not known.\n  fingerprint ${q.fingerprint}\nTrust it and continue? [y/N] `;
}

export const ROOT_MARK = '   # runs as root';

/** The diff with every line of the new file that runs a command as root marked at its end. */
export function markRootCommands(diff: string): string {
  const lines = diff.split('\n');
  const newSide = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => (line.startsWith('+') && !line.startsWith('+++')) || line.startsWith(' '));
  const marked = new Set(
    rootCommands(newSide.map(({ line }) => line.slice(1))).flatMap((c) =>
      newSide.slice(c.line, c.line + c.lines).map(({ i }) => i),
    ),
  );
  return lines.map((line, i) => (marked.has(i) ? `${line}${ROOT_MARK}` : line)).join('\n');
}

function printPreparation(p: Preparation, json: boolean, isSwitch: boolean): void {
  if (json) return;
  if (p.state === 'ready') {
    if (isSwitch) printOut(`\n=== ${p.host}: running-config (settings Netloom manages)\n${p.diff}`);
    else printOut(`\n=== ${p.host}: /etc/network/interfaces\n${markRootCommands(p.diff)}`);
    if (p.checkOutput) printOut(`--- ifup -a -s on ${p.host} said:\n${p.checkOutput}\n`);
  } else if (p.state === 'unchanged') {
    printOut(`\n=== ${p.host}: unchanged\n`);
  } else {
    printOut(`\n=== ${p.host}: cannot deploy: ${p.reason}\n`);
  }
}

function printReports(reports: readonly HostReport[], preparations: readonly Preparation[], json: boolean): void {
  if (json) {
    const diffs = new Map(preparations.map((p) => [p.host, p.state === 'ready' ? p.diff : '']));
    const hosts = reports.map((r) => ({
      host: r.host,
      result: describeOutcome(r.outcome),
      ...r.outcome,
      diff: diffs.get(r.host) ?? '',
    }));
    printJson({ ok: allSucceeded(reports), hosts });
    return;
  }
  const width = Math.max(...reports.map((r) => r.host.length));
  printOut('\n');
  for (const r of reports) printOut(`${r.host.padEnd(width)}  ${describeOutcome(r.outcome)}\n`);
}

/** A refusal is the user's to fix: printed as is (after the file name), exit 2. */
function refusedAsUsage<T>(file: string, attempt: () => T): T {
  try {
    return attempt();
  } catch (e) {
    if (e instanceof DeployRefusedError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

export function registerDeploy(program: Command): void {
  program
    .command('deploy')
    .description(
      "deploy hosts' /etc/network/interfaces and switches' managed lines over SSH: diff, backup, rollback unless confirmed",
    )
    .argument('<design>', 'a .netloom.json file')
    .addOption(
      new Option(
        '--host <name>',
        'deploy only this host or switch (repeat for more; default: every device with an SSH target)',
      ).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
    )
    .option(
      '--confirm-timeout <seconds>',
      'the host rolls back unless the change is confirmed within this time',
      seconds(5, 3600, { whole: true }),
      120,
    )
    .option('--dry-run', "show the diffs and the hosts' `ifup -a -s` verdicts; change nothing")
    .option('--yes', 'apply without asking (needed without a terminal); unknown host keys are then refused')
    .option('--identity <file>', 'private key to log in with (default: ssh-agent and ~/.ssh/id_*)')
    .option('--known-hosts <file>', 'known_hosts file to check host keys against (default: ~/.ssh/known_hosts)')
    .option('--json', 'print the result as JSON on stdout (progress goes to stderr)')
    .option(
      '--firewall-root <dir>',
      'absolute folder on the hosts the Proxmox VE firewall files go under (default: /, for /etc/pve)',
      (dir: string) => {
        if (!dir.startsWith('/') || dir.includes('\n')) throw new InvalidArgumentError('must be an absolute path');
        return dir;
      },
    )
    .addHelpText('after', HELP)
    .action(async (file: string, options: DeployOptions) => {
      const design = await loadDesignOrFail(file);
      const service = new DeployService();
      const plan = refusedAsUsage(file, () => service.plan(design, options.host ?? []));
      const interactive = Boolean(process.stdin.isTTY);
      if (!options.yes && !options.dryRun && !interactive) {
        throw new UsageError(
          'refusing to deploy without a terminal to ask for confirmation; pass --yes to deploy anyway',
        );
      }
      const json = Boolean(options.json);
      const log = (line: string) => (json ? printErr : printOut)(`${line}\n`);
      for (const s of plan.skipped) log(`${s.host}: skipped, ${s.reason}`);

      const terminal = new Terminal();
      const fromEnv = (name: string) => () => Promise.resolve(process.env[name]);
      const knownSwitchPassword = process.env.NETLOOM_SWITCH_PASSWORD;
      const switchPassword = interactive
        ? () => terminal.secret('switch login password (kept in memory for this run only): ')
        : () => Promise.resolve(undefined);
      const enableSecret =
        interactive && process.env.NETLOOM_ENABLE_SECRET === undefined
          ? () => terminal.secret('switch enable secret (kept in memory for this run only): ')
          : fromEnv('NETLOOM_ENABLE_SECRET');
      const isSwitch = new Set(plan.devices.filter((d) => d.driver in SWITCH_DRIVERS).map((d) => d.target.name));
      for (const group of plan.groups)
        log(`one change: ${group.devices.join(' -> ')} (${group.order}); held or rolled back together`);
      const width = Math.max(...plan.devices.map((d) => d.target.name.length));
      const dataDir = resolveDataDir();
      const sshOptions: SshOpenerOptions = {
        ...(options.identity ? { identityFile: options.identity } : {}),
        ...(options.knownHosts ? { knownHostsFiles: [options.knownHosts] } : {}),
        dataDir,
        acceptUnknownKey: (q) =>
          interactive && !options.yes ? terminal.yesNo(describeKeyQuestion(q)) : Promise.resolve(false),
        ...(interactive
          ? { sudoPassword: () => terminal.secret('sudo password (kept in memory for this run only): ') }
          : {}),
        switchPassword,
        ...(knownSwitchPassword !== undefined ? { knownSwitchPassword } : {}),
        enableSecret,
      };
      const run = service.start(plan, {
        openSession: sshSessionOpener(sshOptions),
        openCli: sshCliOpener(sshOptions),
        saveLocalBackup: (host, live, stamp, name) => saveLocalBackup(dataDir, host, live, stamp, 10, name),
        ...(options.firewallRoot !== undefined ? { firewallRoot: options.firewallRoot } : {}),
        onProgress: (e) => {
          const line = progressLine(width, e);
          if (line) log(line);
        },
      });

      const preparations = await run.prepare();
      for (const p of preparations) printPreparation(p, json, isSwitch.has(p.host));
      const ready = preparations.filter((p) => p.state === 'ready');
      let reports: readonly HostReport[];
      if (options.dryRun || ready.length === 0) {
        reports = await run.discard();
      } else if (
        options.yes ||
        (await terminal.yesNo(
          `\nApply to ${ready.map((p) => p.host).join(', ')}? Each host rolls back unless confirmed within ${options.confirmTimeout} s. [y/N] `,
        ))
      ) {
        reports = await run.apply({ revertIn: options.confirmTimeout });
      } else {
        reports = (await run.discard()).map((r) =>
          r.outcome.kind === 'checked'
            ? { host: r.host, outcome: { kind: 'failed-before-change', reason: 'not applied: declined' } }
            : r,
        );
      }
      printReports(reports, preparations, json);
      process.exitCode = allSucceeded(reports) ? EXIT.ok : EXIT.problems;
    });
}
