/**
 * A virtual network of a KVM/libvirt or VMware Workstation host: VMs bridged
 * onto a host port, bond or bridge (the LAN's segment), behind the host's NAT
 * on a subnet of their own, or isolated (VMware: host-only). libvirt writes
 * it as a network XML, VMware Workstation as a VMnet in /etc/vmware/networking.
 */
import type { AttributeTable } from '../attributes.js';
import { virtualNetworkProblems } from '../virtual-network.js';
import type { Host, VirtualNetwork } from '../schema.js';
import { COMMENT } from './common.js';
import { defineKind } from './define.js';

/** Shapes only; `virtualNetworkProblems` checks the values with the libvirt model. */
const IPV4_RANGE = /^\d{1,3}(\.\d{1,3}){3}-\d{1,3}(\.\d{1,3}){3}$/;
const IPV4_CIDR = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

export const VIRTUAL_NETWORK_MODES = ['bridged', 'nat', 'isolated'] as const;
export const VIRTUAL_NETWORK_ZONES = ['lan', 'wan', 'dmz'] as const;

export const virtualNetworkAttributes = {
  mode: {
    type: 'enum',
    values: VIRTUAL_NETWORK_MODES,
    default: 'nat',
    label: 'Mode',
    help: 'bridged: VMs on the uplink’s segment (the LAN); nat: a subnet of their own behind the host; isolated: no way out (VMware: host-only).',
  },
  zone: {
    type: 'enum',
    values: VIRTUAL_NETWORK_ZONES,
    default: 'lan',
    label: 'Zone',
    help: 'What the network is for: dmz networks must reach the LAN only through a router VM (one with a NIC on a wan network).',
  },
  dedicatedUplink: {
    type: 'bool',
    default: false,
    label: 'Dedicated uplink',
    help: 'The bridged uplink carries VM traffic only: the host keeps it up without an address of its own.',
  },
  subnet: {
    type: 'text',
    pattern: IPV4_CIDR,
    patternHelp: 'must be the host’s address on the network with its prefix, such as 192.168.100.1/24',
    label: 'Subnet',
    help: 'NAT and isolated networks: the host’s address and prefix (192.168.100.1/24); empty on an isolated network keeps the host off it.',
  },
  dhcp: {
    type: 'text',
    pattern: IPV4_RANGE,
    patternHelp: 'must be a range of IPv4 addresses such as 192.168.100.100-192.168.100.200',
    label: 'DHCP range',
    help: 'Addresses the host’s DHCP server hands out, first-last (libvirt; VMware turns its own range on); empty for no DHCP.',
  },
  bridgeName: {
    type: 'text',
    label: 'Bridge name',
    help: 'libvirt NAT and isolated networks: the bridge libvirt creates, such as virbr1.',
  },
  vmnet: {
    type: 'int',
    min: 0,
    max: 254,
    label: 'VMnet',
    help: 'VMware Workstation: the virtual switch number (VMnet0 bridged, VMnet1 host-only and VMnet8 NAT by default).',
  },
  comment: COMMENT,
} as const satisfies AttributeTable;

export const virtualNetwork = defineKind<VirtualNetwork, Host>()({
  id: 'virtual-network',
  owner: 'host',
  collection: 'virtualNetworks',
  label: 'virtual network',
  title: (n) => (n.vmnet !== undefined ? `VMnet${n.vmnet} ${n.name}` : n.name),
  references: [
    {
      field: 'uplink',
      to: ['port', 'bond', 'bridge'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'virtual-network-uplink', prefix: 'uplink', label: 'Bridged to' },
    },
  ],
  attributes: virtualNetworkAttributes,
  unique: [
    {
      field: 'name',
      group: 'virtual-network',
      message: (name, host) => `virtual network "${name}" is defined twice on host ${host}`,
    },
  ],
  check: (network, host, report) => {
    for (const p of virtualNetworkProblems(network, host)) report(p.field, p.message);
  },
  create: ({ owner, nextNumbered, nextFree }) => {
    const name = nextNumbered(
      'net',
      owner.virtualNetworks.map((n) => n.name),
      1,
    );
    const n = Number(name.slice(3));
    const fields = {
      name,
      mode: 'nat',
      subnet: `192.168.${100 + n}.1/24`,
      dhcp: `192.168.${100 + n}.100-192.168.${100 + n}.200`,
    };
    return owner.platform === 'vmware-workstation'
      ? {
          idBase: `${owner.id}-${name}`,
          fields: {
            ...fields,
            vmnet: nextFree(
              owner.virtualNetworks.flatMap((v) => (v.vmnet === undefined ? [] : [v.vmnet])),
              2,
            ),
          },
        }
      : {
          idBase: `${owner.id}-${name}`,
          fields: {
            ...fields,
            bridgeName: nextNumbered(
              'virbr',
              owner.virtualNetworks.flatMap((v) => (v.bridgeName === undefined ? [] : [v.bridgeName])),
              1,
            ),
          },
        };
  },
  canvas: { row: 1, size: { width: 196, height: 56 } },
  palette: { hint: 'A libvirt network or VMware VMnet: bridged to a host port or bridge, NAT, or isolated' },
  icon: 'M4 12h4M16 12h4M8 8h8v8H8zM12 4v4M12 16v4',
});
