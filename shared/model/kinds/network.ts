/** A VLAN of the design: id, name, subnet, colour. */
import type { AttributeTable } from '../attributes.js';
import type { Design, Network } from '../schema.js';
import { defineKind } from './define.js';

export const NETWORK_PURPOSES = ['management', 'vm', 'storage', 'cluster', 'other'] as const;

export const networkAttributes = {
  purpose: {
    type: 'enum',
    values: NETWORK_PURPOSES,
    default: 'other',
    label: 'Purpose',
    help: 'What the VLAN is for; checks treat management specially.',
  },
  colour: {
    type: 'text',
    pattern: /^#[0-9a-f]{6}$/,
    patternHelp: 'must be a colour such as #3b82f6',
    default: '#64748b',
    label: 'Colour',
    help: 'Used for cables and badges that carry this VLAN.',
  },
} as const satisfies AttributeTable;

export const network = defineKind<Network, Design>()({
  id: 'network',
  owner: 'design',
  collection: 'networks',
  label: 'network',
  title: (n) => `VLAN ${n.vlan} ${n.name}`,
  phrase: (n) => `network ${n.name} (VLAN ${n.vlan})`,
  attributes: networkAttributes,
  icon: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z',
});
