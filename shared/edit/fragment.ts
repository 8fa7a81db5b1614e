/**
 * Copy, paste and duplicate. A fragment is a self-contained slice of a design
 * (whole devices, or parts of one device, plus cables and networks among
 * them). Pasting gives every element a fresh id and a free name, keeps links
 * inside the fragment, and drops links to elements outside it that would make
 * the model wrong (a pasted bond does not steal the original's ports).
 */
import {
  childrenOf,
  elementsIn,
  hostInterfaces,
  kindsOwnedBy,
  type FrameKind,
  type KindEntry,
  type KindOf,
  type KindsOwnedBy,
  type OwnerKind,
  type ShapeOf,
} from '../model/kinds/index.js';
import type { Cable, Design, Host, Network, Position, Switch } from '../model/schema.js';
import { indexOf } from './cached-index.js';
import { nextFree, nextNumbered, takenIds, uniqueId } from './ids.js';
import { derivedVlanName, parentName } from './vlan-name.js';

type PartsOf<O extends FrameKind> = Pick<ShapeOf<O>, KindOf<KindsOwnedBy<O>>['collection'] & keyof ShapeOf<O>>;
type HostParts = PartsOf<'host'>;
type SwitchParts = PartsOf<'switch'>;

/** The lists of `device` that hold its parts (a host's ports, bonds, ...), each filtered by `keep`. */
function partsOf<O extends FrameKind>(
  frame: O,
  device: ShapeOf<O>,
  keep: (e: { readonly id: string }) => boolean,
): PartsOf<O> {
  return Object.fromEntries(
    kindsOwnedBy(frame).map((k) => [k.collection, elementsIn(device, k).filter(keep)]),
  ) as PartsOf<O>;
}

/** `device` with `parts` appended to its lists. */
function withParts<O extends FrameKind>(frame: O, device: ShapeOf<O>, parts: PartsOf<O>): ShapeOf<O> {
  const next: Record<string, unknown> = { ...device };
  for (const k of kindsOwnedBy(frame)) next[k.collection] = [...elementsIn(device, k), ...elementsIn(parts, k)];
  return next as ShapeOf<O>;
}

const hasParts = (frame: FrameKind, parts: object) => childrenOf(frame, parts).length > 0;

export interface Fragment {
  readonly hosts: readonly Host[];
  readonly switches: readonly Switch[];
  readonly hostParts: readonly { readonly host: string; readonly parts: HostParts }[];
  readonly switchParts: readonly { readonly switch: string; readonly parts: SwitchParts }[];
  readonly cables: readonly Cable[];
  readonly networks: readonly Network[];
  readonly layout: Readonly<Record<string, Position>>;
}

export function isEmptyFragment(f: Fragment): boolean {
  return f.hosts.length + f.switches.length + f.hostParts.length + f.switchParts.length + f.networks.length === 0;
}

/** The selected elements as a fragment; selecting a device takes all of it. */
export function copyFragment(design: Design, ids: Iterable<string>): Fragment {
  const selected = new Set(ids);
  const hosts = design.hosts.filter((h) => selected.has(h.id));
  const switches = design.switches.filter((s) => selected.has(s.id));
  const pick = <T extends { id: string }>(items: readonly T[]) => items.filter((i) => selected.has(i.id));
  const isSelected = (e: { readonly id: string }) => selected.has(e.id);
  const hostParts = design.hosts
    .filter((h) => !selected.has(h.id))
    .map((h) => ({ host: h.id, parts: partsOf('host', h, isSelected) }))
    .filter(({ parts }) => hasParts('host', parts));
  const switchParts = design.switches
    .filter((s) => !selected.has(s.id))
    .map((s) => ({ switch: s.id, parts: partsOf('switch', s, isSelected) }))
    .filter(({ parts }) => hasParts('switch', parts));
  const fragment = { hosts, switches, hostParts, switchParts, cables: [], networks: pick(design.networks), layout: {} };
  const inside = collectIds(fragment);
  const cables = design.cables.filter(
    (c) => selected.has(c.id) || (inside.has(c.hostPort) && inside.has(c.switchPort)),
  );
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([id]) => inside.has(id)));
  return { ...fragment, cables: cables.filter((c) => inside.has(c.hostPort) && inside.has(c.switchPort)), layout };
}

function collectIds(f: Pick<Fragment, 'hosts' | 'switches' | 'hostParts' | 'switchParts' | 'networks'>): Set<string> {
  const ids = new Set<string>();
  /** The ids an owner holds, and the ids those hold, down the registry's owners. */
  const addOwned = (kind: OwnerKind, owner: object) => {
    for (const k of kindsOwnedBy(kind)) {
      for (const e of elementsIn(owner, k)) {
        ids.add(e.id);
        addOwned(k.id, e);
      }
    }
  };
  for (const h of [...f.hosts, ...f.hostParts.map((p) => p.parts)]) addOwned('host', h);
  for (const s of [...f.switches, ...f.switchParts.map((p) => p.parts)]) addOwned('switch', s);
  for (const list of [f.hosts, f.switches, f.networks]) list.forEach((i) => ids.add(i.id));
  return ids;
}

export interface Pasted {
  readonly design: Design;
  /** Ids of the pasted top-level elements (to select them). */
  readonly ids: readonly string[];
}

/** `prefix` of a numbered name: `eth3` -> `eth`, `vmbr0` -> `vmbr`. */
const stem = (name: string) => name.replace(/\d+$/, '');

/** `name` if free in `names`, else the next free name of its stem; taken from then on. */
function rename(name: string, names: Set<string>): string {
  const next = names.has(name) ? nextNumbered(stem(name), names) : name;
  names.add(next);
  return next;
}

/**
 * Pastes a fragment. Device parts go back into their device when it still
 * exists, else into `into` (a host or switch id) when given, else are left out.
 */
export function pasteFragment(design: Design, fragment: Fragment, offset: Position, into?: string): Pasted {
  const taken = takenIds(design);
  const map = new Map<string, string>();
  const fresh = (id: string) => {
    const next = uniqueId(id.replace(/(-copy)?(-\d+)?$/, '') + '-copy', taken);
    map.set(id, next);
    return next;
  };
  collectIds(fragment).forEach(fresh);
  const mapped = (id: string) => map.get(id);
  const ids: string[] = [];
  const vmids = new Set(design.hosts.flatMap((h) => h.vms.map((v) => v.vmid)));
  const newVmid = () => {
    const n = nextFree(vmids, 100);
    vmids.add(n);
    return n;
  };

  /**
   * Names other than interface names that must be unique on the host being
   * pasted into (vSwitches, port groups), by the registry's unique group;
   * seeded per target host.
   */
  let groupNames = new Map<string, Set<string>>();
  const namesOf = (group: string): Set<string> => {
    const names = groupNames.get(group) ?? new Set<string>();
    groupNames.set(group, names);
    return names;
  };
  const seedGroupNames = (host: Host | undefined) => {
    groupNames = new Map();
    for (const kind of kindsOwnedBy('host')) {
      const group = kind.unique?.find((u) => u.field === 'name')?.group;
      if (group && !kind.hostInterface && host)
        for (const e of elementsIn(host, kind))
          if ('name' in e && typeof e.name === 'string') namesOf(group).add(e.name);
    }
  };

  /**
   * Copies one element and what it owns, as its registry entry says: a fresh
   * id, a free name for a host interface (against `names`) or for another
   * kind with a unique name (against the target host's), lists of
   * references kept only inside the fragment, single references kept outside
   * it only on the same host (else dropped, or the element left out when it
   * cannot live without it), and a fresh VM id for a VM.
   */
  const copyElement = (
    kind: KindEntry,
    element: { readonly id: string },
    names: Set<string>,
    sameHost: boolean,
  ): Record<string, unknown> | undefined => {
    const source = element as unknown as Record<string, unknown>;
    const next: Record<string, unknown> = { ...source, id: mapped(element.id)! };
    const nameGroup = kind.unique?.find((u) => u.field === 'name')?.group;
    if (kind.hostInterface) next.name = rename(source.name as string, names);
    else if (nameGroup) next.name = rename(source.name as string, namesOf(nameGroup));
    for (const reference of kind.references ?? []) {
      const value = source[reference.field];
      if (Array.isArray(value)) {
        next[reference.field] = (value as string[]).map(mapped).filter((id): id is string => id !== undefined);
      } else if (typeof value === 'string') {
        const to = mapped(value) ?? (sameHost ? value : undefined);
        if (to === undefined && reference.onDelete === 'delete-self') return undefined;
        if (to === undefined) delete next[reference.field];
        else next[reference.field] = to;
      }
    }
    for (const reference of kind.references ?? []) {
      const value = next[reference.field];
      if (
        reference.among !== undefined &&
        typeof value === 'string' &&
        !(next[reference.among] as readonly string[]).includes(value)
      )
        delete next[reference.field];
    }
    for (const child of kindsOwnedBy(kind.id))
      next[child.collection] = copyAll(child, elementsIn(element, child), names, sameHost);
    if (kind.id === 'vm') next.vmid = newVmid();
    return next;
  };
  const copyAll = (
    kind: KindEntry,
    elements: readonly { readonly id: string }[],
    names: Set<string>,
    sameHost: boolean,
  ) => elements.flatMap((e) => copyElement(kind, e, names, sameHost) ?? []);
  /** Copies host parts, renaming against `names` and keeping outside refs only when `sameHost`. */
  const copyHostParts = (parts: HostParts, names: Set<string>, sameHost: boolean): HostParts =>
    Object.fromEntries(
      kindsOwnedBy('host').map((k) => [k.collection, copyAll(k, elementsIn(parts, k), names, sameHost)]),
    ) as unknown as HostParts;
  /**
   * A pasted VLAN interface named `<parent>.<vid>` (`enp6s0.100`) keeps that
   * form with its new parent's name, never `enp6s0.0`; when that name is
   * taken it becomes `vlan<vid>`. Other names keep what `rename` gave them.
   */
  const followVlanNames = (
    parts: HostParts,
    home: Host | undefined,
    copy: HostParts,
    names: Set<string>,
  ): HostParts => {
    const source = new Map(parts.vlans.map((v) => [mapped(v.id)!, v]));
    const nameOf = (id: string, own: Pick<Host, 'ports' | 'bonds' | 'bridges'>) =>
      parentName(own, id) ?? (home && parentName(home, id));
    const vlans = copy.vlans.map((v) => {
      const was = source.get(v.id);
      if (!was || was.name !== `${nameOf(was.parent, parts)}.${was.vlan}`) return v;
      const parent = nameOf(v.parent, copy);
      const derived = parent === undefined ? undefined : derivedVlanName(parent, v.vlan);
      names.delete(v.name);
      const name = derived !== undefined && !names.has(derived) ? derived : nextNumbered('vlan', names, v.vlan);
      names.add(name);
      return { ...v, name };
    });
    return { ...copy, vlans };
  };
  const copySwitchParts = (parts: SwitchParts, sw: Switch): SwitchParts => {
    const names = new Set(sw.ports.map((p) => p.name));
    const unitStem = (name: string) => name.replace(/\d+$/, '');
    const numbers = new Set(sw.portChannels.map((p) => p.number));
    return {
      ports: parts.ports.map((p) => {
        let name = p.name;
        if (names.has(name)) {
          const s = unitStem(name);
          const used = [...names].filter((n) => n.startsWith(s)).map((n) => Number(n.slice(s.length)));
          name = `${s}${nextFree(used, 1)}`;
        }
        names.add(name);
        return { ...p, id: mapped(p.id)!, name };
      }),
      portChannels: parts.portChannels.map((pc) => {
        const number = numbers.has(pc.number) ? nextFree(numbers, 1) : pc.number;
        numbers.add(number);
        return {
          ...pc,
          id: mapped(pc.id)!,
          number,
          members: pc.members.map(mapped).filter((m): m is string => m !== undefined),
        };
      }),
    };
  };

  const deviceNames = new Set([...design.hosts.map((h) => h.name), ...design.switches.map((s) => s.name)]);
  const deviceName = (name: string) => {
    let n = 2;
    let next = `${name.replace(/-\d+$/, '')}-${n}`;
    while (deviceNames.has(next)) next = `${name.replace(/-\d+$/, '')}-${++n}`;
    deviceNames.add(next);
    return next;
  };

  let hosts = design.hosts.slice();
  let switches = design.switches.slice();
  for (const h of fragment.hosts) {
    seedGroupNames(undefined);
    hosts.push({ ...h, id: mapped(h.id)!, name: deviceName(h.name), ...copyHostParts(h, new Set(), false) });
    ids.push(mapped(h.id)!);
  }
  for (const s of fragment.switches) {
    switches.push({
      ...s,
      id: mapped(s.id)!,
      name: deviceName(s.name),
      ...copySwitchParts(s, { ...s, ports: [], portChannels: [] }),
    });
    ids.push(mapped(s.id)!);
  }
  for (const { host, parts } of fragment.hostParts) {
    const target = hosts.find((h) => h.id === host) ?? hosts.find((h) => h.id === into);
    if (!target) continue;
    const names = new Set(hostInterfaces(target).map((e) => e.name));
    seedGroupNames(target);
    const copy = followVlanNames(
      parts,
      target.id === host ? target : undefined,
      copyHostParts(parts, names, target.id === host),
      names,
    );
    hosts = hosts.map((h) => (h.id === target.id ? withParts('host', h, copy) : h));
    ids.push(...childrenOf('host', copy).map((e) => e.id));
  }
  for (const { switch: swId, parts } of fragment.switchParts) {
    const target = switches.find((s) => s.id === swId) ?? switches.find((s) => s.id === into);
    if (!target) continue;
    const copy = copySwitchParts(parts, target);
    switches = switches.map((s) => (s.id === target.id ? withParts('switch', s, copy) : s));
    ids.push(...childrenOf('switch', copy).map((e) => e.id));
  }
  const vlans = new Set(design.networks.map((n) => n.vlan));
  const networks = fragment.networks.map((n) => {
    const vlan = vlans.has(n.vlan) ? nextFree(vlans, n.vlan) : n.vlan;
    vlans.add(vlan);
    ids.push(mapped(n.id)!);
    return { ...n, id: mapped(n.id)!, vlan, name: vlan === n.vlan ? n.name : `${n.name}-${vlan}` };
  });
  const present = new Set([...indexOf({ ...design, hosts, switches }).byId.keys()]);
  const cables = fragment.cables
    .map((c) => ({ id: mapped(c.id) ?? fresh(c.id), hostPort: mapped(c.hostPort)!, switchPort: mapped(c.switchPort)! }))
    .filter((c) => present.has(c.hostPort) && present.has(c.switchPort));
  const layout = { ...design.layout };
  for (const [id, p] of Object.entries(fragment.layout)) {
    const to = mapped(id);
    if (to && present.has(to)) layout[to] = { ...p, x: p.x + offset.x, y: p.y + offset.y };
  }
  return {
    design: {
      ...design,
      hosts,
      switches,
      networks: [...design.networks, ...networks],
      cables: [...design.cables, ...cables],
      layout,
    },
    ids,
  };
}
