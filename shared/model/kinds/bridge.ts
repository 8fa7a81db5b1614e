/** A Linux bridge such as vmbr0. */
import type { AttributeTable } from '../attributes.js';
import type { Bridge, Host } from '../schema.js';
import { COMMENT, INTERFACE_NAME, MTU } from './common.js';
import { defineKind } from './define.js';

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

export const bridge = defineKind<Bridge, Host>()({
  id: 'bridge',
  owner: 'host',
  collection: 'bridges',
  label: 'bridge',
  title: (b) => b.name,
  references: [
    {
      field: 'ports',
      to: ['port', 'bond', 'vlan'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'bridge-port', prefix: 'bridge', label: 'Bridge port' },
    },
  ],
  attributes: bridgeAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('vmbr', names);
    return { idBase: `${owner.id}-${name}`, fields: { name, ports: [] } };
  },
  canvas: { row: 1, size: { width: 196, height: 56 } },
  palette: { hint: 'A Linux bridge such as vmbr0' },
  icon: 'M3 17h18M5 17V9M19 17V9M5 9c4 5 10 5 14 0',
});
