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

export function topologyOf(index: DesignIndex): Topology {
  const cached = cache.get(index);
  if (cached) return cached;

  const byHostPort = new Map<string, Cable[]>();
  const bySwitchPort = new Map<string, Cable[]>();
  for (const cable of index.design.cables) {
    push(byHostPort, cable.hostPort, cable);
    push(bySwitchPort, cable.switchPort, cable);
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
      else if (Array.isArray(value))
        (value as string[]).forEach((id, i) => {
          if (value.indexOf(id) === i) push(byTarget, id, located);
        });
    }
  }
  const held = <K extends ElementKind>(id: string, kind: K, field: RefField<ShapeOf<K>>) =>
    (referrers.get(kind)?.get(field)?.get(id) ?? []) as unknown as readonly ElementOf<K>[];

  const topology: Topology = {
    index,
    cablesOfHostPort: (id) => byHostPort.get(id) ?? [],
    cablesOfSwitchPort: (id) => bySwitchPort.get(id) ?? [],
    switchPortOf: (id) => {
      const cable = byHostPort.get(id)?.[0];
      return cable && index.get(cable.switchPort, 'switch-port');
    },
    hostPortOf: (id) => {
      const cable = bySwitchPort.get(id)?.[0];
      return cable && index.get(cable.hostPort, 'port');
    },
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
