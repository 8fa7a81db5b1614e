import { bondAttributes } from '../../model/kinds/index.js';
import type { Bond } from '../../model/schema.js';
import { attributeLines } from './attribute-lines.js';
import type { NameOf } from './names.js';
import { BOND_PRIMARY, BOND_SLAVES } from './keys.js';
import type { InterfaceStanzas } from './stanza.js';

export function bondStanzas(bond: Bond, nameOf: NameOf): InterfaceStanzas {
  const lines = [`${BOND_SLAVES} ${bond.members.length > 0 ? bond.members.map(nameOf).join(' ') : 'none'}`];
  if (bond.primary !== undefined) lines.push(`${BOND_PRIMARY} ${nameOf(bond.primary)}`);
  return { element: bond, label: `bond ${bond.name}`, kindLines: [...lines, ...attributeLines(bondAttributes, bond)] };
}
