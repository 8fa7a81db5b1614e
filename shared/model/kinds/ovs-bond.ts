/** An Open vSwitch bond of host ports on an OVS bridge (`ovs_type OVSBond`). */
import type { AttributeTable } from '../attributes.js';
import type { Host, OvsBond } from '../schema.js';
import { COMMENT, INTERFACE_NAME } from './common.js';
import { defineKind } from './define.js';
import { OVS_BOND_MODES, OVS_LACP_MODES, OVS_LACP_TIMES } from '../ovs-options.js';
import { OVS_MTU, OVS_OTHER_OPTIONS } from './ovs-common.js';

export const ovsBondAttributes = {
  bondMode: {
    type: 'enum',
    values: OVS_BOND_MODES,
    label: 'Bond mode',
    help: 'active-backup (the OVS default), balance-slb (by source MAC, no switch support needed) or balance-tcp (by flow; needs LACP).',
    keys: { 'ovs-vsctl': 'bond_mode' },
  },
  lacp: {
    type: 'enum',
    values: OVS_LACP_MODES,
    label: 'LACP',
    help: 'active or passive negotiate with a port-channel on the switch; off (the OVS default) does not.',
    keys: { 'ovs-vsctl': 'lacp' },
  },
  lacpTime: {
    type: 'enum',
    values: OVS_LACP_TIMES,
    label: 'LACP time',
    help: 'How often LACPDUs are sent (fast: every second; slow, the default: every 30 seconds).',
    keys: { 'ovs-vsctl': 'other_config:lacp-time' },
  },
  mtu: OVS_MTU,
  otherOptions: OVS_OTHER_OPTIONS,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const ovsBond = defineKind<OvsBond, Host>()({
  id: 'ovs-bond',
  owner: 'host',
  collection: 'ovsBonds',
  label: 'OVS bond',
  title: (b) => b.name,
  references: [
    {
      field: 'members',
      to: ['port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'ovs-bond-member', prefix: 'ovs-member', label: 'OVS bond membership' },
    },
  ],
  attributes: ovsBondAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('bond', names);
    return { idBase: `${owner.id}-${name}`, fields: { name, members: [] } };
  },
  canvas: { row: 3, size: { width: 184, height: 52 } },
  palette: { hint: 'Ports bonded by Open vSwitch (balance-tcp with LACP, active-backup, …)' },
  icon: 'M5 7h6v10H5zM13 7h6v10h-6zM11 12h2M8 4h8',
});
