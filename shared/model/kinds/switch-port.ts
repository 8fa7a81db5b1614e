/** A port of a switch, named in the vendor's scheme (Tengigabitethernet1/0/17; the load step in shared/load checks and canonicalises it). */
import type { AttributeTable } from '../attributes.js';
import type { Switch, SwitchPort } from '../schema.js';
import { defineKind } from './define.js';
import { portChannelAttributes } from './port-channel.js';
import { portAttributes } from './port.js';

export const switchPortAttributes = {
  speed: portAttributes.speed,
  description: portChannelAttributes.description,
  mtu: portChannelAttributes.mtu,
} as const satisfies AttributeTable;

export const switchPort = defineKind<SwitchPort, Switch>()({
  id: 'switch-port',
  owner: 'switch',
  collection: 'ports',
  label: 'switch port',
  title: (p) => p.name,
  phrase: (p) => `port ${p.name}`,
  attributes: switchPortAttributes,
  unique: [
    { field: 'name', group: 'switch-port', message: (name, sw) => `port ${name} is listed twice on switch ${sw}` },
  ],
  canvas: { row: 0, size: { width: 160, height: 48 } },
  palette: { hint: 'A switch port such as Te1/0/17' },
  icon: 'M6 6h12v9h-3v3H9v-3H6z',
});
