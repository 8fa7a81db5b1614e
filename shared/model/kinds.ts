/**
 * The attribute tables of every element kind. Identity (id, name) and
 * references (members, ports, parent, bridge) live in the schema; everything a
 * person sets in the inspector lives here.
 */
import type { AttributeTable } from './attributes.js';

export const BOND_MODES = [
  'balance-rr',
  'active-backup',
  'balance-xor',
  'broadcast',
  '802.3ad',
  'balance-tlb',
  'balance-alb',
] as const;
export type BondMode = (typeof BOND_MODES)[number];

export const XMIT_HASH_POLICIES = ['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4', 'vlan+srcmac'] as const;

export const MTU = {
  type: 'int',
  min: 68,
  max: 65535,
  unit: 'bytes',
  label: 'MTU',
  help: 'Maximum transmission unit; leave empty for the kernel default (1500).',
  keys: { ifupdown2: 'mtu', 'dell-os6': 'mtu', 'cisco-ios': 'mtu' },
} as const;

const COMMENT = {
  type: 'text',
  label: 'Comment',
  help: 'A note written above the stanza.',
} as const;

export const portAttributes = {
  speed: {
    type: 'int',
    min: 10,
    max: 800000,
    unit: 'Mb/s',
    label: 'Speed',
    help: 'Link speed the port should negotiate, in Mb/s (2.5 GbE is 2500).',
  },
  mac: {
    type: 'text',
    pattern: /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/,
    patternHelp: 'must be a MAC address in lower case, such as 58:47:ca:12:34:56',
    label: 'MAC address',
    help: 'The hardware address, for reference and drift checks.',
  },
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const bondAttributes = {
  mode: {
    type: 'enum',
    values: BOND_MODES,
    default: 'active-backup',
    label: 'Mode',
    help: 'Bonding mode; 802.3ad (LACP) needs a matching port-channel on the switch.',
    keys: { ifupdown2: 'bond-mode' },
  },
  miimon: {
    type: 'int',
    min: 0,
    max: 60000,
    unit: 'ms',
    default: 100,
    label: 'MII monitor',
    help: 'How often the link state of each member is checked.',
    keys: { ifupdown2: 'bond-miimon' },
  },
  xmitHashPolicy: {
    type: 'enum',
    values: XMIT_HASH_POLICIES,
    label: 'Transmit hash policy',
    help: 'How balance-xor and 802.3ad spread flows over the members.',
    keys: { ifupdown2: 'bond-xmit-hash-policy' },
  },
  lacpRate: {
    type: 'enum',
    values: ['slow', 'fast'],
    label: 'LACP rate',
    help: 'How often the partner is asked for LACPDUs (fast: every second).',
    keys: { ifupdown2: 'bond-lacp-rate' },
  },
  minLinks: {
    type: 'int',
    min: 0,
    max: 255,
    label: 'Minimum links',
    help: 'Members that must be up for the bond to report carrier.',
    keys: { ifupdown2: 'bond-min-links' },
  },
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const bridgeAttributes = {
  vlanAware: {
    type: 'bool',
    default: false,
    label: 'VLAN aware',
    help: 'Filter by VLAN on the bridge ports (Proxmox "VLAN aware").',
    keys: { ifupdown2: 'bridge-vlan-aware' },
  },
  vids: {
    type: 'vlan-list',
    label: 'VLAN ids',
    help: 'VLANs the bridge carries, such as 1-239,241-255 (VLAN-aware bridges only).',
    keys: { ifupdown2: 'bridge-vids' },
  },
  pvid: {
    type: 'int',
    min: 1,
    max: 4094,
    label: 'PVID',
    help: 'VLAN given to untagged frames on the bridge ports; must equal the trunk’s native VLAN.',
    keys: { ifupdown2: 'bridge-pvid' },
  },
  stp: {
    type: 'bool',
    default: false,
    label: 'STP',
    help: 'Run spanning tree on this bridge.',
    keys: { ifupdown2: 'bridge-stp' },
  },
  forwardDelay: {
    type: 'int',
    min: 0,
    max: 30,
    unit: 's',
    default: 0,
    label: 'Forward delay',
    help: 'Seconds a port listens and learns before forwarding.',
    keys: { ifupdown2: 'bridge-fd' },
  },
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const vlanInterfaceAttributes = {
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const NIC_MODELS = ['virtio', 'e1000', 'e1000e', 'rtl8139', 'vmxnet3'] as const;

export const vmNicAttributes = {
  model: {
    type: 'enum',
    values: NIC_MODELS,
    default: 'virtio',
    label: 'Model',
    help: 'Emulated NIC; virtio is the fastest.',
    keys: { 'proxmox-vm': 'model' },
  },
  mac: {
    type: 'text',
    pattern: /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/,
    patternHelp: 'must be a MAC address in upper case, as Proxmox writes it (BC:24:11:00:00:01)',
    label: 'MAC address',
    help: 'Leave empty to let Proxmox pick one.',
    keys: { 'proxmox-vm': 'macaddr' },
  },
  firewall: {
    type: 'bool',
    default: false,
    label: 'Firewall',
    help: 'Put the NIC behind the Proxmox firewall.',
    keys: { 'proxmox-vm': 'firewall' },
  },
  rate: {
    type: 'number',
    min: 0.01,
    max: 100000,
    unit: 'MB/s',
    label: 'Rate limit',
    help: 'Traffic limit in megabytes per second.',
    keys: { 'proxmox-vm': 'rate' },
  },
  mtu: { ...MTU, min: 1, keys: { 'proxmox-vm': 'mtu' } },
} as const satisfies AttributeTable;

export const LACP_MODES = ['active', 'passive', 'on'] as const;
export type LacpMode = (typeof LACP_MODES)[number];

export const portChannelAttributes = {
  lacp: {
    type: 'enum',
    values: LACP_MODES,
    default: 'active',
    label: 'LACP mode',
    help: 'active or passive negotiate with LACP; on is a static LAG.',
    keys: { 'dell-os6': 'channel-group mode', 'cisco-ios': 'channel-group mode' },
  },
  description: {
    type: 'text',
    label: 'Description',
    help: 'Shown in the switch configuration; filled in from the cable’s other end when empty.',
    keys: { 'dell-os6': 'description', 'cisco-ios': 'description' },
  },
  mtu: { ...MTU, min: 1280, max: 9216 },
} as const satisfies AttributeTable;

export const switchPortAttributes = {
  speed: portAttributes.speed,
  description: portChannelAttributes.description,
  mtu: portChannelAttributes.mtu,
} as const satisfies AttributeTable;

export const NETWORK_PURPOSES = ['management', 'vm', 'storage', 'cluster', 'other'] as const;

export const networkAttributes = {
  purpose: {
    type: 'enum',
    values: NETWORK_PURPOSES,
    default: 'other',
    label: 'Purpose',
    help: 'What the VLAN is for; checks treat management specially.',
  },
  colour: {
    type: 'text',
    pattern: /^#[0-9a-f]{6}$/,
    patternHelp: 'must be a colour such as #3b82f6',
    default: '#64748b',
    label: 'Colour',
    help: 'Used for cables and badges that carry this VLAN.',
  },
} as const satisfies AttributeTable;
