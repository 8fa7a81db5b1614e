import { portAttributes } from '../../model/kinds/index.js';
import type { Port } from '../../model/schema.js';
import { attributeLines } from './attribute-lines.js';
import type { InterfaceStanzas } from './stanza.js';

export function portStanzas(port: Port): InterfaceStanzas {
  return { element: port, label: `port ${port.name}`, kindLines: attributeLines(portAttributes, port) };
}
