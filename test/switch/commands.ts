/**
 * The commands the test switch understands, per mode and vendor: the subset
 * Netloom's snippets and drivers send, with the vendor's answers. A line that
 * fits none gets the vendor's error, as on the real CLI.
 */
import type { SwitchVendor } from '../../shared/model/schema.js';
import { formatVlanSet, parseVlanSet, VlanSetSyntaxError } from '../../shared/model/vlan-set.js';
import { readSwitchConfig } from '../../shared/switch-config/read.js';
import { canonicalPortName, VENDORS } from '../../shared/vendors/index.js';
import type { InterfaceConfig, Setting, SwitchConfig } from './config-state.js';
import { matchLine, type Args, type Match, type Word } from './grammar.js';
import {
  showEtherchannelSummary,
  showLacpNeighbor,
  showOs6InterfacesStatus,
  showOs6PortChannels,
  type LinkFacts,
} from './show.js';
import { CLI_ERRORS, VENDOR_CLI, type CliMode } from './vendor-cli.js';

export interface RevertTimer {
  readonly minutes: number;
  readonly remainingMs: number;
  readonly user: string;
}

/** What every session of one switch shares. */
export interface SwitchCore {
  readonly vendor: SwitchVendor;
  running: SwitchConfig;
  startup: SwitchConfig;
  /** OS6 `copy running-config backup-config`. */
  backup: SwitchConfig | undefined;
  /** IOS files on `flash:` written by `copy running-config flash:<name>`. */
  readonly flash: Map<string, SwitchConfig>;
  /** IOS `show archive`: the archive's next file name and the files kept, or undefined when no path is set. */
  archiveListing(): { readonly next: string; readonly maximum: number; readonly files: readonly string[] } | undefined;
  readonly enableSecret: string | undefined;
  readonly links: LinkFacts;
  /** Starts the IOS revert timer; the archive file name, or undefined when no archive path is set. */
  startRevertTimer(minutes: number, user: string): string | undefined;
  /** `configure confirm`: false when no timer runs. */
  confirmRevert(): boolean;
  /** `configure revert now`: restores at once; the archive file, or undefined when no timer runs. */
  revertNow(): string | undefined;
  resetRevertTimer(minutes: number): boolean;
  revertTimer(): RevertTimer | undefined;
  /** The running-config was edited (faults such as lockout watch this). */
  changed(): void;
}

/** One CLI session as the commands see it. */
export interface Session {
  readonly core: SwitchCore;
  readonly user: string;
  mode: CliMode;
  /** The interfaces `interface` / `interface range` selected. */
  targets: InterfaceConfig[];
  terminalLength: number;
  /** Output of the command, paged when the session's terminal length asks for it. */
  print(...lines: string[]): void;
  /** A question answered by one key (`(y/n)`), echoed. */
  askKey(question: string): Promise<string>;
  /** A question answered by a line; `secret` lines are not echoed. */
  askLine(question: string, secret?: boolean): Promise<string>;
  logout(): void;
}

/** The line is refused with these lines of output (the vendor's error). */
export class CliRefusal extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

/** Refused with the caret under `offset` (a position in the typed line). */
export class CaretRefusal extends Error {
  constructor(readonly offset: number) {
    super(`invalid input at ${offset}`);
  }
}

type ModeKind = CliMode['kind'];
interface Command {
  readonly modes: readonly ModeKind[];
  readonly vendors?: readonly SwitchVendor[];
  readonly words: readonly Word[];
  run(session: Session, args: Args): void | Promise<void>;
}

const IOS: readonly SwitchVendor[] = ['cisco-ios'];
const OS6: readonly SwitchVendor[] = ['dell-os6'];
const EXEC: readonly ModeKind[] = ['user', 'privileged'];
const PRIVILEGED: readonly ModeKind[] = ['privileged'];
const IF_MODES: readonly ModeKind[] = ['interface', 'interface-range'];
const CONFIG_SUBMODES: readonly ModeKind[] = ['interface', 'interface-range', 'vlan', 'archive'];

const unquote = (text: string) => /^"(.*)"$/.exec(text)?.[1] ?? text;

/** Resolves the text after `interface` to the switch's interfaces, or refuses as the vendor does. */
function interfacesNamed(session: Session, text: string, offset: number): InterfaceConfig[] {
  const { core } = session;
  const channel = /^(?:port-channel|po)\s*(\d+)$/i.exec(text);
  if (channel) {
    const n = Number(channel[1]);
    if (n < 1 || n > 128) throw new CaretRefusal(offset + text.search(/\d/));
    return [core.running.portChannel(n)];
  }
  const name = canonicalPortName(core.vendor, text);
  if (name === undefined) throw new CaretRefusal(offset);
  const iface = core.running.interfaces.get(name);
  if (!iface) {
    const answer = VENDOR_CLI[core.vendor].missingInterface;
    throw answer === undefined ? new CaretRefusal(offset + text.search(/\d/)) : new CliRefusal([answer]);
  }
  return [iface];
}

/** `Te1/0/1-4,Te2/0/1` or `Te1/0/1 - 4`: every port named. */
function interfaceRange(session: Session, text: string, offset: number): InterfaceConfig[] {
  const found: InterfaceConfig[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z-]+\s*\d+(?:\/\d+)*?\/?)(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new CaretRefusal(offset + text.indexOf(part));
    const [, prefix, first, last] = m as unknown as [string, string, string, string | undefined];
    for (let n = Number(first); n <= Number(last ?? first); n++)
      found.push(...interfacesNamed(session, `${prefix}${n}`, offset + text.indexOf(part)));
  }
  return found;
}

/** Sets `setting` on every selected interface to `value` (or to what `value` computes per interface). */
function setOnTargets(session: Session, setting: Setting, value: string | ((iface: InterfaceConfig) => string)): void {
  const { core } = session;
  const refusal = VENDOR_CLI[core.vendor].memberRefusesSwitchport;
  if (
    refusal !== undefined &&
    setting.startsWith('switchport') &&
    session.targets.some((iface) => iface.settings.has('channel-group'))
  ) {
    throw new CliRefusal([refusal]);
  }
  const values = session.targets.map((iface) => (typeof value === 'string' ? value : value(iface)));
  session.targets.forEach((iface, i) => core.running.set(iface, setting, values[i]!));
  core.changed();
}

function clearOnTargets(session: Session, setting: Setting): void {
  for (const iface of session.targets) iface.settings.delete(setting);
  session.core.changed();
}

/** The allowed list after `switchport trunk allowed vlan <words>`, computed by the same reader that reads running-configs. */
function allowedAfter(current: string | undefined, words: string): string | undefined {
  const lines = [
    'interface Port-channel1',
    ...(current === undefined ? [] : [` switchport trunk allowed vlan ${current}`]),
    ` switchport trunk allowed vlan ${words}`,
  ];
  const read = readSwitchConfig(lines.join('\n'), 'cisco-ios');
  if (read.problems.length > 0) return undefined;
  const allowed = read.interfaces[0]!.allowed!;
  return allowed.length === 0 ? 'none' : formatVlanSet(allowed);
}

function vlansOf(text: string, offset: number): number[] {
  try {
    return parseVlanSet(text).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k));
  } catch (e) {
    if (e instanceof VlanSetSyntaxError) throw new CaretRefusal(offset);
    throw e;
  }
}

async function saveDialog(session: Session, save: (core: SwitchCore) => void): Promise<void> {
  const answers: Record<SwitchVendor, () => Promise<void>> = {
    'cisco-ios': () => {
      session.print('Building configuration...', '[OK]');
      save(session.core);
      return Promise.resolve();
    },
    'dell-os6': async () => {
      session.print(
        '',
        'This operation may take a few minutes.',
        'Management interfaces will not be available during this time.',
        '',
      );
      const key = await session.askKey('Are you sure you want to save? (y/n) ');
      if (key.toLowerCase() !== 'y') return session.print('', 'Configuration Not Saved!');
      save(session.core);
      session.print('', 'Configuration Saved!');
    },
  };
  await answers[session.core.vendor]();
}

const toStartup = (core: SwitchCore) => void (core.startup = core.running.clone());
const toBackup = (core: SwitchCore) => void (core.backup = core.running.clone());

function showConfig(session: Session, config: SwitchConfig | undefined, missing: string): void {
  if (!config) return session.print(missing);
  const body = config.render();
  const header = VENDOR_CLI[session.core.vendor].runningHeader(body.join('\n').length);
  session.print(...header, ...body);
}

const COMMANDS: readonly Command[] = [
  // EXEC
  {
    modes: ['user'],
    words: ['enable'],
    async run(session) {
      const secret = session.core.enableSecret;
      for (let attempt = 0; secret !== undefined && attempt < 3; attempt++) {
        if ((await session.askLine('Password: ', true)) === secret) break;
        if (attempt === 2) throw new CliRefusal([CLI_ERRORS.badSecrets]);
      }
      session.mode = { kind: 'privileged' };
    },
  },
  { modes: ['privileged'], words: ['disable'], run: (s) => void (s.mode = { kind: 'user' }) },
  { modes: EXEC, words: [{ choice: ['exit', 'logout', 'quit'], name: 'verb' }], run: (s) => s.logout() },
  // OS6 takes terminal settings only once privileged (the dellemc.os6 Ansible terminal plugin sends them after `enable`).
  {
    modes: EXEC,
    vendors: IOS,
    words: ['terminal', 'length', { number: [0, 512], name: 'lines' }],
    run: (s, a) => void (s.terminalLength = Number(a.values.lines)),
  },
  {
    modes: PRIVILEGED,
    vendors: OS6,
    words: ['terminal', 'length', { number: [0, 512], name: 'lines' }],
    run: (s, a) => void (s.terminalLength = Number(a.values.lines)),
  },
  {
    modes: ['privileged'],
    vendors: IOS,
    words: ['configure', 'terminal'],
    run(s) {
      s.print(VENDOR_CLI['cisco-ios'].configBanner!);
      s.mode = { kind: 'config' };
    },
  },
  {
    modes: ['privileged'],
    vendors: OS6,
    words: ['configure'],
    run: (s) => void (s.mode = { kind: 'config' }),
  },
  {
    modes: ['privileged'],
    vendors: IOS,
    words: ['configure', 'terminal', 'revert', 'timer', { number: [1, 120], name: 'minutes' }],
    run(s, a) {
      const file = s.core.startRevertTimer(Number(a.values.minutes), s.user);
      if (file === undefined) throw new CliRefusal([CLI_ERRORS.archiveOff]);
      s.print(
        `Rollback Confirmed Change: Backing up current running config to ${file}`,
        '',
        VENDOR_CLI['cisco-ios'].configBanner!,
      );
      s.mode = { kind: 'config' };
    },
  },
  {
    modes: ['privileged'],
    vendors: IOS,
    words: ['configure', 'confirm'],
    run(s) {
      if (!s.core.confirmRevert()) throw new CliRefusal([CLI_ERRORS.noRollbackPending]);
    },
  },
  {
    modes: ['privileged'],
    vendors: IOS,
    words: ['configure', 'revert', 'now'],
    run(s) {
      const file = s.core.revertNow();
      if (file === undefined) throw new CliRefusal([CLI_ERRORS.noRollbackPending]);
      s.print(`Rollback Confirmed Change: Rolling to:${file}`);
    },
  },
  {
    modes: ['privileged'],
    vendors: IOS,
    words: ['configure', 'revert', 'timer', { number: [1, 120], name: 'minutes' }],
    run(s, a) {
      if (!s.core.resetRevertTimer(Number(a.values.minutes))) throw new CliRefusal([CLI_ERRORS.noRollbackPending]);
    },
  },
  {
    modes: PRIVILEGED,
    vendors: IOS,
    words: ['show', 'archive', 'config', 'rollback', 'timer'],
    run(s) {
      const timer = s.core.revertTimer();
      if (!timer) return s.print(CLI_ERRORS.noRollbackPending);
      const seconds = Math.floor(timer.remainingMs / 1000);
      s.print(
        `Timer value: ${timer.minutes} min`,
        `Time remaining: ${Math.floor(seconds / 60)} min ${seconds % 60} sec`,
        `User: ${timer.user}`,
      );
    },
  },
  {
    modes: PRIVILEGED,
    vendors: IOS,
    words: ['show', 'archive'],
    run(s) {
      const archive = s.core.archiveListing();
      if (!archive) return s.print(CLI_ERRORS.archiveNotEnabled);
      s.print(
        `The maximum archive configurations allowed is ${archive.maximum}.`,
        `The next archive file will be named ${archive.next}`,
        ' Archive #  Name',
        ...Array.from({ length: archive.maximum }, (_, i) => `   ${i + 1}        ${archive.files[i] ?? ''}`.trimEnd()),
      );
    },
  },
  {
    modes: PRIVILEGED,
    vendors: IOS,
    words: ['copy', 'running-config', { word: 'url' }],
    async run(s, a) {
      const url = a.values.url!;
      const file = /^flash:([\w.-]+)$/.exec(url)?.[1];
      if (file === undefined) throw new CliRefusal([`%Error opening ${url} (Invalid argument)`]);
      const name = await s.askLine(`Destination filename [${file}]? `);
      if (name !== '' && name !== file) throw new CliRefusal([`%Error opening flash:${name} (Permission denied)`]);
      const bytes = s.core.running.render().join('\n').length;
      s.core.flash.set(file, s.core.running.clone());
      s.print(`${bytes} bytes copied in 0.120 secs (${bytes * 8} bytes/sec)`);
    },
  },
  {
    modes: PRIVILEGED,
    words: ['copy', 'running-config', 'startup-config'],
    async run(s) {
      if (VENDOR_CLI[s.core.vendor].copyAsksFilename) {
        const name = await s.askLine('Destination filename [startup-config]? ');
        if (name !== '' && name !== 'startup-config')
          throw new CliRefusal([`%Error opening ${name} (No such file or directory)`]);
      }
      await saveDialog(s, toStartup);
    },
  },
  {
    modes: PRIVILEGED,
    vendors: OS6,
    words: ['copy', 'running-config', 'backup-config'],
    run: (s) => saveDialog(s, toBackup),
  },
  { modes: PRIVILEGED, words: ['write', 'memory'], run: (s) => saveDialog(s, toStartup) },
  { modes: PRIVILEGED, words: ['show', 'running-config'], run: (s) => showConfig(s, s.core.running, '') },
  {
    modes: PRIVILEGED,
    words: ['show', 'startup-config'],
    run: (s) => showConfig(s, s.core.startup, 'startup-config is not present'),
  },
  {
    modes: PRIVILEGED,
    vendors: OS6,
    words: ['show', 'backup-config'],
    run: (s) => showConfig(s, s.core.backup, 'Configuration file backup-config does not exist.'),
  },
  {
    modes: EXEC,
    vendors: OS6,
    words: ['show', 'interfaces', 'status'],
    run: (s) => s.print(...showOs6InterfacesStatus(s.core.running, s.core.links)),
  },
  {
    modes: EXEC,
    vendors: OS6,
    words: ['show', 'interfaces', 'port-channel'],
    run: (s) => s.print(...showOs6PortChannels(s.core.running, s.core.links)),
  },
  {
    modes: EXEC,
    vendors: IOS,
    words: ['show', 'etherchannel', 'summary'],
    run: (s) => s.print(...showEtherchannelSummary(s.core.running, s.core.links)),
  },
  {
    modes: EXEC,
    vendors: IOS,
    words: ['show', 'lacp', 'neighbor'],
    run: (s) => s.print(...showLacpNeighbor(s.core.running, s.core.links)),
  },

  // Global configuration
  { modes: ['config', ...CONFIG_SUBMODES], words: ['end'], run: (s) => void (s.mode = { kind: 'privileged' }) },
  { modes: ['config'], words: ['exit'], run: (s) => void (s.mode = { kind: 'privileged' }) },
  {
    modes: ['config'],
    words: ['hostname', { rest: 'name' }],
    run(s, a) {
      const name = unquote(a.values.name!);
      if (/\s/.test(name)) throw new CaretRefusal(a.offsets.name! + name.search(/\s/) + 1);
      s.core.running.hostname = name;
      s.core.changed();
    },
  },
  {
    modes: ['config'],
    words: ['vlan', { rest: 'vlans' }],
    run(s, a) {
      const vlans = vlansOf(a.values.vlans!, a.offsets.vlans!);
      for (const vlan of vlans) if (!s.core.running.vlans.has(vlan)) s.core.running.vlans.set(vlan, undefined);
      s.core.changed();
      s.mode = { kind: 'vlan', vlans };
    },
  },
  {
    modes: ['config'],
    words: ['no', 'vlan', { rest: 'vlans' }],
    run(s, a) {
      for (const vlan of vlansOf(a.values.vlans!, a.offsets.vlans!)) if (vlan !== 1) s.core.running.vlans.delete(vlan);
      s.core.changed();
    },
  },
  {
    modes: ['config'],
    words: ['interface', { rest: 'name' }],
    run(s, a) {
      const targets = interfacesNamed(s, a.values.name!, a.offsets.name!);
      s.targets = targets;
      s.mode = { kind: 'interface', label: s.core.running.printedName(targets[0]!).replace('port-channel ', 'Po') };
    },
  },
  {
    modes: ['config'],
    words: ['interface', 'range', { rest: 'names' }],
    run(s, a) {
      s.targets = interfaceRange(s, a.values.names!, a.offsets.names!);
      s.mode = { kind: 'interface-range' };
    },
  },
  {
    modes: ['config'],
    vendors: IOS,
    words: ['archive'],
    run(s) {
      s.core.running.archive ??= {};
      s.core.changed();
      s.mode = { kind: 'archive' };
    },
  },
  {
    modes: ['config'],
    vendors: IOS,
    words: ['no', 'archive'],
    run: (s) => void ((s.core.running.archive = undefined), s.core.changed()),
  },

  // Archive (IOS)
  { modes: ['archive'], words: ['exit'], run: (s) => void (s.mode = { kind: 'config' }) },
  {
    modes: ['archive'],
    words: ['path', { word: 'url' }],
    run: (s, a) => void ((s.core.running.archive!.path = a.values.url), s.core.changed()),
  },
  {
    modes: ['archive'],
    words: ['maximum', { number: [1, 14], name: 'n' }],
    run: (s, a) => void ((s.core.running.archive!.maximum = Number(a.values.n)), s.core.changed()),
  },

  // VLAN
  { modes: ['vlan'], words: ['exit'], run: (s) => void (s.mode = { kind: 'config' }) },
  {
    modes: ['vlan'],
    words: ['name', { rest: 'name' }],
    run(s, a) {
      const name = unquote(a.values.name!);
      const facts = VENDORS[s.core.vendor];
      if (name.length > facts.maxVlanName || (!facts.vlanNameSpaces && /\s/.test(name)))
        throw new CaretRefusal(a.offsets.name!);
      if (s.mode.kind === 'vlan') for (const vlan of s.mode.vlans) s.core.running.vlans.set(vlan, name);
      s.core.changed();
    },
  },

  {
    modes: ['vlan'],
    words: ['no', 'name'],
    run(s) {
      if (s.mode.kind === 'vlan') for (const vlan of s.mode.vlans) s.core.running.vlans.set(vlan, undefined);
      s.core.changed();
    },
  },

  // Interface
  { modes: IF_MODES, words: ['exit'], run: (s) => void (s.mode = { kind: 'config' }) },
  {
    modes: IF_MODES,
    words: ['description', { rest: 'text' }],
    run(s, a) {
      const text = unquote(a.values.text!);
      if (text.length > VENDORS[s.core.vendor].maxDescription)
        throw new CaretRefusal(a.offsets.text! + VENDORS[s.core.vendor].maxDescription);
      setOnTargets(s, 'description', text);
    },
  },
  { modes: IF_MODES, words: ['no', 'description'], run: (s) => clearOnTargets(s, 'description') },
  {
    modes: IF_MODES,
    vendors: IOS,
    words: ['switchport', 'mode', { choice: ['access', 'trunk'], name: 'mode' }],
    run: (s, a) => setOnTargets(s, 'switchport mode', a.values.mode!),
  },
  {
    modes: IF_MODES,
    vendors: OS6,
    words: ['switchport', 'mode', { choice: ['access', 'trunk', 'general'], name: 'mode' }],
    run: (s, a) => setOnTargets(s, 'switchport mode', a.values.mode!),
  },
  { modes: IF_MODES, words: ['no', 'switchport', 'mode'], run: (s) => clearOnTargets(s, 'switchport mode') },
  {
    modes: IF_MODES,
    words: ['switchport', 'access', 'vlan', { number: [1, 4094], name: 'vlan' }],
    run: (s, a) => setOnTargets(s, 'switchport access vlan', a.values.vlan!),
  },
  {
    modes: IF_MODES,
    words: ['no', 'switchport', 'access', 'vlan'],
    run: (s) => clearOnTargets(s, 'switchport access vlan'),
  },
  {
    modes: IF_MODES,
    words: ['switchport', 'trunk', 'native', 'vlan', { number: [1, 4094], name: 'vlan' }],
    run: (s, a) => setOnTargets(s, 'switchport trunk native vlan', a.values.vlan!),
  },
  {
    modes: IF_MODES,
    words: ['no', 'switchport', 'trunk', 'native', 'vlan'],
    run: (s) => clearOnTargets(s, 'switchport trunk native vlan'),
  },
  {
    modes: IF_MODES,
    words: ['switchport', 'trunk', 'allowed', 'vlan', { rest: 'vlans' }],
    run(s, a) {
      setOnTargets(s, 'switchport trunk allowed vlan', (iface) => {
        const allowed = allowedAfter(iface.settings.get('switchport trunk allowed vlan'), a.values.vlans!);
        if (allowed === undefined) throw new CaretRefusal(a.offsets.vlans!);
        return allowed;
      });
    },
  },
  {
    modes: IF_MODES,
    words: ['no', 'switchport', 'trunk', 'allowed', 'vlan'],
    run: (s) => clearOnTargets(s, 'switchport trunk allowed vlan'),
  },
  {
    modes: IF_MODES,
    words: ['mtu', { rest: 'bytes' }],
    run(s, a) {
      const [min, max] = VENDORS[s.core.vendor].mtuRange;
      const bytes = a.values.bytes!;
      if (!/^\d+$/.test(bytes) || Number(bytes) < min || Number(bytes) > max) throw new CaretRefusal(a.offsets.bytes!);
      setOnTargets(s, 'mtu', bytes);
    },
  },
  { modes: IF_MODES, words: ['no', 'mtu'], run: (s) => clearOnTargets(s, 'mtu') },
  {
    modes: IF_MODES,
    words: [
      'channel-group',
      { number: [1, 128], name: 'group' },
      'mode',
      { choice: ['active', 'passive', 'on'], name: 'mode' },
    ],
    run(s, a) {
      if (s.targets.some((t) => t.kind === 'port-channel')) throw new CaretRefusal(0);
      const group = Number(a.values.group);
      const creates = VENDOR_CLI[s.core.vendor].createsPortChannel;
      if (creates && !s.core.running.interfaces.has(`port-channel ${group}`)) s.print(creates(group));
      s.core.running.portChannel(group);
      setOnTargets(s, 'channel-group', `${group} mode ${a.values.mode}`);
    },
  },
  { modes: IF_MODES, words: ['no', 'channel-group'], run: (s) => clearOnTargets(s, 'channel-group') },
  { modes: IF_MODES, words: ['spanning-tree', 'portfast'], run: (s) => setOnTargets(s, 'spanning-tree portfast', '') },
  {
    modes: IF_MODES,
    vendors: IOS,
    words: ['spanning-tree', 'portfast', 'trunk'],
    run: (s) => setOnTargets(s, 'spanning-tree portfast', 'trunk'),
  },
  {
    modes: IF_MODES,
    words: ['no', 'spanning-tree', 'portfast'],
    run: (s) => clearOnTargets(s, 'spanning-tree portfast'),
  },
  { modes: IF_MODES, words: ['shutdown'], run: (s) => setOnTargets(s, 'shutdown', '') },
  { modes: IF_MODES, words: ['no', 'shutdown'], run: (s) => clearOnTargets(s, 'shutdown') },
];

const commandsOf = (vendor: SwitchVendor, mode: ModeKind) =>
  COMMANDS.filter((c) => c.modes.includes(mode) && (c.vendors ?? [vendor]).includes(vendor)).map((command) => ({
    command,
    words: command.words,
  }));

/**
 * Which command a line is in the session's mode. In a configuration submode a
 * line that is no command of the submode is tried as a global one, as both
 * CLIs do (typing `interface ...` in interface mode moves to that interface).
 */
export function findCommand(vendor: SwitchVendor, mode: ModeKind, line: string): Match<Command> {
  const own = matchLine(line, commandsOf(vendor, mode));
  if (own.ok || !CONFIG_SUBMODES.includes(mode)) return own;
  const global = matchLine(line, commandsOf(vendor, 'config'));
  return global.ok ? global : own;
}

export type { Command };
