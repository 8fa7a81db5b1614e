/**
 * An ESXi port group such as "VM Network" on a standard vSwitch of the same
 * host: its VLAN id (0 untagged, 1-4094 one VLAN, 4095 every VLAN to the
 * guest) and any override of the vSwitch's security policy. It goes with
 * its vSwitch. VM NICs attach to it.
 */
import type { AttributeTable } from '../attributes.js';
import type { Host, PortGroup } from '../schema.js';
import { defineKind } from './define.js';
import { PORT_GROUP_SECURITY } from './esxi-common.js';

/** VLAN id 4095 on a standard port group: every VLAN passes tagged to the guest (virtual guest tagging). */
export const PORT_GROUP_ALL_VLANS = 4095;

export const portGroupAttributes = {
  vlan: {
    type: 'int',
    min: 0,
    max: PORT_GROUP_ALL_VLANS,
    default: 0,
    label: 'VLAN id',
    help: '0: untagged; 1-4094: that VLAN, tagged on the uplinks; 4095: every VLAN, tagged through to the guest.',
    keys: { esxcli: 'vlan-id', powercli: 'VLanId' },
  },
  ...PORT_GROUP_SECURITY,
} as const satisfies AttributeTable;

export const portGroup = defineKind<PortGroup, Host>()({
  id: 'port-group',
  owner: 'host',
  collection: 'portGroups',
  label: 'port group',
  title: (g) => g.name,
  references: [
    {
      field: 'vswitch',
      to: ['vswitch'],
      sameDevice: true,
      onDelete: 'delete-self',
      link: { kind: 'port-group-vswitch', prefix: 'port-group', label: 'Port group on vSwitch' },
    },
  ],
  attributes: portGroupAttributes,
  unique: [
    {
      field: 'name',
      group: 'port-group',
      message: (name, host) => `port group name "${name}" is used twice on host ${host}`,
    },
  ],
  create: ({ owner, nextNumbered, refuse }) => {
    const vswitch = owner.vswitches[0];
    if (!vswitch) return refuse(`host ${owner.name} has no vSwitch to hold a port group yet`);
    const name = nextNumbered(
      'PG',
      owner.portGroups.map((g) => g.name),
      1,
    );
    return { idBase: `${owner.id}-${name}`, fields: { name, vswitch: vswitch.id } };
  },
  canvas: { row: 1, size: { width: 196, height: 56 } },
  palette: { hint: 'An ESXi port group such as "VM Network": a VLAN id and a security policy on a vSwitch' },
  icon: 'M4 9h16v6H4zM8 9v6M12 9v6M16 9v6M12 15v4',
});
