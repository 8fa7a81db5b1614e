/**
 * The inspector's "create or fix the port-channel" action for a host bond:
 * from the switch ports the bond's members are cabled to, make (or correct)
 * the port-channel on each switch so that both ends form one LAG carrying
 * what the host uses. Pure: returns a new design and what changed, or why
 * nothing can be done.
 */
import { indexDesign, type ElementOf } from '../model/index-of.js';
import type { BondMode, LacpMode } from '../model/kinds/index.js';
import type { Design, PortChannel, Switch, Switchport } from '../model/schema.js';
import { formatVlanSet, normalizeRanges, parseVlanSet, vlanSetFromIds, type VlanRange } from '../model/vlan-set.js';
import { switchPayloadMtu, VENDORS } from '../vendors/index.js';
import { DEFAULT_VLAN } from './switch-side.js';
import { topologyOf } from './topology.js';
import { switchPortsOfUplink, uplinkVlans } from './uplink-vlans.js';

export type DeriveResult =
  { readonly design: Design; readonly changes: readonly string[] } | { readonly error: string };

/** The switch side each bonding mode needs, or why it needs none. */
const LAG_FOR_MODE: Record<BondMode, LacpMode | 'none'> = {
  '802.3ad': 'active',
  'balance-rr': 'on',
  'balance-xor': 'on',
  broadcast: 'on',
  'active-backup': 'none',
  'balance-tlb': 'none',
  'balance-alb': 'none',
};

const MAX_PORT_CHANNEL = 128;

interface Needs {
  /** Every VLAN to allow, or 'all'. */
  readonly allowed: 'all' | readonly VlanRange[];
  /** VLAN of untagged frames, when the host says. */
  readonly untagged?: number;
  readonly tagged: boolean;
}

function needsOf(bond: ElementOf<'bond'>, design: Design): Needs | { error: string } {
  const usage = uplinkVlans(topologyOf(indexDesign(design)), bond);
  const untaggedVlans = [...new Set(usage.untagged.map((u) => u.vlan))];
  if (untaggedVlans.length > 1) {
    return {
      error: `${bond.element.name} on ${bond.host.name} sends untagged frames for ${usage.untagged.map((u) => `VLAN ${u.vlan} (${u.what})`).join(' and ')}; make the host agree on one untagged VLAN first`,
    };
  }
  const untagged = untaggedVlans[0];
  const ids = [...usage.tagged.map((t) => t.vlan), ...(untagged === undefined ? [] : [untagged])];
  const ranges = normalizeRanges([...vlanSetFromIds(ids), ...usage.vids.flatMap((v) => v.ranges)]);
  const coversAll = ranges.some((r) => r.from <= 2 && r.to >= 4094);
  return {
    allowed: usage.carriesAnyVlan || coversAll ? 'all' : ranges,
    untagged,
    tagged: usage.tagged.length > 0 || usage.vids.length > 0 || usage.carriesAnyVlan,
  };
}

function switchportFor(needs: Needs): Switchport | undefined {
  if (!needs.tagged) return needs.untagged === undefined ? undefined : { mode: 'access', vlan: needs.untagged };
  const native = needs.untagged === undefined || needs.untagged === DEFAULT_VLAN ? {} : { native: needs.untagged };
  return { mode: 'trunk', allowed: needs.allowed === 'all' ? 'all' : formatVlanSet(needs.allowed), ...native };
}

/** Corrects an existing switchport only where it falls short of the needs; returns the changes made. */
function fixSwitchport(
  current: Switchport | undefined,
  needs: Needs,
): { switchport: Switchport | undefined; changes: string[] } {
  const wanted = switchportFor(needs);
  if (wanted === undefined) return { switchport: current, changes: [] };
  if (current?.mode !== 'trunk') {
    if (JSON.stringify(current) === JSON.stringify(wanted)) return { switchport: current, changes: [] };
    return { switchport: wanted, changes: [`switchport: ${describe(current)} -> ${describe(wanted)}`] };
  }
  // A trunk stays a trunk: widen its allowed VLANs and set its native VLAN as needed.
  const wantedAllowed = wanted.mode === 'trunk' ? wanted.allowed : String(wanted.vlan);
  const changes: string[] = [];
  let allowed = current.allowed;
  if (allowed !== 'all') {
    const merged =
      wantedAllowed === 'all'
        ? 'all'
        : formatVlanSet(normalizeRanges([...parseVlanSet(allowed), ...parseVlanSet(wantedAllowed)]));
    if (merged !== allowed) {
      changes.push(`allowed VLANs: ${allowed} -> ${merged}`);
      allowed = merged;
    }
  }
  const native = needs.untagged ?? current.native ?? DEFAULT_VLAN;
  if (native !== (current.native ?? DEFAULT_VLAN))
    changes.push(`native VLAN: ${current.native ?? DEFAULT_VLAN} -> ${native}`);
  return { switchport: { mode: 'trunk', allowed, ...(native === DEFAULT_VLAN ? {} : { native }) }, changes };
}

function describe(switchport: Switchport | undefined): string {
  if (switchport === undefined) return 'default (access VLAN 1)';
  if (switchport.mode === 'access') return `access VLAN ${switchport.vlan}`;
  return `trunk allowing ${switchport.allowed}${switchport.native === undefined ? '' : `, native ${switchport.native}`}`;
}

function freeNumber(switches: readonly Switch[]): number | undefined {
  for (let n = 1; n <= MAX_PORT_CHANNEL; n++)
    if (switches.every((s) => !s.portChannels.some((pc) => pc.number === n))) return n;
  return undefined;
}

function freeId(design: Design, base: string): string {
  const ids = new Set(indexDesign(design).all.map((l) => l.element.id));
  let id = base;
  for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
  return id;
}

export function derivePortChannel(source: Design, bondId: string): DeriveResult {
  const index = indexDesign(source);
  const bond = index.get(bondId, 'bond');
  if (!bond) return { error: `there is no bond with id "${bondId}"` };
  const lacp = LAG_FOR_MODE[bond.element.mode];
  if (lacp === 'none') {
    return {
      error: `${bond.element.name} is ${bond.element.mode}, which needs no port-channel: its switch ports stay plain ports`,
    };
  }
  const topology = topologyOf(index);
  const cabled = switchPortsOfUplink(topology, bond);
  if (cabled.length === 0)
    return { error: `no member of ${bond.element.name} on ${bond.host.name} is cabled to a switch port` };

  const switches = [...new Map(cabled.map((sp) => [sp.switch.id, sp.switch])).values()];
  const paired = (a: Switch, b: Switch) => a.mlagPeer === b.id || b.mlagPeer === a.id;
  if (switches.some((a, i) => switches.slice(i + 1).some((b) => !paired(a, b)))) {
    return {
      error: `the members of ${bond.element.name} reach ${switches.map((s) => s.name).join(' and ')}, which are neither one stack nor an MLAG pair; one port-channel cannot span them`,
    };
  }
  const needs = needsOf(bond, source);
  if ('error' in needs) return needs;

  const design = JSON.parse(JSON.stringify(source)) as Design;
  const changes: string[] = [];
  // Reuse a port-channel that already holds the bond's ports and leads nowhere else.
  const leadsHere = (pc: ElementOf<'port-channel'>) =>
    pc.element.members.every((m) => {
      const hostPort = topology.hostPortOf(m);
      return hostPort === undefined || bond.element.members.includes(hostPort.element.id);
    });
  const existing = cabled.flatMap((sp) => topology.portChannelsOfSwitchPort(sp)).find(leadsHere);
  const number = existing?.element.number ?? freeNumber(switches);
  if (number === undefined)
    return {
      error: `every port-channel number (1-${MAX_PORT_CHANNEL}) is taken on ${switches.map((s) => s.name).join(' and ')}`,
    };
  const taken = switches.find((sw) => {
    const same = index.all.find(
      (l) => l.kind === 'port-channel' && l.switch.id === sw.id && l.element.number === number,
    );
    return same?.kind === 'port-channel' && !leadsHere(same);
  });
  if (taken)
    return {
      error: `port-channel ${number} on ${taken.name} already leads to another host; free it or renumber one of them`,
    };

  for (const original of switches) {
    const sw = design.switches.find((s) => s.id === original.id)!;
    const members = cabled.filter((sp) => sp.switch.id === sw.id).map((sp) => sp.element.id);
    const name = (id: string) => sw.ports.find((p) => p.id === id)?.name ?? id;
    // A port belongs to one port-channel: take the bond's ports out of any other.
    for (const other of sw.portChannels) {
      if (other.number === number) continue;
      const leaving = other.members.filter((m) => members.includes(m));
      if (leaving.length > 0) {
        other.members = other.members.filter((m) => !members.includes(m));
        changes.push(`${sw.name}: removed ${leaving.map(name).join(', ')} from port-channel ${other.number}`);
      }
    }
    const emptied = sw.portChannels.filter(
      (pc) =>
        pc.number !== number &&
        pc.members.length === 0 &&
        original.portChannels.some((o) => o.id === pc.id && o.members.length > 0),
    );
    for (const pc of emptied) changes.push(`${sw.name}: deleted port-channel ${pc.number}, which has no members left`);
    sw.portChannels = sw.portChannels.filter((pc) => !emptied.includes(pc));
    let channel: PortChannel | undefined = sw.portChannels.find((pc) => pc.number === number);
    if (!channel) {
      const switchport = switchportFor(needs);
      channel = {
        id: freeId(design, `${sw.id}-po${number}`),
        number,
        members,
        lacp,
        ...(switchport ? { switchport } : {}),
      };
      sw.portChannels.push(channel);
      sw.portChannels.sort((a, b) => a.number - b.number);
      changes.push(
        `${sw.name}: created port-channel ${number} (mode ${lacp}, ${describe(channel.switchport)}) on ${members.map(name).join(', ')}`,
      );
    } else {
      const added = members.filter((m) => !channel!.members.includes(m));
      const dropped = channel.members.filter((m) => !members.includes(m));
      if (added.length > 0 || dropped.length > 0) {
        channel.members = members;
        if (added.length > 0) changes.push(`${sw.name}: port-channel ${number}: added ${added.map(name).join(', ')}`);
        if (dropped.length > 0)
          changes.push(
            `${sw.name}: port-channel ${number}: removed ${dropped.map(name).join(', ')} (not cabled to ${bond.element.name})`,
          );
      }
      if (channel.lacp !== lacp) {
        changes.push(`${sw.name}: port-channel ${number}: LACP mode ${channel.lacp} -> ${lacp}`);
        channel.lacp = lacp;
      }
      const fixed = fixSwitchport(channel.switchport, needs);
      if (fixed.switchport) channel.switchport = fixed.switchport;
      changes.push(...fixed.changes.map((c) => `${sw.name}: port-channel ${number}: ${c}`));
    }
    const bondMtu = bond.element.mtu;
    if (bondMtu !== undefined && switchPayloadMtu(sw.vendor, channel.mtu) < bondMtu) {
      const mtu = bondMtu + VENDORS[sw.vendor].mtuOverhead;
      changes.push(
        `${sw.name}: port-channel ${number}: MTU ${channel.mtu ?? 'default'} -> ${mtu} to carry the bond's ${bondMtu}-byte packets`,
      );
      channel.mtu = mtu;
    }
  }
  return { design, changes };
}
