import { bridgeAttributes } from '../../model/kinds/index.js';
import type { Bridge } from '../../model/schema.js';
import { attributeLines } from './attribute-lines.js';
import type { NameOf } from './names.js';
import { BRIDGE_PORTS } from '../../model/ifupdown2-keys.js';
import type { InterfaceStanzas } from './stanza.js';

export function bridgeStanzas(bridge: Bridge, nameOf: NameOf): InterfaceStanzas {
  const ports = bridge.ports.length > 0 ? bridge.ports.map(nameOf).join(' ') : 'none';
  return {
    element: bridge,
    label: `bridge ${bridge.name}`,
    kindLines: [`${BRIDGE_PORTS} ${ports}`, ...attributeLines(bridgeAttributes, bridge)],
  };
}
