/**
 * The VLANs a host sends over one uplink (a port outside any bond, or a
 * bond): tagged VLANs of VM NICs and VLAN interfaces stacked on it, the VIDs
 * of VLAN-aware bridges above it, and the VLAN its untagged frames belong to.
 * Rules compare this with the switch side; the port-channel action derives
 * allowed and native VLANs from it.
 */
import type { ElementOf } from '../model/index-of.js';
import { parsePrefix, prefixContains } from '../model/ip.js';
import type { Bond, Bridge, Network, Port } from '../model/schema.js';
import { sharedVlanSet, type VlanRange } from '../model/vlan-set.js';
import { DEFAULT_VLAN, switchSideOf, type SwitchSide } from './switch-side.js';
import type { Topology } from './topology.js';

export interface VlanUse {
  readonly vlan: number;
  /** The element that uses the VLAN (VM NIC, VLAN interface, bridge, port or bond). */
  readonly elementId: string;
  /** The network that says so, when the VLAN was inferred from an address. */
  readonly networkId?: string;
  /** For messages: `VM web01 net0`, `VLAN interface vmbr0.240`. */
  readonly what: string;
}

export interface BridgeVids {
  readonly bridgeId: string;
  readonly bridgeName: string;
  readonly ranges: readonly VlanRange[];
}

export interface UplinkVlans {
  readonly uplink: ElementOf<'port'> | ElementOf<'bond'>;
  /** VLANs sent tagged: VM NIC tags and VLAN interfaces. */
  readonly tagged: readonly VlanUse[];
  /** VIDs of the VLAN-aware bridges on the uplink that list them. */
  readonly vids: readonly BridgeVids[];
  /** A VLAN-aware bridge without a VID list: it takes whatever VLAN it is given. */
  readonly carriesAnyVlan: boolean;
  /** Where untagged frames are expected to land: bridge PVIDs, or the network of an address. */
  readonly untagged: readonly VlanUse[];
}

type Prefix = NonNullable<ReturnType<typeof parsePrefix>>;

/** Parsed subnets per networks list: a design is checked element by element against the same few networks. */
const subnetsOf = new WeakMap<readonly Network[], readonly { readonly network: Network; readonly subnet: Prefix }[]>();

function parsedSubnets(networks: readonly Network[]) {
  let subnets = subnetsOf.get(networks);
  if (!subnets) {
    subnets = networks.flatMap((network) => {
      const subnet = network.subnet === undefined ? undefined : parsePrefix(network.subnet);
      return subnet ? [{ network, subnet }] : [];
    });
    subnetsOf.set(networks, subnets);
  }
  return subnets;
}

/** The network whose subnet holds one of the interface's IPv4/IPv6 addresses. */
export function networkOfAddresses(networks: readonly Network[], element: Port | Bond | Bridge): Network | undefined {
  const v4 = element.inet?.method === 'static' ? element.inet.addresses : undefined;
  const v6 = element.inet6?.method === 'static' ? element.inet6.addresses : undefined;
  // Most uplinks and bridges carry no address: they cost nothing here.
  if (v4 === undefined && v6 === undefined) return undefined;
  const texts = [...(v4 ?? []), ...(v6 ?? [])];
  const addresses = texts.flatMap((a) => parsePrefix(a) ?? []);
  return parsedSubnets(networks).find(({ subnet }) => addresses.some((a) => prefixContains(subnet, a.address)))
    ?.network;
}

type Uplink = ElementOf<'port'> | ElementOf<'bond'>;

/** Per topology, what each uplink carries and the switch sides it reaches: several rules ask for the same uplinks. */
const uplinkCache = new WeakMap<
  Topology,
  {
    vlans: Map<Uplink, UplinkVlans>;
    sides: Map<Uplink, SwitchSide[]>;
    uplinks?: Uplink[];
  }
>();

function cacheOf(topology: Topology) {
  let cache = uplinkCache.get(topology);
  if (!cache) {
    cache = { vlans: new Map(), sides: new Map() };
    uplinkCache.set(topology, cache);
  }
  return cache;
}

export function uplinkVlans(topology: Topology, uplink: ElementOf<'port'> | ElementOf<'bond'>): UplinkVlans {
  const cache = cacheOf(topology).vlans;
  let vlans = cache.get(uplink);
  if (!vlans) {
    vlans = collectUplinkVlans(topology, uplink);
    cache.set(uplink, vlans);
  }
  return vlans;
}

function collectUplinkVlans(topology: Topology, uplink: ElementOf<'port'> | ElementOf<'bond'>): UplinkVlans {
  const networks = topology.index.design.networks;
  const tagged: VlanUse[] = [];
  const vids: BridgeVids[] = [];
  const untagged: VlanUse[] = [];
  let carriesAnyVlan = false;

  /** `label` is the element's kind as messages say it; the words are put together only when used. */
  const untaggedByAddress = (element: Port | Bond | Bridge, label: string) => {
    const network = networkOfAddresses(networks, element);
    if (network)
      untagged.push({
        vlan: network.vlan,
        elementId: element.id,
        networkId: network.id,
        what: `${label} ${element.name}`,
      });
  };
  const vlanInterfacesOn = (iface: ElementOf<'port' | 'bond' | 'bridge'>) => {
    for (const v of topology.vlanInterfacesOn(iface)) {
      tagged.push({ vlan: v.element.vlan, elementId: v.element.id, what: `VLAN interface ${v.element.name}` });
    }
  };

  untaggedByAddress(uplink.element, uplink.kind);
  vlanInterfacesOn(uplink);
  for (const bridge of topology.bridgesOf(uplink)) {
    const b = bridge.element;
    if (b.vlanAware) {
      untagged.push({ vlan: b.pvid ?? DEFAULT_VLAN, elementId: b.id, what: `the PVID of bridge ${b.name}` });
      if (b.vids === undefined) carriesAnyVlan = true;
      else vids.push({ bridgeId: b.id, bridgeName: b.name, ranges: sharedVlanSet(b.vids) });
    } else {
      untaggedByAddress(b, 'bridge');
    }
    for (const nic of topology.nicsOnBridge(bridge)) {
      if (nic.element.tag !== undefined) {
        tagged.push({
          vlan: nic.element.tag,
          elementId: nic.element.id,
          what: `VM ${nic.vm.name} net${nic.element.slot}`,
        });
      }
    }
    vlanInterfacesOn(bridge);
  }
  return { uplink, tagged, vids, carriesAnyVlan, untagged };
}

/** The switch ports cabled to the uplink's ports (the members of a bond, or the port). */
export function switchPortsOfUplink(
  topology: Topology,
  uplink: ElementOf<'port'> | ElementOf<'bond'>,
): ElementOf<'switch-port'>[] {
  const ports = uplink.kind === 'bond' ? topology.index.targets(uplink, 'members', 'port') : [uplink];
  return ports.flatMap((p) => topology.switchPortOf(p) ?? []);
}

/** Every host uplink: bonds, and ports outside any bond. */
export function hostUplinks(topology: Topology): readonly (ElementOf<'port'> | ElementOf<'bond'>)[] {
  const cache = cacheOf(topology);
  cache.uplinks ??= topology.index.all.filter(
    (l): l is ElementOf<'port'> | ElementOf<'bond'> =>
      l.kind === 'bond' || (l.kind === 'port' && topology.bondsOfPort(l).length === 0),
  );
  return cache.uplinks;
}

/** The switch sides the uplink reaches, one per port-channel (or lone port). */
export function switchSidesOfUplink(
  topology: Topology,
  uplink: ElementOf<'port'> | ElementOf<'bond'>,
): readonly SwitchSide[] {
  const cache = cacheOf(topology).sides;
  const cached = cache.get(uplink);
  if (cached) return cached;
  // An uplink reaches a side or two: a list is cheaper than a map per uplink.
  const sides: SwitchSide[] = [];
  for (const sp of switchPortsOfUplink(topology, uplink)) {
    const side = switchSideOf(topology, sp);
    if (!sides.some((s) => s.owner === side.owner)) sides.push(side);
  }
  cache.set(uplink, sides);
  return sides;
}
