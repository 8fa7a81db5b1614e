/**
 * What a virtual network must hold to be written for its host: the mode's
 * own fields (an uplink when bridged, a subnet for NAT), the subnet and DHCP
 * range as the libvirt model checks them, and what the host's platform needs
 * (a libvirt network name and bridge, a free VMware VMnet number).
 */
import { LibvirtNetwork, RoutedSubnet } from './libvirt.js';
import type { Host, PlatformId, VirtualNetwork } from './schema.js';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** A network's DHCP range (`first-last`) as its two ends. */
export function dhcpRangeOf(network: VirtualNetwork): { readonly start: string; readonly end: string } | undefined {
  if (network.dhcp === undefined) return undefined;
  const [start, end] = network.dhcp.split('-') as [string, string];
  return { start, end };
}

/** The routed subnet (host address, DHCP range) as the libvirt model takes it, if the network has one. */
export function routedSubnetOf(network: VirtualNetwork): unknown {
  if (network.subnet === undefined) return undefined;
  const range = dhcpRangeOf(network);
  return { address: network.subnet, ...(range ? { dhcp: range } : {}) };
}

/** The libvirt network for a virtual network of `host` (input to `LibvirtNetwork.parse`): a bridged one uses its uplink bridge's name. */
export function libvirtNetworkOf(network: VirtualNetwork, host: Host): unknown {
  const { name } = network;
  if (network.mode === 'bridged') {
    const bridge = host.bridges.find((b) => b.id === network.uplink);
    return { mode: 'bridge', name, bridgeName: bridge?.name };
  }
  const ipv4 = routedSubnetOf(network);
  return { mode: network.mode, name, bridgeName: network.bridgeName, ...(ipv4 === undefined ? {} : { ipv4 }) };
}

/** Where an issue of the libvirt model lands among the virtual network's fields. */
const FIELD_OF_PATH: Readonly<Record<string, string>> = {
  name: 'name',
  bridgeName: 'bridgeName',
  'ipv4.address': 'subnet',
  'ipv4.dhcp': 'dhcp',
  'ipv4.dhcp.start': 'dhcp',
  'ipv4.dhcp.end': 'dhcp',
  address: 'subnet',
  dhcp: 'dhcp',
  'dhcp.start': 'dhcp',
  'dhcp.end': 'dhcp',
};

function issuesOf(result: { error?: { issues: readonly { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => ({
    field: FIELD_OF_PATH[i.path.join('.')] ?? 'mode',
    message: i.message,
  }));
}

/** A routed mode in a sentence, with its article. */
const ROUTED_MODE: Readonly<Record<Exclude<VirtualNetwork['mode'], 'bridged'>, string>> = {
  nat: 'a NAT',
  isolated: 'an isolated',
};

function modeProblems(network: VirtualNetwork): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const bridged = network.mode === 'bridged';
  if (bridged && network.uplink === undefined)
    problems.push({ field: 'uplink', message: 'a bridged network needs an uplink: a host port, bond or bridge' });
  if (network.mode !== 'bridged' && network.uplink !== undefined)
    problems.push({
      field: 'uplink',
      message: `${ROUTED_MODE[network.mode]} network has no uplink; make it bridged or drop the uplink`,
    });
  if (!bridged && network.dedicatedUplink)
    problems.push({ field: 'dedicatedUplink', message: 'only a bridged network has an uplink to dedicate' });
  if (bridged && (network.subnet ?? network.dhcp) !== undefined)
    problems.push({
      field: 'subnet',
      message:
        'a bridged network takes its addresses from the LAN; a subnet and DHCP range belong to NAT and isolated networks',
    });
  if (network.mode === 'nat' && network.subnet === undefined)
    problems.push({
      field: 'subnet',
      message: 'a NAT network needs a subnet: the host’s address on it, such as 192.168.100.1/24',
    });
  if (network.subnet === undefined && network.dhcp !== undefined)
    problems.push({ field: 'dhcp', message: 'a DHCP range needs the subnet it hands addresses out in' });
  const subnet = routedSubnetOf(network);
  if (subnet !== undefined) problems.push(...issuesOf(RoutedSubnet.safeParse(subnet)));
  return problems;
}

const notVirtualised = (): FieldProblem[] => [
  {
    field: 'mode',
    message: 'virtual networks belong to libvirt (KVM) and VMware Workstation hosts; change the host’s platform',
  },
];

/** What each platform needs of a virtual network; the compiler asks for an entry when a platform is added. */
const PLATFORM_PROBLEMS: Readonly<Record<PlatformId, (network: VirtualNetwork, host: Host) => FieldProblem[]>> = {
  proxmox: notVirtualised,
  debian: notVirtualised,
  esxi: notVirtualised,
  libvirt(network, host) {
    if (network.vmnet !== undefined)
      return [{ field: 'vmnet', message: 'a VMnet number is VMware’s; a libvirt network goes by its name' }];
    if (network.mode === 'bridged') {
      if (network.uplink !== undefined && !host.bridges.some((b) => b.id === network.uplink))
        return [
          {
            field: 'uplink',
            message: 'libvirt bridges VMs onto a host bridge: put the port or bond in a bridge and use that',
          },
        ];
    } else if (network.bridgeName === undefined) {
      return [
        {
          field: 'bridgeName',
          message: `a libvirt ${network.mode} network needs the name of the bridge libvirt creates, such as virbr1`,
        },
      ];
    } else {
      const other = host.virtualNetworks.find((n) => n.id !== network.id && n.bridgeName === network.bridgeName);
      if (other)
        return [
          {
            field: 'bridgeName',
            message: `bridge ${network.bridgeName} is also network ${other.name}'s; libvirt gives each network its own`,
          },
        ];
    }
    // Subnet problems were reported above; here the name and the bridge, as libvirt takes them.
    return issuesOf(LibvirtNetwork.safeParse(libvirtNetworkOf(network, host))).filter(
      (p) => p.field === 'name' || p.field === 'bridgeName',
    );
  },
  'vmware-workstation'(network, host) {
    if (network.vmnet === undefined)
      return [{ field: 'vmnet', message: 'a VMware network needs its VMnet number (0-254)' }];
    const first = host.virtualNetworks.find((n) => n.vmnet === network.vmnet);
    if (first && first.id !== network.id)
      return [
        {
          field: 'vmnet',
          message: `VMnet${network.vmnet} is used twice on host ${host.name} (also by "${first.name}")`,
        },
      ];
    return [];
  },
};

export function virtualNetworkProblems(network: VirtualNetwork, host: Host): FieldProblem[] {
  return [...modeProblems(network), ...PLATFORM_PROBLEMS[host.platform](network, host)];
}
