/**
 * The test switch's answers to the status commands live status polls, printed
 * from its configuration and the link facts a test sets, in the vendors'
 * layouts (the same layouts the parsers in shared/status read).
 */
import { formatVlanSet, parseVlanSet, vlanSetFromIds, type VlanRange } from '../../shared/model/vlan-set.js';
import { readSwitchConfig, switchportOf, type ReadInterface } from '../../shared/switch-config/read.js';
import { shortPortName } from '../../shared/vendors/index.js';
import type { SwitchConfig } from './config-state.js';

export interface LacpPartner {
  /** `00:1e:49:ff:a3:e6`. */
  readonly systemMac: string;
  readonly key: number;
  readonly portNumber: number;
  /** The partner asks for fast LACPDUs. */
  readonly fast: boolean;
  readonly active: boolean;
}

/** What the test switch cannot know from its configuration: which ports have a link and who answers LACP on them. */
export interface LinkFacts {
  /** Ports (the model's long names) whose link is up. */
  readonly up: ReadonlySet<string>;
  readonly partners: ReadonlyMap<string, LacpPartner>;
}

type MemberState = 'bundled' | 'down' | 'stand-alone';

interface ChannelView {
  readonly number: number;
  readonly read: ReadInterface | undefined;
  readonly lacp: boolean;
  readonly members: { readonly name: string; readonly state: MemberState; readonly partner?: LacpPartner }[];
}

function readOf(config: SwitchConfig): Map<string, ReadInterface> {
  const read = readSwitchConfig(config.render().join('\n'), config.vendor);
  return new Map(read.interfaces.map((i) => [i.name, i]));
}

function memberState(links: LinkFacts, name: string, lacp: boolean): MemberState {
  if (!links.up.has(name)) return 'down';
  return !lacp || links.partners.has(name) ? 'bundled' : 'stand-alone';
}

/** Port-channels that exist (configured or with members), with their members' states. */
function channelsOf(config: SwitchConfig, links: LinkFacts): ChannelView[] {
  const read = readOf(config);
  const numbers = new Set<number>();
  for (const iface of config.interfaces.values()) {
    if (iface.kind === 'port-channel') numbers.add(Number(iface.name.split(' ')[1]));
    const group = read.get(iface.name)?.channelGroup;
    if (group) numbers.add(group.number);
  }
  return [...numbers]
    .sort((a, b) => a - b)
    .map((number) => {
      const ports = [...config.interfaces.values()].filter(
        (i) => i.kind === 'port' && read.get(i.name)?.channelGroup?.number === number,
      );
      const lacp = ports.some((p) => read.get(p.name)?.channelGroup?.mode !== 'on');
      return {
        number,
        read: read.get(`port-channel ${number}`),
        lacp,
        members: ports.map((p) => ({
          name: p.name,
          state: memberState(links, p.name, lacp),
          partner: links.partners.get(p.name),
        })),
      };
    });
}

const cell = (text: string, width: number) => text.slice(0, width).padEnd(width);
/** Cells cut to their column's width; the last column (VLANs) runs on, as long lists do. */
const row = (cells: readonly (readonly [string, number])[]) =>
  cells
    .map(([text, width], i) => (i === cells.length - 1 ? text : cell(text, width)))
    .join(' ')
    .trimEnd();

/** `(240),1-239,241-4094` for a trunk, the VLAN for an access port. */
function os6Vlans(config: SwitchConfig, iface: ReadInterface | undefined): { mode: string; vlans: string } {
  const sp = iface ? switchportOf(config.vendor, iface) : { mode: 'access' as const, vlan: 1 };
  if (!sp) return { mode: '', vlans: '' };
  if (sp.mode === 'access') return { mode: 'A', vlans: String(sp.vlan) };
  const native = sp.native ?? 1;
  const allowed: VlanRange[] = sp.allowed === 'all' ? parseVlanSet('1-4094') : parseVlanSet(sp.allowed);
  const ids = allowed
    .flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k))
    .filter((v) => v !== native);
  return { mode: 'T', vlans: [`(${native})`, formatVlanSet(vlanSetFromIds(ids))].filter((t) => t !== '').join(',') };
}

const OS6_PORT_COLUMNS = [9, 15, 6, 7, 4, 6, 5, 2, 19] as const;
const OS6_CHANNEL_COLUMNS = [7, 30, 7, 2, 19] as const;
const ruler = (widths: readonly number[]) => widths.map((w) => '-'.repeat(w)).join(' ');

export function showOs6InterfacesStatus(config: SwitchConfig, links: LinkFacts): string[] {
  const read = readOf(config);
  const out = [
    row(
      ['Port', 'Description', 'Duplex', 'Speed', 'Neg', 'Link', 'Flow', 'M', 'VLAN'].map(
        (t, i) => [t, OS6_PORT_COLUMNS[i]!] as const,
      ),
    ),
    row(['', '', '', '', '', 'State', 'Ctrl', '', ''].map((t, i) => [t, OS6_PORT_COLUMNS[i]!] as const)),
    ruler(OS6_PORT_COLUMNS),
  ];
  for (const iface of config.sortedInterfaces().filter((i) => i.kind === 'port')) {
    const up = links.up.has(iface.name);
    const { mode, vlans } = os6Vlans(config, read.get(iface.name));
    const cells = [
      shortPortName('dell-os6', iface.name),
      read.get(iface.name)?.description ?? '',
      up ? 'Full' : 'N/A',
      up ? '10000' : 'Unknown',
      'Auto',
      up ? 'Up' : 'Down',
      'Off',
      mode,
      vlans,
    ];
    out.push(row(cells.map((t, i) => [t, OS6_PORT_COLUMNS[i]!] as const)));
  }
  out.push(
    '',
    'Oob  Type                            Link',
    '                                     State',
    '---  ------------------------------  -----',
    'oob  Out-Of-Band                     Up',
    '',
    '',
  );
  out.push(
    row(['Port', 'Description', 'Link', 'M', 'VLAN'].map((t, i) => [t, OS6_CHANNEL_COLUMNS[i]!] as const)),
    row(['Channel', '', 'State', '', ''].map((t, i) => [t, OS6_CHANNEL_COLUMNS[i]!] as const)),
    ruler(OS6_CHANNEL_COLUMNS),
  );
  for (const channel of channelsOf(config, links)) {
    const { mode, vlans } = os6Vlans(config, channel.read);
    const up = channel.members.some((m) => m.state === 'bundled');
    const cells = [`Po${channel.number}`, channel.read?.description ?? '', up ? 'Up' : 'Down', mode, vlans];
    out.push(row(cells.map((t, i) => [t, OS6_CHANNEL_COLUMNS[i]!] as const)));
  }
  return out;
}

/** The member list of one port-channel, wrapped at the Ports column's width. */
function os6MemberLines(members: ChannelView['members'], width: number): string[] {
  if (members.length === 0) return ['No Configured Ports'];
  const words: string[] = [];
  for (const [label, active] of [
    ['Active:', true],
    ['Inactive:', false],
  ] as const) {
    const names = members
      .filter((m) => (m.state === 'bundled') === active)
      .map((m) => shortPortName('dell-os6', m.name));
    if (names.length > 0) words.push(label, ...names.map((n, i) => (i < names.length - 1 ? `${n},` : n)));
  }
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width && word !== 'Inactive:')
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function showOs6PortChannels(config: SwitchConfig, links: LinkFacts): string[] {
  const widths = [10, 37, 9, 11, 11, 9] as const;
  const line = (cells: readonly string[]) =>
    cells
      .map((t, i) => t.padEnd(widths[i]!))
      .join('')
      .trimEnd();
  const out = [
    '',
    line(['Channel', 'Ports', 'Ch-Type', 'Hash Type', 'Min-links', 'Local Prf']),
    line(['-------', '-'.repeat(35), '-------', '---------', '---------', '---------']),
  ];
  for (const channel of channelsOf(config, links)) {
    const [first, ...rest] = os6MemberLines(channel.members, 35);
    out.push(line([`Po${channel.number}`, first!, channel.lacp ? 'Dynamic' : 'Static', '7', '1', 'Disabled']));
    for (const more of rest) out.push(line(['', more]));
  }
  out.push(
    '',
    'Hash Algorithm Type',
    '1 - Source MAC, VLAN, EtherType, source module and port Id',
    '2 - Destination MAC, VLAN, EtherType, source module and port Id',
    '3 - Source IP and source TCP/UDP port',
    '4 - Destination IP and destination TCP/UDP port',
    '5 - Source/Destination MAC, VLAN, EtherType, source MODID/port',
    '6 - Source/Destination IP and source/destination TCP/UDP port',
    '7 - Enhanced hashing mode',
  );
  return out;
}

const IOS_MEMBER_FLAG: Record<MemberState, string> = { bundled: 'P', down: 'D', 'stand-alone': 'I' };

export function showEtherchannelSummary(config: SwitchConfig, links: LinkFacts): string[] {
  const channels = channelsOf(config, links);
  const out = [
    'Flags:  D - down        P - bundled in port-channel',
    '        I - stand-alone s - suspended',
    '        H - Hot-standby (LACP only)',
    '        R - Layer3      S - Layer2',
    '        U - in use      f - failed to allocate aggregator',
    '',
    '        M - not in use, minimum links not met',
    '        u - unsuitable for bundling',
    '        w - waiting to be aggregated',
    '        d - default port',
    '',
    '',
    `Number of channel-groups in use: ${channels.length}`,
    `Number of aggregators:           ${channels.length}`,
    '',
    'Group  Port-channel  Protocol    Ports',
    '------+-------------+-----------+-----------------------------------------------',
  ];
  for (const channel of channels) {
    const up = channel.members.some((m) => m.state === 'bundled');
    const members = channel.members.map((m) =>
      `${shortPortName('cisco-ios', m.name)}(${IOS_MEMBER_FLAG[m.state]})`.padEnd(16),
    );
    const head = `${String(channel.number).padEnd(7)}${`Po${channel.number}(S${up ? 'U' : 'D'})`.padEnd(15)}${(channel.members.length === 0 ? '-' : channel.lacp ? 'LACP' : '-').padEnd(12)}`;
    for (let i = 0; i === 0 || i < members.length; i += 2)
      out.push(`${i === 0 ? head : ' '.repeat(34)}${members.slice(i, i + 2).join('')}`.trimEnd());
  }
  return out;
}

/** The partner's LACP state byte: active, aggregating, in sync, collecting, distributing (+ short timeout). */
const partnerState = (p: LacpPartner) => (p.active ? 0x01 : 0) | (p.fast ? 0x02 : 0) | 0x04 | 0x08 | 0x10 | 0x20;
const hex = (n: number) => `0x${n.toString(16).toUpperCase()}`;
const dotted = (mac: string) => mac.replace(/:/g, '').replace(/(.{4})(?!$)/g, '$1.');

export function showLacpNeighbor(config: SwitchConfig, links: LinkFacts): string[] {
  const out = [
    'Flags:  S - Device is requesting Slow LACPDUs',
    '        F - Device is requesting Fast LACPDUs',
    '        A - Device is in Active mode       P - Device is in Passive mode',
  ];
  for (const channel of channelsOf(config, links).filter((c) => c.lacp)) {
    out.push('', `Channel group ${channel.number} neighbors`, '');
    out.push(
      '                  LACP port                        Admin  Oper   Port    Port',
      'Port      Flags   Priority  Dev ID          Age    key    Key    Number  State',
    );
    for (const member of channel.members) {
      const p = member.partner;
      if (!p || member.state === 'down') continue;
      const cells = [
        shortPortName('cisco-ios', member.name).padEnd(10),
        `${p.fast ? 'F' : 'S'}${p.active ? 'A' : 'P'}`.padEnd(8),
        '32768'.padEnd(10),
        dotted(p.systemMac).padEnd(16),
        '1s'.padStart(3).padEnd(7),
        '0x0'.padEnd(7),
        hex(p.key).padEnd(7),
        hex(p.portNumber).padEnd(8),
        hex(partnerState(p)),
      ];
      out.push(cells.join(''));
    }
  }
  return out;
}
