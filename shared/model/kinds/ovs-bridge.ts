/** An Open vSwitch bridge such as vmbr1 (`ovs_type OVSBridge`). */
import type { AttributeTable } from '../attributes.js';
import type { Host, OvsBridge } from '../schema.js';
import { COMMENT, INTERFACE_NAME } from './common.js';
import { defineKind } from './define.js';
import { OVS_MTU, OVS_OTHER_OPTIONS } from './ovs-common.js';

export const ovsBridgeAttributes = {
  mtu: OVS_MTU,
  otherOptions: OVS_OTHER_OPTIONS,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const ovsBridge = defineKind<OvsBridge, Host>()({
  id: 'ovs-bridge',
  owner: 'host',
  collection: 'ovsBridges',
  label: 'OVS bridge',
  title: (b) => b.name,
  references: [
    {
      field: 'ports',
      to: ['port', 'ovs-bond', 'ovs-int-port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'ovs-bridge-port', prefix: 'ovs-port', label: 'OVS bridge port' },
    },
  ],
  attributes: ovsBridgeAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('vmbr', names);
    return { idBase: `${owner.id}-${name}`, fields: { name, ports: [] } };
  },
  canvas: { row: 1, size: { width: 196, height: 56 } },
  palette: { hint: 'An Open vSwitch bridge such as vmbr1' },
  icon: 'M3 17h18M5 17V9M19 17V9M5 9c4 5 10 5 14 0M10 5h4',
});
