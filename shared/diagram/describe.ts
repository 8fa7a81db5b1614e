/** The line of detail under a node's title, from the element's own fields; kinds without an entry show their label. */
import type {
  Bond,
  Design,
  Bridge,
  Port,
  PortChannel,
  Switchport,
  SwitchVendor,
  VirtualNetwork,
  VlanInterface,
  Vm,
} from '../model/schema.js';
import { shortPortName } from '../vendors/index.js';
import {
  kindEntry,
  kindTitle,
  PORT_GROUP_ALL_VLANS,
  type NodeKind,
  type ShapeOf,
  type VIRTUAL_NETWORK_MODES,
} from '../model/kinds/index.js';

export function speedText(mbps: number | undefined): string | undefined {
  if (mbps === undefined) return undefined;
  return mbps >= 1000 ? `${mbps / 1000} GbE` : `${mbps} Mb/s`;
}

const joined = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' · ');

export const describePort = (p: Port) =>
  joined(
    speedText(p.speed),
    p.mtu !== undefined && `MTU ${p.mtu}`,
    p.inet?.method === 'static' && p.inet.addresses[0],
  ) || 'port';
export const describeBond = (b: Bond) =>
  joined(
    b.mode,
    b.mode === '802.3ad' && b.lacpRate && `LACP ${b.lacpRate}`,
    b.xmitHashPolicy,
    b.inet?.method === 'static' && b.inet.addresses[0],
  );
export const describeBridge = (b: Bridge) =>
  joined(
    b.vlanAware ? 'VLAN-aware' : 'bridge',
    b.pvid !== undefined && `PVID ${b.pvid}`,
    b.inet?.method === 'static' ? b.inet.addresses[0] : b.inet?.method === 'dhcp' && 'DHCP',
  );
export const describeVlan = (v: VlanInterface) =>
  joined(`VLAN ${v.vlan}`, v.inet?.method === 'static' ? v.inet.addresses[0] : v.inet?.method === 'dhcp' && 'DHCP');
export const describeVm = (vm: Vm) =>
  joined(`VM ${vm.vmid}`, `${vm.nics.length} NIC${vm.nics.length === 1 ? '' : 's'}`, vm.nestedHypervisor && 'nested');

export function describeSwitchport(s: Switchport | undefined): string {
  if (!s) return 'access 1 (default)';
  if (s.mode === 'access') return `access ${s.vlan}`;
  return joined(`trunk ${s.allowed === 'all' ? 'all' : s.allowed}`, s.native !== undefined && `native ${s.native}`);
}
export const describeChannel = (c: PortChannel) => joined(`LACP ${c.lacp}`, describeSwitchport(c.switchport));

/** How a virtual network reads on its node: NAT and isolated networks say so, since their VMs are not on the LAN. */
const VIRTUAL_NETWORK_MODE: Readonly<Record<(typeof VIRTUAL_NETWORK_MODES)[number], string>> = {
  bridged: 'bridged (LAN segment)',
  nat: 'NAT (not on the LAN)',
  isolated: 'isolated',
};
/** Accent of a virtual network by mode: only a bridged one shares the LAN's colour (its uplink's). */
const VIRTUAL_NETWORK_ACCENT: Readonly<Record<(typeof VIRTUAL_NETWORK_MODES)[number], string | undefined>> = {
  bridged: undefined,
  nat: '#f97316',
  isolated: '#a855f7',
};
export const describeVirtualNetwork = (n: VirtualNetwork) =>
  joined(n.zone !== 'lan' && n.zone.toUpperCase(), VIRTUAL_NETWORK_MODE[n.mode], n.subnet);

/** What a node's detail may depend on beyond the element: the port-channel a switch port is in, the colour of a VLAN's network. */
export interface DetailContext {
  readonly channelOf: (switchPortId: string) => number | undefined;
  readonly vendorOf: (switchPortId: string) => SwitchVendor | undefined;
  readonly colourOf: (vlan: number) => string | undefined;
}

/** Accent colours other than the kind's own: a VLAN interface takes its network's colour. */
export const ACCENT: {
  readonly [K in NodeKind]?: (element: ShapeOf<K>, context: DetailContext) => string | undefined;
} = {
  vlan: (v, { colourOf }) => colourOf(v.vlan),
  'virtual-network': (n) => VIRTUAL_NETWORK_ACCENT[n.mode],
};

export const DETAIL: { readonly [K in NodeKind]?: (element: ShapeOf<K>, context: DetailContext) => string } = {
  port: describePort,
  bond: describeBond,
  bridge: describeBridge,
  vlan: describeVlan,
  vm: describeVm,
  'switch-port': (port, { channelOf }) => {
    const channel = channelOf(port.id);
    return channel !== undefined ? `member of Po${channel}` : (port.description ?? describeSwitchport(port.switchport));
  },
  'port-channel': describeChannel,
  'virtual-network': describeVirtualNetwork,
  'bridge-rule': (r) =>
    joined(
      r.direction !== 'any' && `${r.direction} ${r.physdev}`,
      r.source && `from ${r.source}`,
      r.destination && `to ${r.destination}`,
      r.comment,
    ) || 'any bridged frame',
  'ovs-bridge': (b) =>
    joined('Open vSwitch', b.inet?.method === 'static' ? b.inet.addresses[0] : b.inet?.method === 'dhcp' && 'DHCP'),
  'ovs-bond': (b) =>
    joined(
      b.bondMode ?? 'active-backup',
      b.lacp !== undefined && b.lacp !== 'off' && `LACP ${b.lacp}${b.lacpTime ? ` ${b.lacpTime}` : ''}`,
    ),
  vswitch: (v) =>
    joined(
      `MTU ${v.mtu}`,
      `${v.activeUplinks.length} active`,
      v.standbyUplinks.length > 0 && `${v.standbyUplinks.length} standby`,
      v.loadBalancing,
    ),
  'port-group': (g) =>
    joined(
      g.vlan === 0 ? 'untagged' : g.vlan === PORT_GROUP_ALL_VLANS ? 'all VLANs (4095)' : `VLAN ${g.vlan}`,
      g.allowPromiscuous === 'accept' && 'promiscuous',
      g.allowForgedTransmits === 'accept' && 'forged transmits',
    ),
  'ovs-int-port': (p) =>
    joined(
      p.tag !== undefined ? `tag ${p.tag}` : 'untagged',
      p.inet?.method === 'static' ? p.inet.addresses[0] : p.inet?.method === 'dhcp' && 'DHCP',
    ),
};

/** Node titles shorter than the element's title: switch ports by their vendor abbreviation. */
export const NODE_TITLE: { readonly [K in NodeKind]?: (element: ShapeOf<K>, context: DetailContext) => string } = {
  'switch-port': (port, { vendorOf }) => {
    const vendor = vendorOf(port.id);
    return vendor ? shortPortName(vendor, port.name) : port.name;
  },
};

/** The context a design gives every node's label: port-channel membership, vendors and network colours by id. */
export function detailContext(design: Design): DetailContext {
  const networkColour = new Map(design.networks.map((n) => [n.vlan, n.colour]));
  const channels = new Map(
    design.switches.flatMap((sw) => sw.portChannels.flatMap((pc) => pc.members.map((m) => [m, pc.number] as const))),
  );
  const vendors = new Map(design.switches.flatMap((sw) => sw.ports.map((port) => [port.id, sw.vendor] as const)));
  return {
    channelOf: (id) => channels.get(id),
    vendorOf: (id) => vendors.get(id),
    colourOf: (vlan) => networkColour.get(vlan),
  };
}

/** What a node shows: its title (short where the kind has a short form), its detail line, and an accent colour of its own, if any. */
export interface NodeLabel {
  readonly title: string;
  readonly detail: string;
  readonly accent?: string;
}

export function nodeLabel(kind: NodeKind, element: { readonly id: string }, context: DetailContext): NodeLabel {
  const describe = DETAIL[kind] as ((e: unknown, c: DetailContext) => string) | undefined;
  const shortTitle = NODE_TITLE[kind] as ((e: unknown, c: DetailContext) => string) | undefined;
  const accent = (ACCENT[kind] as ((e: unknown, c: DetailContext) => string | undefined) | undefined)?.(
    element,
    context,
  );
  return {
    title: shortTitle ? shortTitle(element, context) : kindTitle(kind, element),
    detail: describe ? describe(element, context) : kindEntry(kind).label,
    ...(accent !== undefined ? { accent } : {}),
  };
}
