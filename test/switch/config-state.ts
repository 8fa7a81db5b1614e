/**
 * The test switch's configuration as the switch keeps it: hostname, VLANs,
 * one block of settings per interface and (IOS) the archive. Settings that
 * equal the vendor default are not kept, so `show running-config` prints what
 * a real switch prints: an explicit `switchport access vlan 1` leaves no line.
 */
import type { SwitchVendor } from '../../shared/model/schema.js';
import { switchportLines } from '../../shared/targets/switch-common/switchport-lines.js';
import { comparePortNames } from '../../shared/derive/switch-plan.js';
import { shortPortName, VENDORS } from '../../shared/vendors/index.js';

export const SETTINGS = [
  'description',
  'switchport mode',
  'switchport access vlan',
  'switchport trunk native vlan',
  'switchport trunk allowed vlan',
  'mtu',
  'channel-group',
  'spanning-tree portfast',
  'shutdown',
] as const;
export type Setting = (typeof SETTINGS)[number];

const COMMON_DEFAULTS: Partial<Record<Setting, string>> = {
  'switchport access vlan': '1',
  'switchport trunk native vlan': '1',
  'switchport trunk allowed vlan': '1-4094',
};

/** How a vendor's running-config prints what the switch holds. */
interface Printing {
  /** The order an interface's settings are listed in. */
  readonly order: readonly Setting[];
  /** Values a setting has when nothing is configured; setting one of these removes the line. */
  readonly defaults: Partial<Record<Setting, string>>;
  /** Port-channels are listed before the ports (IOS) or after them (OS6). */
  readonly channelsFirst: boolean;
  portName(longName: string): string;
  channelName(number: number): string;
  /** Descriptions and VLAN names in double quotes. */
  readonly quoted: boolean;
  /** Allowed lists wrapped into `add` lines of this many characters of VLANs. */
  readonly wrapAllowedAt?: number;
  render(config: SwitchConfig): string[];
}

const PRINTING: Record<SwitchVendor, Printing> = {
  'cisco-ios': {
    order: [
      'description',
      'switchport access vlan',
      'switchport trunk native vlan',
      'switchport trunk allowed vlan',
      'switchport mode',
      'mtu',
      'channel-group',
      'spanning-tree portfast',
      'shutdown',
    ],
    // IOS ports default to dynamic switchport mode, so `switchport mode access` is a line.
    defaults: { ...COMMON_DEFAULTS, mtu: String(VENDORS['cisco-ios'].defaultMtu) },
    channelsFirst: true,
    portName: (name) => name,
    channelName: (number) => `Port-channel${number}`,
    quoted: false,
    wrapAllowedAt: 60,
    render: (config) => config.renderIos(),
  },
  'dell-os6': {
    order: SETTINGS,
    defaults: { ...COMMON_DEFAULTS, mtu: String(VENDORS['dell-os6'].defaultMtu), 'switchport mode': 'access' },
    channelsFirst: false,
    portName: (name) => shortPortName('dell-os6', name),
    channelName: (number) => `port-channel ${number}`,
    quoted: true,
    render: (config) => config.renderOs6(),
  },
};

export interface InterfaceConfig {
  /** `TenGigabitEthernet1/0/5` (the model's long name) or `port-channel 8`. */
  readonly name: string;
  readonly kind: 'port' | 'port-channel';
  /** Setting -> its argument text (`trunk`, `240`, `8 mode active`, a description without quotes). */
  readonly settings: Map<Setting, string>;
}

export interface ArchiveConfig {
  path?: string;
  maximum?: number;
}

export class SwitchConfig {
  hostname: string;
  readonly vlans = new Map<number, string | undefined>();
  readonly interfaces = new Map<string, InterfaceConfig>();
  archive: ArchiveConfig | undefined;

  constructor(
    readonly vendor: SwitchVendor,
    hostname: string,
    ports: readonly string[],
  ) {
    this.hostname = hostname;
    this.vlans.set(1, undefined);
    for (const port of ports) this.interfaces.set(port, { name: port, kind: 'port', settings: new Map() });
  }

  clone(): SwitchConfig {
    const copy = new SwitchConfig(this.vendor, this.hostname, []);
    for (const [id, name] of this.vlans) copy.vlans.set(id, name);
    for (const [key, iface] of this.interfaces)
      copy.interfaces.set(key, { ...iface, settings: new Map(iface.settings) });
    copy.archive = this.archive && { ...this.archive };
    return copy;
  }

  portChannel(number: number): InterfaceConfig {
    const name = `port-channel ${number}`;
    let found = this.interfaces.get(name);
    if (!found) this.interfaces.set(name, (found = { name, kind: 'port-channel', settings: new Map() }));
    return found;
  }

  /** Sets (or, for a default value, clears) one setting. */
  set(iface: InterfaceConfig, setting: Setting, value: string): void {
    if (this.printing.defaults[setting] === value) iface.settings.delete(setting);
    else iface.settings.set(setting, value);
  }

  /** Ports and port-channels in the order the vendor lists them. */
  sortedInterfaces(): InterfaceConfig[] {
    const all = [...this.interfaces.values()];
    const channels = all.filter((i) => i.kind === 'port-channel').sort((a, b) => comparePortNames(a.name, b.name));
    const ports = all.filter((i) => i.kind === 'port').sort((a, b) => comparePortNames(a.name, b.name));
    return this.printing.channelsFirst ? [...channels, ...ports] : [...ports, ...channels];
  }

  /** The interface's name as the vendor's running-config prints it. */
  printedName(iface: InterfaceConfig): string {
    if (iface.kind === 'port-channel') return this.printing.channelName(Number(iface.name.split(' ')[1]));
    return this.printing.portName(iface.name);
  }

  /** The interface's body lines, without indentation. */
  bodyLines(iface: InterfaceConfig): string[] {
    const lines: string[] = [];
    const { order, wrapAllowedAt } = this.printing;
    for (const setting of order) {
      const value = iface.settings.get(setting);
      if (value === undefined) continue;
      if (setting === 'switchport trunk allowed vlan' && wrapAllowedAt !== undefined && value !== 'none') {
        lines.push(
          ...switchportLines(
            { mode: 'trunk', allowed: value },
            { explicit: false, accessModeAlways: true, wrapAllowedAt },
          ).allowed,
        );
      } else if (setting === 'description') {
        lines.push(`description ${this.quote(value)}`);
      } else {
        lines.push(value === '' ? setting : `${setting} ${value}`);
      }
    }
    return lines;
  }

  /** The configuration as `show running-config` prints it after its header. */
  render(): string[] {
    return this.printing.render(this);
  }

  private get printing(): Printing {
    return PRINTING[this.vendor];
  }

  private quote(text: string): string {
    return this.printing.quoted ? `"${text}"` : text;
  }

  /** IOS: one-space indentation, `!` between blocks, every port listed, `end`. */
  renderIos(): string[] {
    const out = ['!', 'version 15.2', '!', `hostname ${this.hostname}`, '!', 'vtp mode transparent', '!'];
    if (this.archive) {
      out.push('archive');
      if (this.archive.path !== undefined) out.push(` path ${this.archive.path}`);
      if (this.archive.maximum !== undefined) out.push(` maximum ${this.archive.maximum}`);
      out.push('!');
    }
    for (const [id, name] of [...this.vlans].sort((a, b) => a[0] - b[0])) {
      if (id === 1) continue;
      out.push(`vlan ${id}`, ...(name === undefined ? [] : [` name ${this.quote(name)}`]), '!');
    }
    for (const iface of this.sortedInterfaces()) {
      out.push(`interface ${this.printedName(iface)}`, ...this.bodyLines(iface).map((l) => ` ${l}`), '!');
    }
    out.push('end');
    return out;
  }

  /** OS6: no indentation, `exit` after every block, only configured interfaces. */
  renderOs6(): string[] {
    const out = ['configure'];
    for (const [id, name] of [...this.vlans].sort((a, b) => a[0] - b[0])) {
      if (id === 1) continue;
      out.push(`vlan ${id}`, ...(name === undefined ? [] : [`name ${this.quote(name)}`]), 'exit');
    }
    out.push(`hostname ${this.quote(this.hostname)}`);
    for (const iface of this.sortedInterfaces()) {
      const body = this.bodyLines(iface);
      if (body.length === 0) continue;
      out.push('!', `interface ${this.printedName(iface)}`, ...body, 'exit');
    }
    out.push('exit');
    return out;
  }
}
