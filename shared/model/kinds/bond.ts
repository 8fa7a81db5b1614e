/** Host ports bonded together (LACP, active-backup, ...). */
import type { AttributeTable } from '../attributes.js';
import type { Bond, Host } from '../schema.js';
import { COMMENT, INTERFACE_NAME, MTU } from './common.js';
import { defineKind } from './define.js';

export const BOND_MODES = [
  'balance-rr',
  'active-backup',
  'balance-xor',
  'broadcast',
  '802.3ad',
  'balance-tlb',
  'balance-alb',
] as const;
export type BondMode = (typeof BOND_MODES)[number];

export const XMIT_HASH_POLICIES = ['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4', 'vlan+srcmac'] as const;

export const bondAttributes = {
  mode: {
    type: 'enum',
    values: BOND_MODES,
    default: 'active-backup',
    label: 'Mode',
    help: 'Bonding mode; 802.3ad (LACP) needs a matching port-channel on the switch.',
    keys: { ifupdown2: 'bond-mode' },
  },
  miimon: {
    type: 'int',
    min: 0,
    max: 60000,
    unit: 'ms',
    default: 100,
    label: 'MII monitor',
    help: 'How often the link state of each member is checked.',
    keys: { ifupdown2: 'bond-miimon' },
  },
  xmitHashPolicy: {
    type: 'enum',
    values: XMIT_HASH_POLICIES,
    label: 'Transmit hash policy',
    help: 'How balance-xor and 802.3ad spread flows over the members.',
    keys: { ifupdown2: 'bond-xmit-hash-policy' },
  },
  lacpRate: {
    type: 'enum',
    values: ['slow', 'fast'],
    label: 'LACP rate',
    help: 'How often the partner is asked for LACPDUs (fast: every second).',
    keys: { ifupdown2: 'bond-lacp-rate' },
  },
  minLinks: {
    type: 'int',
    min: 0,
    max: 255,
    label: 'Minimum links',
    help: 'Members that must be up for the bond to report carrier.',
    keys: { ifupdown2: 'bond-min-links' },
  },
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const bond = defineKind<Bond, Host>()({
  id: 'bond',
  owner: 'host',
  collection: 'bonds',
  label: 'bond',
  title: (b) => b.name,
  references: [
    {
      field: 'members',
      to: ['port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'bond-member', prefix: 'member', label: 'Bond membership' },
    },
    { field: 'primary', to: ['port'], sameDevice: true, among: 'members', onDelete: 'drop-ref' },
  ],
  attributes: bondAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('bond', names);
    return { idBase: `${owner.id}-${name}`, fields: { name, members: [] } };
  },
  canvas: { row: 3, size: { width: 184, height: 52 } },
  palette: { hint: 'Ports bonded together (LACP, active-backup, …)' },
  icon: 'M5 7h6v10H5zM13 7h6v10h-6zM11 12h2',
});
