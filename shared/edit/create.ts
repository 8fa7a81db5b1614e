/**
 * Adding elements the way the palette does: each new element gets a fresh id,
 * a name that is free on its device, the kind's defaults (from the schema) and
 * optionally a canvas position (relative to its host or switch).
 */
import {
  Bond,
  Bridge,
  Host,
  Network,
  OvsBond,
  OvsBridge,
  OvsIntPort,
  Port,
  PortChannel,
  Switch,
  SwitchPort,
  VlanInterface,
  Vm,
  type Design,
  type Position,
  type SwitchVendor,
} from '../model/schema.js';
import { hostInterfaces, kindsOwnedBy, type FrameKind, type KindsOwnedBy, type PlaceableKind } from '../model/kinds/index.js';
import { takenIds, nextFree, nextNumbered, uniqueId } from './ids.js';
import { mapHost, mapSwitch, withPositions } from './update-in.js';

export type { PlaceableKind } from '../model/kinds/index.js';
export type HostElementKind = Extract<PlaceableKind, KindsOwnedBy<'host'>>;
export type SwitchElementKind = Extract<PlaceableKind, KindsOwnedBy<'switch'>>;

/** Palette kinds placed inside a host or a switch, in registry order. */
const placedIn = (frame: FrameKind): readonly string[] => kindsOwnedBy(frame).filter((k) => k.palette).map((k) => k.id);
export const HOST_ELEMENT_KINDS = placedIn('host') as readonly HostElementKind[];
export const SWITCH_ELEMENT_KINDS = placedIn('switch') as readonly SwitchElementKind[];

export function isHostElementKind(kind: string): kind is HostElementKind {
  return (HOST_ELEMENT_KINDS as readonly string[]).includes(kind);
}
export function isSwitchElementKind(kind: string): kind is SwitchElementKind {
  return (SWITCH_ELEMENT_KINDS as readonly string[]).includes(kind);
}

export interface Created {
  readonly design: Design;
  readonly id: string;
}

/** Colours handed to new networks in turn. */
export const NETWORK_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#db2777', '#65a30d'] as const;

const place = (design: Design, id: string, position: Position | undefined): Design =>
  position ? withPositions(design, { [id]: position }) : design;

export function addHost(design: Design, position?: Position, name?: string): Created {
  const hostName = name ?? nextNumbered('host', design.hosts.map((h) => h.name), 1);
  const id = uniqueId(hostName, takenIds(design));
  const host = Host.parse({ id, name: hostName });
  return { design: place({ ...design, hosts: [...design.hosts, host] }, id, position), id };
}

export function addSwitch(design: Design, position?: Position, vendor: SwitchVendor = 'dell-os6'): Created {
  const name = nextNumbered('switch', design.switches.map((s) => s.name), 1);
  const id = uniqueId(name, takenIds(design));
  const sw = Switch.parse({ id, name, vendor });
  return { design: place({ ...design, switches: [...design.switches, sw] }, id, position), id };
}

export function addNetwork(design: Design): Created {
  const vlan = nextFree(design.networks.map((n) => n.vlan), 10);
  const id = uniqueId(`net-${vlan}`, takenIds(design));
  const network = Network.parse({
    id,
    vlan,
    name: `vlan${vlan}`,
    colour: NETWORK_COLOURS[design.networks.length % NETWORK_COLOURS.length],
  });
  return { design: { ...design, networks: [...design.networks, network] }, id };
}

/** Adds a port, bond, bridge, VLAN interface or VM to a host. */
export function addHostElement(design: Design, hostId: string, kind: HostElementKind, position?: Position): Created {
  const host = design.hosts.find((h) => h.id === hostId);
  if (!host) throw new Error(`no host with id "${hostId}"`);
  const taken = takenIds(design);
  const names = hostInterfaces(host).map((i) => i.name);
  let id = '';
  let next: Host;
  switch (kind) {
    case 'port': {
      const name = nextNumbered('eth', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, ports: [...host.ports, Port.parse({ id, name })] };
      break;
    }
    case 'bond': {
      const name = nextNumbered('bond', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, bonds: [...host.bonds, Bond.parse({ id, name, members: [] })] };
      break;
    }
    case 'bridge': {
      const name = nextNumbered('vmbr', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, bridges: [...host.bridges, Bridge.parse({ id, name, ports: [] })] };
      break;
    }
    case 'vlan': {
      const parent = host.bridges[0] ?? host.bonds[0] ?? host.ports[0];
      if (!parent) throw new EditRefused(`host ${host.name} has no port, bond or bridge to carry a VLAN interface yet`);
      const used = host.vlans.filter((v) => v.parent === parent.id).map((v) => v.vlan);
      const vlan = design.networks.find((n) => !used.includes(n.vlan))?.vlan ?? nextFree(used, 10);
      const name = `${parent.name}.${vlan}`.length <= 15 ? `${parent.name}.${vlan}` : nextNumbered('vlan', names, vlan);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, vlans: [...host.vlans, VlanInterface.parse({ id, name, parent: parent.id, vlan })] };
      break;
    }
    case 'ovs-bond': {
      const name = nextNumbered('bond', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, ovsBonds: [...host.ovsBonds, OvsBond.parse({ id, name, members: [] })] };
      break;
    }
    case 'ovs-bridge': {
      const name = nextNumbered('vmbr', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, ovsBridges: [...host.ovsBridges, OvsBridge.parse({ id, name, ports: [] })] };
      break;
    }
    case 'ovs-int-port': {
      const name = nextNumbered('vlan', names);
      id = uniqueId(`${host.id}-${name}`, taken);
      next = { ...host, ovsIntPorts: [...host.ovsIntPorts, OvsIntPort.parse({ id, name })] };
      break;
    }
    case 'vm': {
      const vmid = nextFree(design.hosts.flatMap((h) => h.vms.map((v) => v.vmid)), 100);
      id = uniqueId(`vm-${vmid}`, taken);
      next = { ...host, vms: [...host.vms, Vm.parse({ id, vmid, name: `vm${vmid}`, nics: [] })] };
      break;
    }
  }
  return { design: place(mapHost(design, hostId, () => next), id, position), id };
}

/** The next free port name in the vendor's scheme, unit 1. */
function nextSwitchPortName(sw: Switch): string {
  const stem = sw.vendor === 'dell-os6' ? 'Tengigabitethernet1/0/' : 'GigabitEthernet1/0/';
  const used = sw.ports.filter((p) => p.name.startsWith(stem)).map((p) => Number(p.name.slice(stem.length)));
  return `${stem}${nextFree(used, 1)}`;
}

/** Adds a switch port or a port-channel to a switch. */
export function addSwitchElement(design: Design, switchId: string, kind: SwitchElementKind, position?: Position): Created {
  const sw = design.switches.find((s) => s.id === switchId);
  if (!sw) throw new Error(`no switch with id "${switchId}"`);
  const taken = takenIds(design);
  let id: string;
  let next: Switch;
  if (kind === 'switch-port') {
    const name = nextSwitchPortName(sw);
    id = uniqueId(`${sw.id}-${name}`, taken);
    next = { ...sw, ports: [...sw.ports, SwitchPort.parse({ id, name })] };
  } else {
    const number = nextFree(sw.portChannels.map((p) => p.number), 1);
    id = uniqueId(`${sw.id}-po${number}`, taken);
    next = { ...sw, portChannels: [...sw.portChannels, PortChannel.parse({ id, number, members: [] })] };
  }
  return { design: place(mapSwitch(design, switchId, () => next), id, position), id };
}

/** An edit the model cannot express; the message is for the person who tried it. */
export class EditRefused extends Error {}
