/**
 * What a switch must have, built from the design once for every vendor:
 * VLANs, port-channels with derived descriptions, member ports and the other
 * ports Netloom knows. The switch targets only format this plan; rules read
 * it to judge what each switch will be given.
 */
import { indexDesign, type DesignIndex, type ElementOf, type Located } from '../model/index-of.js';
import type { LacpMode } from '../model/kinds/index.js';
import type { Design, Switch, Switchport } from '../model/schema.js';
import { DEFAULT_VLAN } from './switch-side.js';
import { topologyOf, type Topology } from './topology.js';

export interface PlannedVlan {
  readonly vlan: number;
  /** The network's name; absent for a VLAN only used by a port. */
  readonly name?: string;
  /** The network, or the first port that needs the VLAN. */
  readonly elementId: string;
}

export interface PlannedPortChannel {
  readonly elementId: string;
  readonly number: number;
  readonly description?: string;
  readonly lacp: LacpMode;
  readonly switchport?: Switchport;
  readonly mtu?: number;
  /** Cabled to a host (an edge port: spanning tree may forward at once). */
  readonly hostFacing: boolean;
}

export interface PlannedPort {
  readonly elementId: string;
  /** The model's long name, such as `Tengigabitethernet1/0/17`. */
  readonly name: string;
  readonly description?: string;
  readonly channel?: { readonly number: number; readonly lacp: LacpMode; readonly elementId: string };
  /** The port's own settings; members of a port-channel follow the port-channel instead. */
  readonly switchport?: Switchport;
  readonly mtu?: number;
  readonly hostFacing: boolean;
}

export interface SwitchPlan {
  readonly switch: Switch;
  readonly vlans: readonly PlannedVlan[];
  readonly portChannels: readonly PlannedPortChannel[];
  /** In unit/slot/port order. */
  readonly ports: readonly PlannedPort[];
}

/** A description the design gives; an empty one counts as none. */
const given = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());

/** The description a switch port is given: the design's, or `ms01 enp88s0`, the host port at the other end of its cable. */
export function portDescription(topology: Topology, switchPort: ElementOf<'switch-port'>): string | undefined {
  const hostPort = topology.hostPortOf(switchPort);
  return given(switchPort.element.description) ?? (hostPort && `${hostPort.host.name} ${hostPort.element.name}`);
}

/** The description a port-channel is given: the design's, or `ms01 bond0`, the hosts and bonds (or ports) behind its members. */
export function portChannelDescription(
  topology: Topology,
  channel: ElementOf<'port-channel'>,
  members: readonly Located[] = topology.index.targets(channel, 'members', 'switch-port'),
): string | undefined {
  return given(channel.element.description) ?? farEndOfChannel(topology, members);
}

function farEndOfChannel(topology: Topology, members: readonly Located[]): string | undefined {
  const ends = new Set<string>();
  for (const member of members) {
    const hostPort = topology.hostPortOf(member);
    if (!hostPort) continue;
    const bond = topology.bondsOfPort(hostPort)[0];
    ends.add(`${hostPort.host.name} ${(bond ?? hostPort).element.name}`);
  }
  return ends.size > 0 ? [...ends].join(', ') : undefined;
}

function numbersOf(name: string): number[] {
  return (/(\d+(?:\/\d+)*)$/.exec(name)?.[1] ?? '').split('/').map(Number);
}

/** Orders ports as switches list them: by unit, slot and port, then by type. */
export function comparePortNames(a: string, b: string): number {
  return compareNumbered(numbersOf(a), a, numbersOf(b), b);
}

function compareNumbered(na: readonly number[], a: string, nb: readonly number[], b: string): number {
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

/** An edge port (PortFast): switched and cabled to a host, not a port-channel member (spanning tree runs on the port-channel). */
export function isEdge(entry: {
  readonly hostFacing: boolean;
  readonly switchport?: Switchport;
  readonly channel?: unknown;
}): boolean {
  return entry.hostFacing && entry.switchport !== undefined && entry.channel === undefined;
}

/** Ports whose configuration Netloom decides: cabled, in a port-channel, or set in the design. */
export function isManaged(port: PlannedPort): boolean {
  return (
    port.hostFacing ||
    port.channel !== undefined ||
    port.switchport !== undefined ||
    port.description !== undefined ||
    port.mtu !== undefined
  );
}

/** The VLANs a switch must have: every network's, and those its ports put untagged frames in. */
export function switchVlans(design: Design, sw: Switch): PlannedVlan[] {
  const vlans = new Map<number, PlannedVlan>();
  for (const network of design.networks) {
    if (!vlans.has(network.vlan))
      vlans.set(network.vlan, { vlan: network.vlan, name: network.name, elementId: network.id });
  }
  // VLANs a port or port-channel puts untagged frames in must exist on the switch too.
  const need = (switchport: Switchport | undefined, elementId: string) => {
    const vlan = switchport?.mode === 'access' ? switchport.vlan : switchport?.native;
    if (vlan !== undefined && vlan !== DEFAULT_VLAN && !vlans.has(vlan)) vlans.set(vlan, { vlan, elementId });
  };
  for (const pc of sw.portChannels) need(pc.switchport, pc.id);
  for (const port of sw.ports) need(port.switchport, port.id);
  return [...vlans.values()].sort((a, b) => a.vlan - b.vlan);
}

export function planSwitch(design: Design, switchId: string): SwitchPlan {
  return planSwitchIn(indexDesign(design), switchId);
}

const plans = new WeakMap<DesignIndex, Map<string, SwitchPlan>>();

/** `planSwitch` over an index already built; plans are kept per index, as several rules read them. */
export function planSwitchIn(index: DesignIndex, switchId: string): SwitchPlan {
  let cached = plans.get(index);
  if (!cached) plans.set(index, (cached = new Map()));
  const known = cached.get(switchId);
  if (known) return known;
  const plan = buildPlan(index, switchId);
  cached.set(switchId, plan);
  return plan;
}

function buildPlan(index: DesignIndex, switchId: string): SwitchPlan {
  const design = index.design;
  const located: ElementOf<'switch'> | undefined = index.get(switchId, 'switch');
  if (!located) throw new Error(`no switch with id "${switchId}"`);
  const sw = located.element;
  const topology = topologyOf(index);
  const cabled = (port: Located) => topology.cablesOfSwitchPort(port).length > 0;
  const held = index.childrenOf(located);

  const portChannels = held
    .filter((l): l is ElementOf<'port-channel'> => l.kind === 'port-channel')
    .sort((a, b) => a.element.number - b.element.number)
    .map((channel): PlannedPortChannel => {
      const pc = channel.element;
      const members = index.targets(channel, 'members', 'switch-port');
      return {
        elementId: pc.id,
        number: pc.number,
        description: portChannelDescription(topology, channel, members),
        lacp: pc.lacp,
        switchport: pc.switchport,
        mtu: pc.mtu,
        hostFacing: members.some(cabled),
      };
    });

  // Each name's numbers are read once, not once per comparison: a switch may have hundreds of ports.
  const ports = held
    .filter((l): l is ElementOf<'switch-port'> => l.kind === 'switch-port')
    .map((located) => ({ located, numbers: numbersOf(located.element.name) }))
    .sort((a, b) => compareNumbered(a.numbers, a.located.element.name, b.numbers, b.located.element.name))
    .map(({ located }): PlannedPort => {
      const port = located.element;
      const channel = topology.portChannelsOfSwitchPort(located)[0]?.element;
      return {
        elementId: port.id,
        name: port.name,
        description: portDescription(topology, located),
        channel: channel && { number: channel.number, lacp: channel.lacp, elementId: channel.id },
        switchport: channel ? undefined : port.switchport,
        mtu: port.mtu,
        hostFacing: cabled(located),
      };
    });

  return { switch: sw, vlans: switchVlans(design, sw), portChannels, ports };
}
