/** A port-channel (LAG) of switch ports. */
import type { AttributeTable } from '../attributes.js';
import type { PortChannel, Switch } from '../schema.js';
import { MTU } from './common.js';
import { defineKind } from './define.js';

export const LACP_MODES = ['active', 'passive', 'on'] as const;
export type LacpMode = (typeof LACP_MODES)[number];

export const portChannelAttributes = {
  lacp: {
    type: 'enum',
    values: LACP_MODES,
    default: 'active',
    label: 'LACP mode',
    help: 'active or passive negotiate with LACP; on is a static LAG.',
    keys: { 'dell-os6': 'channel-group mode', 'cisco-ios': 'channel-group mode' },
  },
  description: {
    type: 'text',
    label: 'Description',
    help: 'Shown in the switch configuration; filled in from the cable’s other end when empty.',
    keys: { 'dell-os6': 'description', 'cisco-ios': 'description' },
  },
  mtu: { ...MTU, min: 1280, max: 9216 },
} as const satisfies AttributeTable;

export const portChannel = defineKind<PortChannel, Switch>()({
  id: 'port-channel',
  owner: 'switch',
  collection: 'portChannels',
  label: 'port-channel',
  title: (pc) => `Po${pc.number}`,
  phrase: (pc) => `port-channel ${pc.number}`,
  references: [
    {
      field: 'members',
      to: ['switch-port'],
      sameDevice: true,
      onDelete: 'drop-ref',
      link: { kind: 'channel-member', prefix: 'channel', label: 'Port-channel membership' },
    },
  ],
  attributes: portChannelAttributes,
  unique: [
    {
      field: 'number',
      group: 'port-channel',
      message: (n, sw) => `port-channel ${n} is defined twice on switch ${sw}`,
    },
  ],
  canvas: { row: 1, size: { width: 184, height: 52 } },
  palette: { hint: 'A port-channel (LAG) of switch ports' },
  icon: 'M4 8h7v8H4zM13 8h7v8h-7zM7 4v4M17 4v4',
});
