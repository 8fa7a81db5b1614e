/**
 * ifupdown2 keys of references (members, ports, raw device), which live in the
 * schema rather than in the kind tables; attribute keys come from
 * shared/model/kinds/. The ifupdown2 target writes these names and the
 * importer reads them, so they sit in the model both build on.
 */
export const BOND_SLAVES = 'bond-slaves';
export const BOND_PRIMARY = 'bond-primary';
export const BRIDGE_PORTS = 'bridge-ports';
export const VLAN_RAW_DEVICE = 'vlan-raw-device';
export const VLAN_ID = 'vlan-id';

/** Open vSwitch keys, spelled with underscores as Proxmox VE writes them (ifupdown2 reads `_` as `-`). */
export const OVS_TYPE = 'ovs_type';
export const OVS_PORTS = 'ovs_ports';
export const OVS_BRIDGE = 'ovs_bridge';
export const OVS_BONDS = 'ovs_bonds';
export const OVS_OPTIONS = 'ovs_options';
/** `ovs_type` of each OVS kind, and of a host port on an OVS bridge. */
export const OVS_TYPES = {
  'ovs-bridge': 'OVSBridge',
  'ovs-bond': 'OVSBond',
  'ovs-int-port': 'OVSIntPort',
  port: 'OVSPort',
} as const;

/** What the last line of every generated file sources, as Proxmox VE writes it. */
export const INTERFACES_D = '/etc/network/interfaces.d/*';
