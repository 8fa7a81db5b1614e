/** A VLAN interface such as vmbr0.240, on a port, bond or bridge of the same host. */
import type { AttributeTable } from '../attributes.js';
import type { Host, VlanInterface } from '../schema.js';
import { COMMENT, INTERFACE_NAME, MTU } from './common.js';
import { defineKind } from './define.js';

export const vlanInterfaceAttributes = {
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const vlan = defineKind<VlanInterface, Host>()({
  id: 'vlan',
  owner: 'host',
  collection: 'vlans',
  label: 'VLAN interface',
  title: (v) => v.name,
  references: [
    { field: 'parent', to: ['port', 'bond', 'bridge'], sameDevice: true, onDelete: 'delete-self', link: { kind: 'vlan-parent', prefix: 'parent', label: 'VLAN parent' } },
  ],
  attributes: vlanInterfaceAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  canvas: { row: 2, size: { width: 168, height: 48 } },
  palette: { hint: 'A VLAN interface such as vmbr0.240' },
  icon: 'M4 6h16M4 12h16M4 18h16M8 4v16',
});
