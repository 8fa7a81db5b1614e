/**
 * Who is connected to whom: cables between host ports and switch ports, the
 * bond a port belongs to, the port-channel a switch port belongs to, the
 * bridges above an interface. Built once per design index and shared by the
 * rules, the switch targets and the derive actions.
 */
import type { DesignIndex, ElementOf } from '../model/index-of.js';
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
  const bondsByPort = new Map<string, ElementOf<'bond'>[]>();
  const channelsByPort = new Map<string, ElementOf<'port-channel'>[]>();
  const bridgesByPort = new Map<string, ElementOf<'bridge'>[]>();
  const vlansByParent = new Map<string, ElementOf<'vlan'>[]>();
  const nicsByBridge = new Map<string, ElementOf<'vm-nic'>[]>();
  for (const located of index.all) {
    switch (located.kind) {
      case 'bond':
        for (const m of new Set(located.element.members)) push(bondsByPort, m, located);
        break;
      case 'port-channel':
        for (const m of new Set(located.element.members)) push(channelsByPort, m, located);
        break;
      case 'bridge':
        for (const p of new Set(located.element.ports)) push(bridgesByPort, p, located);
        break;
      case 'vlan':
        push(vlansByParent, located.element.parent, located);
        break;
      case 'vm-nic':
        push(nicsByBridge, located.element.bridge, located);
        break;
      default:
        break;
    }
  }

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
    bondsOfPort: (id) => bondsByPort.get(id) ?? [],
    portChannelsOfSwitchPort: (id) => channelsByPort.get(id) ?? [],
    bridgesOf: (id) => bridgesByPort.get(id) ?? [],
    vlanInterfacesOn: (id) => vlansByParent.get(id) ?? [],
    nicsOnBridge: (id) => nicsByBridge.get(id) ?? [],
  };
  cache.set(index, topology);
  return topology;
}
