/**
 * Who is connected to whom: cables between host ports and switch ports, the
 * bond a port belongs to, the port-channel a switch port belongs to, the
 * bridges above an interface: every reference of the kind registry, read
 * backwards from the links the design index resolved. Shared per index by the
 * rules, the switch targets and the derive actions.
 */
import type { DesignIndex, ElementKind, ElementOf, Located } from '../model/index-of.js';
import type { RefField, ShapeOf } from '../model/kinds/index.js';
import type { Cable } from '../model/schema.js';

/** An element, by id or as indexed: a caller holding the indexed element saves the lookup. */
export type ElementRef = string | Located;

export interface Topology {
  readonly index: DesignIndex;
  /** Cables plugged into a host port (more than one is a design error). */
  cablesOfHostPort(port: ElementRef): readonly Cable[];
  /** Cables plugged into a switch port (more than one is a design error). */
  cablesOfSwitchPort(switchPort: ElementRef): readonly Cable[];
  /** The switch port at the other end of a host port's first cable. */
  switchPortOf(port: ElementRef): ElementOf<'switch-port'> | undefined;
  /** The host port at the other end of a switch port's first cable. */
  hostPortOf(switchPort: ElementRef): ElementOf<'port'> | undefined;
  /** Elements of `kind` whose reference `field` names the element (any kind, any reference the registry declares). */
  referrers<K extends ElementKind>(target: ElementRef, kind: K, field: RefField<ShapeOf<K>>): readonly ElementOf<K>[];
  /** Bonds that list the port as a member (more than one is a design error). */
  bondsOfPort(port: ElementRef): readonly ElementOf<'bond'>[];
  /** Port-channels that list the switch port as a member. */
  portChannelsOfSwitchPort(switchPort: ElementRef): readonly ElementOf<'port-channel'>[];
  /** Bridges that list the interface (port, bond, VLAN interface) among their ports. */
  bridgesOf(iface: ElementRef): readonly ElementOf<'bridge'>[];
  /** VLAN interfaces whose parent is the interface. */
  vlanInterfacesOn(iface: ElementRef): readonly ElementOf<'vlan'>[];
  /** VM NICs attached to the bridge. */
  nicsOnBridge(bridge: ElementRef): readonly ElementOf<'vm-nic'>[];
}

const cache = new WeakMap<DesignIndex, Topology>();
const NONE: readonly never[] = [];

export function topologyOf(index: DesignIndex): Topology {
  const cached = cache.get(index);
  if (cached) return cached;

  const locate = (ref: ElementRef) => (typeof ref === 'string' ? index.byId.get(ref) : ref);
  /** Whether `by`'s reference `field` names `target`: the index resolved both ends, so this compares elements, not ids. */
  const names = (by: Located, field: string, target: Located) => {
    const resolved = index.resolved(by, field);
    return resolved === target || (Array.isArray(resolved) && resolved.includes(target));
  };
  // The index holds every reference read backwards; most elements have one referrer or none, so
  // the common answer is the index's own list or nothing, without a new array.
  const held = <K extends ElementKind>(ref: ElementRef, kind: K, field: RefField<ShapeOf<K>>) => {
    const target = locate(ref);
    if (!target) return NONE;
    const all = index.referrersOf(target);
    let matching = 0;
    for (const by of all) if (by.kind === kind && names(by, field, target)) matching++;
    if (matching === all.length) return all as readonly ElementOf<K>[];
    if (matching === 0) return NONE;
    return all.filter((by) => by.kind === kind && names(by, field, target)) as ElementOf<K>[];
  };
  const cablesAt = (ref: ElementRef, end: 'hostPort' | 'switchPort') => held(ref, 'cable', end);
  /** The element at the other end of the first cable plugged in at `ref`, if it is of `kind`. */
  const farEnd = <K extends 'port' | 'switch-port'>(ref: ElementRef, end: 'hostPort' | 'switchPort', kind: K) => {
    const cable = cablesAt(ref, end)[0];
    return cable && index.target(cable, end === 'hostPort' ? 'switchPort' : 'hostPort', kind);
  };

  const topology: Topology = {
    index,
    cablesOfHostPort: (ref) => cablesAt(ref, 'hostPort').map((c) => c.element),
    cablesOfSwitchPort: (ref) => cablesAt(ref, 'switchPort').map((c) => c.element),
    switchPortOf: (ref) => farEnd(ref, 'hostPort', 'switch-port'),
    hostPortOf: (ref) => farEnd(ref, 'switchPort', 'port'),
    referrers: held,
    bondsOfPort: (ref) => held(ref, 'bond', 'members'),
    portChannelsOfSwitchPort: (ref) => held(ref, 'port-channel', 'members'),
    bridgesOf: (ref) => held(ref, 'bridge', 'ports'),
    vlanInterfacesOn: (ref) => held(ref, 'vlan', 'parent'),
    nicsOnBridge: (ref) => held(ref, 'vm-nic', 'bridge'),
  };
  cache.set(index, topology);
  return topology;
}
