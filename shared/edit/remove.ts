/**
 * Deleting elements and links. What depends on a deleted element goes with
 * it (a host's interfaces, a VM's NICs, the NICs on a deleted bridge, VLAN
 * interfaces on a deleted parent, cables to a deleted port); references to it
 * elsewhere (bond members, bridge ports, port-channel members) are dropped, so
 * the result is always a loadable design.
 */
import type { Design, Host, Switch } from '../model/schema.js';
import { linkId, listLinks, type Link } from './links.js';

function expand(design: Design, ids: Set<string>): Set<string> {
  const gone = new Set(ids);
  for (const host of design.hosts) {
    if (gone.has(host.id)) {
      for (const e of [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans, ...host.vms]) gone.add(e.id);
    }
    for (const vm of host.vms) if (gone.has(vm.id)) for (const nic of vm.nics) gone.add(nic.id);
  }
  for (const sw of design.switches) {
    if (gone.has(sw.id)) for (const e of [...sw.ports, ...sw.portChannels]) gone.add(e.id);
  }
  // VLAN interfaces stacked on VLAN interfaces: repeat until nothing new goes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const host of design.hosts) {
      for (const vlan of host.vlans) {
        if (!gone.has(vlan.id) && gone.has(vlan.parent)) {
          gone.add(vlan.id);
          changed = true;
        }
      }
    }
  }
  for (const host of design.hosts) {
    for (const vm of host.vms) for (const nic of vm.nics) if (gone.has(nic.bridge)) gone.add(nic.id);
  }
  for (const cable of design.cables) if (gone.has(cable.hostPort) || gone.has(cable.switchPort)) gone.add(cable.id);
  return gone;
}

/** `items` without the unwanted ones; the same array when nothing goes. */
function keepSame<T>(items: T[], wanted: (item: T) => boolean): T[] {
  const kept = items.filter(wanted);
  return kept.length === items.length ? items : kept;
}

/** `items` mapped; the same array when every item maps to itself. */
function mapSame<T>(items: T[], fn: (item: T) => T): T[] {
  const mapped = items.map(fn);
  return mapped.every((m, i) => m === items[i]) ? items : mapped;
}

/** `next` unless every field is identical to `before`'s, so untouched parts keep their identity. */
function sameOr<T extends object>(before: T, next: T): T {
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]) as Set<keyof T>;
  return [...keys].every((k) => before[k] === next[k]) ? before : next;
}

function pruneHost(host: Host, gone: Set<string>, cut: Set<string>): Host {
  const live = (i: { id: string }) => !gone.has(i.id);
  return sameOr(host, {
    ...host,
    ports: keepSame(host.ports, live),
    bonds: mapSame(keepSame(host.bonds, live), (b) => {
      const members = keepSame(b.members, (m) => !gone.has(m) && !cut.has(linkId.bondMember(b.id, m)));
      if (members === b.members) return b;
      const next = { ...b, members };
      if (b.primary !== undefined && !members.includes(b.primary)) delete next.primary;
      return next;
    }),
    bridges: mapSame(keepSame(host.bridges, live), (b) =>
      sameOr(b, { ...b, ports: keepSame(b.ports, (p) => !gone.has(p) && !cut.has(linkId.bridgePort(b.id, p))) }),
    ),
    vlans: keepSame(host.vlans, live),
    vms: mapSame(keepSame(host.vms, live), (vm) => sameOr(vm, { ...vm, nics: keepSame(vm.nics, live) })),
  });
}

function pruneSwitch(sw: Switch, gone: Set<string>, cut: Set<string>): Switch {
  const next: Switch = {
    ...sw,
    ports: keepSame(sw.ports, (p) => !gone.has(p.id)),
    portChannels: mapSame(keepSame(sw.portChannels, (pc) => !gone.has(pc.id)), (pc) =>
      sameOr(pc, { ...pc, members: keepSame(pc.members, (m) => !gone.has(m) && !cut.has(linkId.channelMember(pc.id, m))) }),
    ),
  };
  if (sw.mlagPeer !== undefined && gone.has(sw.mlagPeer)) delete next.mlagPeer;
  return sameOr(sw, next);
}

/**
 * Removes elements and links by id (element ids, cable ids, NIC ids, derived
 * membership ids). A VLAN interface's parent link cannot be cut alone (a VLAN
 * interface always has a parent), so cutting it removes the VLAN interface.
 */
export function removeElements(design: Design, ids: Iterable<string>): Design {
  const requested = new Set(ids);
  const cut = new Set<string>();
  const links = new Map<string, Link>(listLinks(design).map((l) => [l.id, l]));
  for (const id of requested) {
    const link = links.get(id);
    if (!link) continue;
    if (link.kind === 'vlan-parent') requested.add(link.target);
    else cut.add(id);
  }
  const gone = expand(design, requested);
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([id]) => !gone.has(id)));
  return {
    ...design,
    networks: keepSame(design.networks, (n) => !gone.has(n.id)),
    hosts: mapSame(keepSame(design.hosts, (h) => !gone.has(h.id)), (h) => pruneHost(h, gone, cut)),
    switches: mapSame(keepSame(design.switches, (s) => !gone.has(s.id)), (s) => pruneSwitch(s, gone, cut)),
    cables: keepSame(design.cables, (c) => !gone.has(c.id)),
    layout,
  };
}
