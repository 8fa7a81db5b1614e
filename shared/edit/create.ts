/**
 * Adding elements the way the palette does: each new element gets a fresh id,
 * a name that is free on its device, the kind's defaults (from the schema) and
 * optionally a canvas position (relative to its host or switch).
 */
import {
  ELEMENT_SCHEMAS,
  Host,
  Network,
  PortChannel,
  Switch,
  SwitchPort,
  type Design,
  type Position,
  type SwitchVendor,
} from '../model/schema.js';
import { VENDORS } from '../vendors/index.js';
import {
  elementsIn,
  hostInterfaces,
  kindEntry,
  kindsOwnedBy,
  type Create,
  type FrameKind,
  type KindsOwnedBy,
  type PlaceableKind,
} from '../model/kinds/index.js';
import { takenIds, nextFree, nextNumbered, uniqueId } from './ids.js';
import { mapHost, mapSwitch, withPositions } from './update-in.js';

export type { PlaceableKind } from '../model/kinds/index.js';
export type HostElementKind = Extract<PlaceableKind, KindsOwnedBy<'host'>>;
export type SwitchElementKind = Extract<PlaceableKind, KindsOwnedBy<'switch'>>;

/** Palette kinds placed inside a host or a switch, in registry order. */
const placedIn = (frame: FrameKind): readonly string[] =>
  kindsOwnedBy(frame)
    .filter((k) => k.palette)
    .map((k) => k.id);
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
export const NETWORK_COLOURS = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#9333ea',
  '#dc2626',
  '#0891b2',
  '#db2777',
  '#65a30d',
] as const;

const place = (design: Design, id: string, position: Position | undefined): Design =>
  position ? withPositions(design, { [id]: position }) : design;

export function addHost(design: Design, position?: Position, name?: string): Created {
  const hostName =
    name ??
    nextNumbered(
      'host',
      design.hosts.map((h) => h.name),
      1,
    );
  const id = uniqueId(hostName, takenIds(design));
  const host = Host.parse({ id, name: hostName });
  return { design: place({ ...design, hosts: [...design.hosts, host] }, id, position), id };
}

export function addSwitch(design: Design, position?: Position, vendor: SwitchVendor = 'dell-os6'): Created {
  const name = nextNumbered(
    'switch',
    design.switches.map((s) => s.name),
    1,
  );
  const id = uniqueId(name, takenIds(design));
  const sw = Switch.parse({ id, name, vendor });
  return { design: place({ ...design, switches: [...design.switches, sw] }, id, position), id };
}

/** Adds an empty device of a frame kind (a host, a switch) with its defaults. */
export const ADD_DEVICE: Record<FrameKind, (design: Design, position?: Position) => Created> = {
  host: (design, position) => addHost(design, position),
  switch: (design, position) => addSwitch(design, position),
};

export function addNetwork(design: Design): Created {
  const vlan = nextFree(
    design.networks.map((n) => n.vlan),
    10,
  );
  const id = uniqueId(`net-${vlan}`, takenIds(design));
  const network = Network.parse({
    id,
    vlan,
    name: `vlan${vlan}`,
    colour: NETWORK_COLOURS[design.networks.length % NETWORK_COLOURS.length],
  });
  return { design: { ...design, networks: [...design.networks, network] }, id };
}

/** Adds an element of a kind the palette places in hosts (port, bond, bridge, VLAN interface, VM), as its registry entry says. */
export function addHostElement(design: Design, hostId: string, kind: HostElementKind, position?: Position): Created {
  const host = design.hosts.find((h) => h.id === hostId);
  if (!host) throw new Error(`no host with id "${hostId}"`);
  const entry = kindEntry(kind);
  const schema = ELEMENT_SCHEMAS[kind];
  if (!entry.create || !schema) throw new Error(`${entry.label} cannot be added from the palette`);
  const made = (entry.create as Create<Host>)({
    owner: host,
    design,
    names: hostInterfaces(host).map((i) => i.name),
    nextNumbered,
    nextFree,
    refuse: (message) => {
      throw new EditRefused(message);
    },
  });
  const id = uniqueId(made.idBase, takenIds(design));
  const element = schema.parse({ ...made.fields, id });
  const next = { ...host, [entry.collection]: [...elementsIn(host, entry), element] };
  return {
    design: place(
      mapHost(design, hostId, () => next),
      id,
      position,
    ),
    id,
  };
}

/** The next free port name in the vendor's scheme, unit 1. */
function nextSwitchPortName(sw: Switch): string {
  const stem = VENDORS[sw.vendor].newPortStem;
  const used = sw.ports.filter((p) => p.name.startsWith(stem)).map((p) => Number(p.name.slice(stem.length)));
  return `${stem}${nextFree(used, 1)}`;
}

/** Adds a switch port or a port-channel to a switch. */
export function addSwitchElement(
  design: Design,
  switchId: string,
  kind: SwitchElementKind,
  position?: Position,
): Created {
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
    const number = nextFree(
      sw.portChannels.map((p) => p.number),
      1,
    );
    id = uniqueId(`${sw.id}-po${number}`, taken);
    next = { ...sw, portChannels: [...sw.portChannels, PortChannel.parse({ id, number, members: [] })] };
  }
  return {
    design: place(
      mapSwitch(design, switchId, () => next),
      id,
      position,
    ),
    id,
  };
}

/** An edit the model cannot express; the message is for the person who tried it. */
export class EditRefused extends Error {}
