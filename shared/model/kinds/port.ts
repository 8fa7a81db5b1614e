/** A physical NIC of a host, such as enp88s0. */
import type { AttributeTable } from '../attributes.js';
import type { Host, Port } from '../schema.js';
import { COMMENT, INTERFACE_NAME, MTU } from './common.js';
import { defineKind } from './define.js';

export const portAttributes = {
  speed: {
    type: 'int',
    min: 10,
    max: 800000,
    unit: 'Mb/s',
    label: 'Speed',
    help: 'Link speed the port should negotiate, in Mb/s (2.5 GbE is 2500).',
  },
  mac: {
    type: 'text',
    pattern: /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/,
    patternHelp: 'must be a MAC address in lower case, such as 58:47:ca:12:34:56',
    label: 'MAC address',
    help: 'The hardware address, for reference and drift checks.',
  },
  mtu: MTU,
  comment: COMMENT,
} as const satisfies AttributeTable;

export const port = defineKind<Port, Host>()({
  id: 'port',
  owner: 'host',
  collection: 'ports',
  label: 'port',
  title: (p) => p.name,
  attributes: portAttributes,
  hostInterface: true,
  unique: [INTERFACE_NAME],
  create: ({ owner, names, nextNumbered }) => {
    const name = nextNumbered('eth', names);
    return { idBase: `${owner.id}-${name}`, fields: { name } };
  },
  canvas: { row: 4, size: { width: 150, height: 48 } },
  palette: { hint: 'A physical NIC such as enp88s0' },
  icon: 'M6 5h12v10h-3v3H9v-3H6zM9 9h6',
});
