/**
 * Who is connected to whom: cables between host ports and switch ports, the
 * bond a port belongs to, the port-channel a switch port belongs to, the
 * bridges above an interface: every reference of the kind registry, read
 * backwards. Built once per design index and shared by the
 * rules, the switch targets and the derive actions.
 */
import type { DesignIndex, ElementKind, ElementOf, Located } from '../model/index-of.js';
import { kindEntry, type RefField, type ShapeOf } from '../model/kinds/index.js';
import type { Cable } from '../model/schema.js';

export interface Topology {
  readonly index: DesignIndex;
  /** Cables plugged into a host port (more than one is a design error). */
  cablesOfHostPort(portId: string): readonly Cable[];
  /** Cables plugged into a switch port (more than one is a design error). */
  cablesOfSwitchPort(switchPortId: string): readonly Cable[];
  /** The switch port at the other end of a host port's first cable. */
  switchPortOf(portId: string): ElementOf<'switch-port'> | undefined;
  /** The host port at the other end of a switch port's first cable. */
  hostPortOf(switchPortId: string): ElementOf<'port'> | undefined;
  /** Elements of `kind` whose reference `field` names the element (any kind, any reference the registry declares). */
  referrers<K extends ElementKind>(id: string, kind: K, field: RefField<ShapeOf<K>>): readonly ElementOf<K>[];
  /** Bonds that list the port as a member (more than one is a design error). */
  bondsOfPort(portId: string): readonly ElementOf<'bond'>[];
  /** Port-channels that list the switch port as a member. */
  portChannelsOfSwitchPort(switchPortId: string): readonly ElementOf<'port-channel'>[];
  /** Bridges that list the interface (port, bond, VLAN interface) among their ports. */
  bridgesOf(interfaceId: string): readonly ElementOf<'bridge'>[];
  /** VLAN interfaces whose parent is the interface. */
  vlanInterfacesOn(interfaceId: string): readonly ElementOf<'vlan'>[];
  /** VM NICs attached to the bridge. */
  nicsOnBridge(bridgeId: string): readonly ElementOf<'vm-nic'>[];
}

const cache = new WeakMap<DesignIndex, Topology>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The cables plugged into one end, and the element at the other end of the first (if it is of the kind expected). */
interface Plugged<K extends ElementKind> {
  readonly cables: Cable[];
  readonly farEnd: ElementOf<K> | undefined;
}

function plug<K extends ElementKind>(
  ends: Map<string, Plugged<K>>,
  id: string,
  cable: Cable,
  farEnd: () => ElementOf<K> | undefined,
): void {
  const plugged = ends.get(id);
  if (plugged) plugged.cables.push(cable);
  else ends.set(id, { cables: [cable], farEnd: farEnd() });
}

export function topologyOf(index: DesignIndex): Topology {
  const cached = cache.get(index);
  if (cached) return cached;

  // Each end of a cable with the cables plugged into it and the element at the other end of the
  // first one, found once here: rules ask for the far end of every port, often several times.
  const byHostPort = new Map<string, Plugged<'switch-port'>>();
  const bySwitchPort = new Map<string, Plugged<'port'>>();
  for (const cable of index.design.cables) {
    plug(byHostPort, cable.hostPort, cable, () => index.get(cable.switchPort, 'switch-port'));
    plug(bySwitchPort, cable.switchPort, cable, () => index.get(cable.hostPort, 'port'));
  }
  // Every reference the registry declares, read backwards: kind -> field -> target id -> elements holding it.
  const referrers = new Map<string, Map<string, Map<string, Located[]>>>();
  for (const located of index.all) {
    const references = kindEntry(located.kind).references;
    if (!references) continue;
    const element = located.element as unknown as Record<string, unknown>;
    let byField = referrers.get(located.kind);
    if (!byField) referrers.set(located.kind, (byField = new Map()));
    for (const reference of references) {
      let byTarget = byField.get(reference.field);
      if (!byTarget) byField.set(reference.field, (byTarget = new Map()));
      const value = element[reference.field];
      if (typeof value === 'string') push(byTarget, value, located);
      else if (Array.isArray(value)) {
        const ids = value as readonly string[];
        // A list naming an element twice holds it once.
        for (let i = 0; i < ids.length; i++) if (ids.indexOf(ids[i]!) === i) push(byTarget, ids[i]!, located);
      }
    }
  }
  const held = <K extends ElementKind>(id: string, kind: K, field: RefField<ShapeOf<K>>) =>
    (referrers.get(kind)?.get(field)?.get(id) ?? []) as unknown as readonly ElementOf<K>[];

  const topology: Topology = {
    index,
    cablesOfHostPort: (id) => byHostPort.get(id)?.cables ?? [],
    cablesOfSwitchPort: (id) => bySwitchPort.get(id)?.cables ?? [],
    switchPortOf: (id) => byHostPort.get(id)?.farEnd,
    hostPortOf: (id) => bySwitchPort.get(id)?.farEnd,
    referrers: held,
    bondsOfPort: (id) => held(id, 'bond', 'members'),
    portChannelsOfSwitchPort: (id) => held(id, 'port-channel', 'members'),
    bridgesOf: (id) => held(id, 'bridge', 'ports'),
    vlanInterfacesOn: (id) => held(id, 'vlan', 'parent'),
    nicsOnBridge: (id) => held(id, 'vm-nic', 'bridge'),
  };
  cache.set(index, topology);
  return topology;
}
