/** An Open vSwitch internal port such as vlan50 (`ovs_type OVSIntPort`): the host's own interface on an OVS bridge. */
import type { AttributeTable } from '../attributes.js';
import type { Host, OvsIntPort } from '../schema.js';
import { COMMENT, INTERFACE_NAME } from './common.js';
import { defineKind } from './define.js';
import { VLAN_MAX, VLAN_MIN } from '../vlan-set.js';
import { OVS_MTU, OVS_OTHER_OPTIONS } from './ovs-common.js';

export const ovsIntPortAttributes = {
  tag: {
    type: 'int',
    min: VLAN_MIN,
    max: VLAN_MAX,
    label: 'VLAN tag',
    help: 'The access VLAN of the port (tag=N); leave empty for untagged.',
    keys: { 'ovs-vsctl': 'tag' },
  },
  mtu: OVS_MTU,
  otherOptions: OVS_OTHER_OPTIONS,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const ovsIntPort = defineKind<OvsIntPort, Host>()({
  id: 'ovs-int-port',
  owner: 'host',
  collection: 'ovsIntPorts',
  label: 'OVS internal port',
  title: (p) => p.name,
  attributes: ovsIntPortAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('vlan', names);
    return { idBase: `${owner.id}-${name}`, fields: { name } };
  },
  canvas: { row: 2, size: { width: 168, height: 48 } },
  palette: { hint: 'The host’s own interface on an OVS bridge, such as vlan50 with tag=50' },
  icon: 'M6 5h12v10H6zM9 19h6M12 15v4M9 9h6',
});
