/**
 * ifupdown2 keys of references (members, ports, raw device), which live in the
 * schema rather than in the kind tables; attribute keys come from
 * shared/model/kinds.ts. The ifupdown2 target writes these names and the
 * importer reads them, so they sit in the model both build on.
 */
export const BOND_SLAVES = 'bond-slaves';
export const BOND_PRIMARY = 'bond-primary';
export const BRIDGE_PORTS = 'bridge-ports';
export const VLAN_RAW_DEVICE = 'vlan-raw-device';
export const VLAN_ID = 'vlan-id';

/** What the last line of every generated file sources, as Proxmox VE writes it. */
export const INTERFACES_D = '/etc/network/interfaces.d/*';
