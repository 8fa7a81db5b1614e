/**
 * One switch's observation against its design: the live status of the
 * switch, of each port the design lists and of each port-channel. A
 * port-channel is ok when every member the design gives it is bundled and the
 * bundle is what the host bond at the other end of the cables needs: the same
 * ports (the switch ports cabled to the bond's members) and the same kind of
 * aggregation (LACP for an 802.3ad bond, static for balance-rr, -xor and
 * broadcast). Where they differ it is degraded (amber), with a reason saying
 * which side holds what.
 */
import { topologyOf, type Topology } from '../derive/topology.js';
import { indexDesign, type ElementOf } from '../model/index-of.js';
import type { Bond, Design, PortChannel, Switch, SwitchPort } from '../model/schema.js';
import { shortPortName } from '../vendors/index.js';
import { describeLacpState } from './lacp-state.js';
import { healthOf, type ElementLive, type FactValue, type Health, type LiveStatus } from './live.js';
import type {
  ChannelMemberObservation,
  ChannelMemberState,
  PortChannelObservation,
  SwitchObservation,
  SwitchPortObservation,
} from './switch-observation.js';

type Facts = Record<string, FactValue>;

/** Why a member that is not bundled carries no traffic, by state. */
const NOT_BUNDLED: Readonly<Record<Exclude<ChannelMemberState, 'bundled'>, string>> = {
  down: 'its link is down',
  'stand-alone': 'it is individual (stand-alone): no LACPDU came from the partner',
  suspended: 'it is suspended: its LACP partner or settings do not match the other members',
  'hot-standby': 'it is hot-standby: more members than the port-channel may bundle',
  waiting: 'it is waiting to be aggregated',
  unsuitable: 'it is unsuitable for bundling',
  inactive: 'its link is up but it is inactive in the port-channel',
};

/** Why a port whose link is not up carries nothing. */
const LINK_FAULT: Readonly<Record<SwitchPortObservation['link'], ((port: string) => string) | undefined>> = {
  up: undefined,
  down: (port) => `${port} link is down`,
  detach: (port) => `${port} is on a module that is not present`,
};

/** Bond modes that send from every member at once: the switch must bundle them statically. */
const STATIC_LAG_MODES: ReadonlySet<Bond['mode']> = new Set(['balance-rr', 'balance-xor', 'broadcast']);

function live(health: Health, reasons: readonly string[], drift: readonly string[], facts: Facts, readAt: string) {
  return { health, reasons, ...(drift.length > 0 && { drift }), facts, readAt } satisfies ElementLive;
}

const list = (names: readonly string[]) => (names.length === 0 ? 'nothing' : names.join(', '));

/** The live channel a port is a member of, if any. */
function membershipOf(
  obs: SwitchObservation,
  port: string,
): { channel: PortChannelObservation; member: ChannelMemberObservation } | undefined {
  for (const channel of obs.channels.values()) {
    const member = channel.members.find((m) => m.port === port);
    if (member) return { channel, member };
  }
  return undefined;
}

function portStatus(sw: Switch, port: SwitchPort, obs: SwitchObservation, readAt: string): ElementLive {
  const short = shortPortName(sw.vendor, port.name);
  const read = obs.ports?.get(port.name);
  const membership = membershipOf(obs, port.name);
  const facts: Facts = {};
  if (membership) {
    const { channel, member } = membership;
    facts['port-channel'] = `Po${channel.number}`;
    facts['member state'] = member.state;
    if (member.partner) {
      facts['partner MAC'] = member.partner.systemMac;
      facts['partner port'] = member.partner.portNumber;
      facts['partner state'] = describeLacpState(member.partner.state);
    }
  }
  if (obs.ports === undefined && !membership)
    return live('unknown', [`${sw.name} reports only port-channel members, and ${short} is in none`], [], {}, readAt);
  if (obs.ports !== undefined && !read)
    return live('down', [`${short} does not exist on ${sw.name}`], [`${short} is missing on the switch`], {}, readAt);
  const link = read?.link ?? (membership?.member.state === 'down' ? 'down' : 'up');
  facts.link = link;
  if (read?.speedMbps !== undefined) facts.speed = read.speedMbps === null ? 'unknown' : `${read.speedMbps} Mb/s`;
  if (read?.duplex !== undefined) facts.duplex = read.duplex ?? 'unknown';
  const fault = LINK_FAULT[link]?.(short);
  const fatal = fault === undefined ? [] : [fault];
  const warnings: string[] = [];
  if (fatal.length === 0) {
    if (port.speed !== undefined && typeof read?.speedMbps === 'number' && read.speedMbps !== port.speed)
      warnings.push(`${short} runs at ${read.speedMbps} Mb/s; the design says ${port.speed} Mb/s`);
    if (read?.duplex === 'half') warnings.push(`${short} runs at half duplex`);
    if (membership && membership.member.state !== 'bundled')
      warnings.push(
        `${short} is not bundled in Po${membership.channel.number}: ${NOT_BUNDLED[membership.member.state]}`,
      );
  }
  const { health, reasons } = healthOf(fatal, warnings);
  return live(health, reasons, [], facts, readAt);
}

/** What the host side of a port-channel needs: the bonds its members are cabled to, and the ports those bonds reach. */
interface HostSide {
  readonly bonds: readonly ElementOf<'bond'>[];
  /** Switch ports (canonical names) on this switch cabled to the bonds' members. */
  readonly cabledTo: readonly string[];
}

function hostSideOf(topology: Topology, sw: Switch, pc: PortChannel): HostSide {
  const bonds = new Map<string, ElementOf<'bond'>>();
  for (const member of pc.members) {
    const hostPort = topology.hostPortOf(member);
    const bond = hostPort && topology.bondsOfPort(hostPort)[0];
    if (bond) bonds.set(bond.element.id, bond);
  }
  const ids = new Set(sw.ports.map((p) => p.id));
  const cabledTo = [...bonds.values()].flatMap((bond) =>
    bond.element.members.flatMap((m) => {
      const port = topology.switchPortOf(m);
      return port && ids.has(port.element.id) ? [port.element.name] : [];
    }),
  );
  return { bonds: [...bonds.values()], cabledTo };
}

const bondLabel = (bond: ElementOf<'bond'>) => `${bond.element.name} on ${bond.host.name}`;

/** Where the live bundle disagrees with the host bond(s) at the other end of its cables. */
function hostBondReasons(sw: Switch, title: string, channel: PortChannelObservation, side: HostSide): string[] {
  const short = (names: readonly string[]) => names.map((n) => shortPortName(sw.vendor, n)).sort();
  const reasons: string[] = [];
  const bundled = short(channel.members.filter((m) => m.state === 'bundled').map((m) => m.port));
  const cabledTo = short(side.cabledTo);
  if (side.bonds.length > 0 && bundled.join() !== cabledTo.join()) {
    const bonds = side.bonds.map(bondLabel).join(' and ');
    reasons.push(
      `${title} bundles ${list(bundled)}; ${bonds} ${side.bonds.length > 1 ? 'are' : 'is'} cabled to ${list(cabledTo)}`,
    );
  }
  for (const bond of side.bonds) {
    const mode = bond.element.mode;
    if (channel.lacp === true && mode !== '802.3ad')
      reasons.push(`${title} runs LACP but ${bondLabel(bond)} is ${mode}, not 802.3ad`);
    if (channel.lacp === false && !STATIC_LAG_MODES.has(mode))
      reasons.push(
        `${title} is a static LAG but ${bondLabel(bond)} is ${mode}, not balance-rr, balance-xor or broadcast`,
      );
  }
  return reasons;
}

/** Members bundled with different LACP partners: the cables reach more than one system. */
function partnerReasons(title: string, sw: Switch, channel: PortChannelObservation): string[] {
  const byMac = new Map<string, string[]>();
  for (const m of channel.members)
    if (m.state === 'bundled' && m.partner)
      byMac.set(m.partner.systemMac, [...(byMac.get(m.partner.systemMac) ?? []), shortPortName(sw.vendor, m.port)]);
  if (byMac.size < 2) return [];
  const groups = [...byMac].map(([mac, ports]) => `${mac} (${ports.join(', ')})`);
  return [`${title} members see different LACP partners: ${groups.join(' and ')}`];
}

function portChannelStatus(
  topology: Topology,
  sw: Switch,
  pc: PortChannel,
  obs: SwitchObservation,
  readAt: string,
): ElementLive {
  const title = `Po${pc.number}`;
  const channel = obs.channels.get(pc.number);
  if (!channel)
    return live('down', [`${title} does not exist on ${sw.name}`], [`${title} is missing on the switch`], {}, readAt);
  const names = new Map(sw.ports.map((p) => [p.id, p.name]));
  const designed = pc.members.flatMap((id) => names.get(id) ?? []);
  const short = (name: string) => shortPortName(sw.vendor, name);
  const bundled = channel.members.filter((m) => m.state === 'bundled');

  const fatal: string[] = [];
  if (channel.link === 'down') fatal.push(`${title} link is down`);
  if (bundled.length === 0) fatal.push(`${title} has no bundled member`);
  const warnings: string[] = [];
  for (const name of designed) {
    const member = channel.members.find((m) => m.port === name);
    if (!member) warnings.push(`${short(name)} is not a member of ${title} on the switch`);
    else if (member.state !== 'bundled') warnings.push(`${short(name)} is not bundled: ${NOT_BUNDLED[member.state]}`);
  }
  warnings.push(...partnerReasons(title, sw, channel));
  const side = hostSideOf(topology, sw, pc);
  warnings.push(...hostBondReasons(sw, title, channel, side));

  const liveNames = channel.members.map((m) => m.port);
  const drift = [
    ...designed.filter((n) => !liveNames.includes(n)).map((n) => `member ${short(n)} missing on the switch`),
    ...liveNames.filter((n) => !designed.includes(n)).map((n) => `member ${short(n)} not in the design`),
  ];
  const designedLacp = pc.lacp !== 'on';
  if (channel.lacp !== null && channel.lacp !== designedLacp)
    drift.push(`${title} is ${channel.lacp ? 'LACP' : 'static'} on the switch; the design says mode ${pc.lacp}`);

  const facts: Facts = {
    ...(channel.link !== undefined && { link: channel.link }),
    protocol: channel.lacp === null ? 'none' : channel.lacp ? 'LACP' : 'static',
    bundled: list(bundled.map((m) => short(m.port))),
    'members up': `${channel.members.filter((m) => m.state !== 'down').length} of ${channel.members.length}`,
    ...(side.bonds.length > 0 && {
      'host bond': side.bonds.map(bondLabel).join(', '),
      'bond cabled to': list(side.cabledTo.map(short)),
    }),
  };
  const { health, reasons } = healthOf(fatal, [...new Set(warnings)]);
  return live(health, reasons, drift, facts, readAt);
}

/** The live status of a switch, its design ports and its port-channels from one observation. */
export function switchStatus(design: Design, sw: Switch, obs: SwitchObservation, readAt: string): LiveStatus {
  const topology = topologyOf(indexDesign(design));
  const elements: Record<string, ElementLive> = {};
  for (const port of sw.ports) elements[port.id] = portStatus(sw, port, obs, readAt);
  for (const pc of sw.portChannels) elements[pc.id] = portChannelStatus(topology, sw, pc, obs, readAt);
  elements[sw.id] = live(
    'ok',
    [],
    [],
    { ...(obs.ports && { ports: obs.ports.size }), 'port-channels': obs.channels.size },
    readAt,
  );
  return elements;
}

/** Every element of a switch in one state, such as `unreachable`, with one reason. */
export function switchStatusAll(sw: Switch, health: Health, reason: string, readAt: string): LiveStatus {
  const elements: Record<string, ElementLive> = {};
  for (const el of [sw, ...sw.ports, ...sw.portChannels]) elements[el.id] = { health, reasons: [reason], readAt };
  return elements;
}
