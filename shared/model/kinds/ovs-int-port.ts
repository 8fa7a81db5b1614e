/** An Open vSwitch internal port such as vlan50 (`ovs_type OVSIntPort`): the host's own interface on an OVS bridge. */
import type { AttributeTable } from '../attributes.js';
import { portAttributes } from '../kinds.js';
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
  comment: portAttributes.comment,
} as const satisfies AttributeTable;
