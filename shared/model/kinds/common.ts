/** Attribute entries and constraints several kinds share. */
import type { Unique } from './define.js';

export const MTU = {
  type: 'int',
  min: 68,
  max: 65535,
  unit: 'bytes',
  label: 'MTU',
  help: 'Maximum transmission unit; leave empty for the kernel default (1500).',
  keys: { ifupdown2: 'mtu', 'dell-os6': 'mtu', 'cisco-ios': 'mtu' },
} as const;

export const COMMENT = {
  type: 'text',
  label: 'Comment',
  help: 'A note written above the stanza.',
} as const;

/** Ports, bonds, bridges and VLAN interfaces share one namespace of names per host. */
export const INTERFACE_NAME: Unique<{ readonly name: string }> = {
  field: 'name',
  group: 'interface',
  message: (name, host, other) => `interface name "${name}" is used twice on host ${host} (also by "${other}")`,
};
