import { vlanInterfaceAttributes } from '../../model/kinds/index.js';
import type { VlanInterface } from '../../model/schema.js';
import { attributeLines } from './attribute-lines.js';
import type { NameOf } from './names.js';
import { VLAN_ID, VLAN_RAW_DEVICE } from '../../model/ifupdown2-keys.js';
import type { InterfaceStanzas } from './stanza.js';

/** `bond1.240` needs nothing more; a free name such as `mgmt` names its raw device and VLAN id. */
export function vlanStanzas(vlan: VlanInterface, nameOf: NameOf): InterfaceStanzas {
  const parent = nameOf(vlan.parent);
  const lines =
    vlan.name === `${parent}.${vlan.vlan}` ? [] : [`${VLAN_RAW_DEVICE} ${parent}`, `${VLAN_ID} ${vlan.vlan}`];
  return {
    element: vlan,
    label: `vlan ${vlan.name}`,
    kindLines: [...lines, ...attributeLines(vlanInterfaceAttributes, vlan)],
  };
}
