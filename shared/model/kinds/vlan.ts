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
    {
      field: 'parent',
      to: ['port', 'bond', 'bridge'],
      sameDevice: true,
      onDelete: 'delete-self',
      link: { kind: 'vlan-parent', prefix: 'parent', label: 'VLAN parent' },
    },
  ],
  attributes: vlanInterfaceAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner: host, design, names, nextNumbered, nextFree, refuse }) => {
    const parent = host.bridges[0] ?? host.bonds[0] ?? host.ports[0];
    if (!parent) return refuse(`host ${host.name} has no port, bond or bridge to carry a VLAN interface yet`);
    const used = host.vlans.filter((v) => v.parent === parent.id).map((v) => v.vlan);
    const vlan = design.networks.find((n) => !used.includes(n.vlan))?.vlan ?? nextFree(used, 10);
    const name = `${parent.name}.${vlan}`.length <= 15 ? `${parent.name}.${vlan}` : nextNumbered('vlan', names, vlan);
    return { idBase: `${host.id}-${name}`, fields: { name, parent: parent.id, vlan } };
  },
  canvas: { row: 2, size: { width: 168, height: 48 } },
  palette: { hint: 'A VLAN interface such as vmbr0.240' },
  icon: 'M4 6h16M4 12h16M4 18h16M8 4v16',
});
