/**
 * One host's facts against its design: the live status of every interface of
 * the host (ports, bonds, bridges, VLAN interfaces: the registry's host
 * interfaces), of the host itself, and of the cables on its ports (a cable
 * takes its colour from its host port).
 */
import { hostInterfaces } from '../model/kinds/index.js';
import type { Bond, Design, Host, HostInterface, Port } from '../model/schema.js';
import { bondFromIpLink, bondFromProc, type BondObservation, type MemberObservation } from './bond-observation.js';
import { addressDrift, bondDrift, bridgePortDrift, mtuDrift } from './drift.js';
import { evaluateBond, lacpMemberReasons } from './health.js';
import type { HostFacts } from './host-facts.js';
import type { IpLink } from './ip-link.js';
import { describeLacpState } from './lacp-state.js';
import { healthOf, type ElementLive, type FactValue, type Health, type LiveStatus } from './live.js';
import { ovsBondStatus } from './ovs-bond-status.js';
import { formatProblem } from './parse-result.js';

type Facts = Record<string, FactValue>;

function live(
  health: Health,
  reasons: readonly string[],
  drift: readonly string[],
  facts: Facts,
  readAt: string,
): ElementLive {
  return { health, reasons, ...(drift.length > 0 && { drift }), facts, readAt };
}

const speedText = (mbps: number | null | undefined) =>
  mbps === null || mbps === undefined ? 'unknown' : `${mbps} Mb/s`;

function linkFacts(link: IpLink): Facts {
  return {
    operstate: link.operstate ?? 'unknown',
    carrier: link.flags.includes('LOWER_UP'),
    ...(link.mtu !== undefined && { MTU: link.mtu }),
    ...(link.address !== undefined && { MAC: link.address }),
  };
}

/** `down` reasons of a link, or none when it is administratively up and has carrier. */
function linkDownReasons(name: string, link: IpLink | undefined): string[] {
  if (!link) return [`${name} does not exist on the host`];
  if (!link.flags.includes('UP')) return [`${name} is administratively down`];
  if (!link.flags.includes('LOWER_UP')) return [`${name} has no carrier (operstate ${link.operstate ?? 'unknown'})`];
  return [];
}

function memberFacts(bond: string, m: MemberObservation): Facts {
  return {
    bond,
    'MII status': m.mii,
    ...(m.linkFailureCount !== undefined && { 'link failures': m.linkFailureCount }),
    ...(m.aggregatorId !== undefined && { aggregator: m.aggregatorId ?? 'N/A' }),
    ...(m.actor && { 'actor state': describeLacpState(m.actor) }),
    ...(m.partner && { 'partner state': describeLacpState(m.partner) }),
    ...(m.actorChurn && { 'actor churn': m.actorChurn }),
    ...(m.partnerChurn && { 'partner churn': m.partnerChurn }),
    ...(m.partnerMac && { 'partner MAC': m.partnerMac }),
  };
}

interface Membership {
  readonly bond: Bond;
  readonly obs: BondObservation;
  readonly member: MemberObservation | undefined;
}

function portStatus(port: Port, facts: HostFacts, membership: Membership | undefined, readAt: string): ElementLive {
  const link = facts.links.get(port.name);
  const sys = facts.sysfs.get(port.name);
  const fatal = linkDownReasons(port.name, link);
  const warnings: string[] = [];
  const m = membership?.member;
  if (fatal.length === 0) {
    const speed = sys?.speedMbps;
    if (port.speed !== undefined && typeof speed === 'number' && speed !== port.speed) {
      warnings.push(`${port.name} negotiated ${speed} Mb/s; the design says ${port.speed} Mb/s`);
    }
    if (sys?.duplex === 'half') warnings.push(`${port.name} runs at half duplex`);
    if (m && m.mii !== 'up') warnings.push(`${port.name} MII status in ${membership.bond.name} is ${m.mii}`);
    if (m && membership.obs.mode === '802.3ad') warnings.push(...lacpMemberReasons(m));
  }
  const { health, reasons } = healthOf(fatal, warnings);
  const drift = link ? mtuDrift(port.mtu, link) : [`${port.name} is missing on the host`];
  const liveMac = link?.bondSlave?.permHwaddr ?? link?.address;
  if (port.mac !== undefined && liveMac !== undefined && liveMac !== port.mac)
    drift.push(`MAC is ${liveMac}; the design says ${port.mac}`);
  if (link) drift.push(...addressDrift(port, facts.addresses.get(port.name)));
  if (membership && !m && link) drift.push(`${port.name} is not enslaved to ${membership.bond.name}`);
  const factsOut: Facts = {
    ...(link && linkFacts(link)),
    speed: speedText(sys?.speedMbps),
    duplex: sys?.duplex ?? 'unknown',
    ...(membership && m && memberFacts(membership.bond.name, m)),
  };
  return live(health, reasons, drift, factsOut, readAt);
}

type BondRead =
  | { readonly ok: true; readonly obs: BondObservation; readonly source: string }
  | { readonly ok: false; readonly reason: string };

function observeBond(bond: Bond, facts: HostFacts, bondingDir: string): BondRead | undefined {
  const source = `${bondingDir}/${bond.name}`;
  const proc = facts.bonding.get(bond.name);
  if (proc && !proc.ok) return { ok: false, reason: formatProblem(source, proc.error) };
  if (proc?.ok) return { ok: true, obs: bondFromProc(proc.value), source };
  const link = facts.links.get(bond.name);
  const obs = link && bondFromIpLink(link, facts.links, facts.sysfs);
  return obs ? { ok: true, obs, source: 'ip -d link' } : undefined;
}

function bondStatus(
  bond: Bond,
  read: BondRead | undefined,
  memberNames: string[],
  facts: HostFacts,
  readAt: string,
): ElementLive {
  const link = facts.links.get(bond.name);
  const ifaceDrift = [...mtuDrift(bond.mtu, link), ...(link ? addressDrift(bond, facts.addresses.get(bond.name)) : [])];
  if (!read)
    return live(
      'down',
      [`${bond.name} does not exist on the host`],
      [`${bond.name} is missing on the host`],
      {},
      readAt,
    );
  if (!read.ok) return live('unknown', [read.reason], ifaceDrift, {}, readAt);
  const { obs } = read;
  const { health, reasons } = evaluateBond(bond.name, obs, { members: memberNames, minLinks: bond.minLinks });
  const up = obs.members.filter((m) => m.mii === 'up').length;
  const active = obs.activeAggregator;
  const factsOut: Facts = {
    source: read.source,
    ...(obs.mode !== undefined && { mode: obs.mode }),
    'MII status': obs.miiUp ? 'up' : 'down',
    'members up': `${up} of ${obs.members.length}`,
    ...(obs.xmitHashPolicy !== undefined && { 'transmit hash policy': obs.xmitHashPolicy }),
    ...(obs.lacpRate !== undefined && { 'LACP rate': obs.lacpRate }),
    ...(obs.minLinks !== undefined && { 'min links': obs.minLinks }),
    ...(active === null && { 'active aggregator': 'none' }),
    ...(active?.id !== undefined && { 'active aggregator': active.id }),
    ...(active?.partnerMac !== undefined && { 'partner MAC': active.partnerMac }),
    ...(link && linkFacts(link)),
  };
  return live(health, reasons, [...bondDrift(bond, obs, memberNames), ...ifaceDrift], factsOut, readAt);
}

function interfaceStatus(
  iface: HostInterface,
  facts: HostFacts,
  readAt: string,
  designedPorts?: readonly string[],
): ElementLive {
  const link = facts.links.get(iface.name);
  const { health, reasons } = healthOf(linkDownReasons(iface.name, link), []);
  if (!link) return live(health, reasons, [`${iface.name} is missing on the host`], {}, readAt);
  const drift = [...mtuDrift(iface.mtu, link), ...addressDrift(iface, facts.addresses.get(iface.name))];
  if (designedPorts) {
    const livePorts = [...facts.links.values()].filter((l) => l.master === iface.name).map((l) => l.name);
    drift.push(...bridgePortDrift(designedPorts, livePorts));
  }
  return live(health, reasons, drift, linkFacts(link), readAt);
}

/** Cables on the host's ports take the port's health and reasons (prefixed with the host name when `nameHost`). */
function cableStatuses(
  design: Design,
  host: Host,
  elements: Record<string, ElementLive>,
  nameHost: boolean,
): Record<string, ElementLive> {
  const out: Record<string, ElementLive> = {};
  const ports = new Map(host.ports.map((p) => [p.id, p]));
  for (const cable of design.cables) {
    const port = ports.get(cable.hostPort);
    const portLive = port && elements[port.id];
    if (!port || !portLive) continue;
    out[cable.id] = {
      health: portLive.health,
      reasons: nameHost ? portLive.reasons.map((r) => `${host.name}: ${r}`) : portLive.reasons,
      facts: { 'host port': `${host.name} ${port.name}` },
      readAt: portLive.readAt,
    };
  }
  return out;
}

export interface HostStatusOptions {
  /** Where the bonding files were read from, for messages (default `/proc/net/bonding`). */
  readonly bondingDir?: string;
}

/** The live status of a host's elements and cables from one read of its facts. */
export function hostStatus(
  design: Design,
  host: Host,
  facts: HostFacts,
  readAt: string,
  options: HostStatusOptions = {},
): LiveStatus {
  const bondingDir = options.bondingDir ?? '/proc/net/bonding';
  const elements: Record<string, ElementLive> = {};
  const portNames = new Map(host.ports.map((p) => [p.id, p.name]));
  const memberships = new Map<string, Membership>();

  for (const bond of host.bonds) {
    const read = observeBond(bond, facts, bondingDir);
    const memberNames = bond.members.map((id) => portNames.get(id) ?? id);
    elements[bond.id] = bondStatus(bond, read, memberNames, facts, readAt);
    if (read?.ok) {
      for (const id of bond.members) {
        const name = portNames.get(id);
        memberships.set(id, { bond, obs: read.obs, member: read.obs.members.find((m) => m.name === name) });
      }
    }
  }
  for (const port of host.ports) elements[port.id] = portStatus(port, facts, memberships.get(port.id), readAt);
  const names = new Map<string, string>(hostInterfaces(host).map((i) => [i.id, i.name]));
  for (const bridge of host.bridges)
    elements[bridge.id] = interfaceStatus(
      bridge,
      facts,
      readAt,
      bridge.ports.map((id) => names.get(id) ?? id),
    );
  for (const bond of host.ovsBonds)
    elements[bond.id] = ovsBondStatus(
      bond,
      facts,
      bond.members.map((id) => portNames.get(id) ?? id),
      readAt,
    );
  // Every other interface (VLAN interfaces, kinds added later): its link, MTU and addresses.
  for (const iface of hostInterfaces(host)) elements[iface.id] ??= interfaceStatus(iface, facts, readAt);
  elements[host.id] = live('ok', [], [], { interfaces: facts.links.size }, readAt);
  return { ...elements, ...cableStatuses(design, host, elements, true) };
}

/** Every element of a host (and its cables) in one state, such as `unreachable`, with one reason. */
export function hostStatusAll(design: Design, host: Host, health: Health, reason: string, readAt: string): LiveStatus {
  const elements: Record<string, ElementLive> = {};
  for (const el of [host, ...hostInterfaces(host)]) {
    elements[el.id] = { health, reasons: [reason], readAt };
  }
  return { ...elements, ...cableStatuses(design, host, elements, false) };
}
