/**
 * Open vSwitch stanzas as Proxmox VE writes them: the bridge says its type and
 * lists its ports (`ovs_ports`); each port says its type and names its bridge
 * (`ovs_bridge`), a host port on the bridge included (`OVSPort`); a bond lists
 * its members (`ovs_bonds`). Then `ovs_mtu`, and one `ovs_options` line: the
 * kind's settings that have an `ovs-vsctl` column in its table, then the
 * settings Netloom keeps as written.
 */
import type { AttributeTable } from '../../model/attributes.js';
import { ovsBondAttributes } from '../../model/kinds/ovs-bond.js';
import { ovsBridgeAttributes } from '../../model/kinds/ovs-bridge.js';
import { ovsIntPortAttributes } from '../../model/kinds/ovs-int-port.js';
import { formatOvsOptions, type OvsOption } from '../../model/ovs-options.js';
import type { Host, OvsBond, OvsBridge, OvsIntPort } from '../../model/schema.js';
import { attributeLines } from './attribute-lines.js';
import { OVS_BONDS, OVS_BRIDGE, OVS_OPTIONS, OVS_PORTS, OVS_TYPE, OVS_TYPES } from '../../model/ifupdown2-keys.js';
import type { NameOf } from './names.js';
import type { InterfaceStanzas } from './stanza.js';

/** The OVS bridge each port, bond and internal port sits on, by element id (the first bridge that lists it). */
export type OvsBridgeOf = (id: string) => OvsBridge | undefined;

export function ovsBridges(host: Host): OvsBridgeOf {
  const of = new Map<string, OvsBridge>();
  for (const bridge of host.ovsBridges) for (const id of bridge.ports) if (!of.has(id)) of.set(id, bridge);
  return (id) => of.get(id);
}

/** `ovs_options` settings of an element, read from its kind's table. */
export function ovsOptions(
  table: AttributeTable,
  element: Readonly<Record<string, unknown>> & { otherOptions?: string },
): string[] {
  const settings: OvsOption[] = [];
  for (const [name, attribute] of Object.entries(table)) {
    const column = attribute.keys?.['ovs-vsctl'];
    const value = element[name];
    if (column !== undefined && value !== undefined) settings.push({ column, value: String(value) });
  }
  const text = [formatOvsOptions(settings), element.otherOptions ?? ''].filter(Boolean).join(' ');
  return text === '' ? [] : [`${OVS_OPTIONS} ${text}`];
}

const onBridge = (bridge: OvsBridge | undefined) => (bridge ? [`${OVS_BRIDGE} ${bridge.name}`] : []);

export function ovsBridgeStanzas(bridge: OvsBridge, nameOf: NameOf): InterfaceStanzas {
  const ports = bridge.ports.length > 0 ? [`${OVS_PORTS} ${bridge.ports.map(nameOf).join(' ')}`] : [];
  return {
    element: bridge,
    label: `ovs-bridge ${bridge.name}`,
    kindLines: [
      `${OVS_TYPE} ${OVS_TYPES['ovs-bridge']}`,
      ...ports,
      ...attributeLines(ovsBridgeAttributes, bridge),
      ...ovsOptions(ovsBridgeAttributes, bridge),
    ],
  };
}

export function ovsBondStanzas(bond: OvsBond, nameOf: NameOf, bridgeOf: OvsBridgeOf): InterfaceStanzas {
  const members = bond.members.length > 0 ? [`${OVS_BONDS} ${bond.members.map(nameOf).join(' ')}`] : [];
  return {
    element: bond,
    label: `ovs-bond ${bond.name}`,
    kindLines: [
      ...members,
      `${OVS_TYPE} ${OVS_TYPES['ovs-bond']}`,
      ...onBridge(bridgeOf(bond.id)),
      ...attributeLines(ovsBondAttributes, bond),
      ...ovsOptions(ovsBondAttributes, bond),
    ],
  };
}

export function ovsIntPortStanzas(port: OvsIntPort, bridgeOf: OvsBridgeOf): InterfaceStanzas {
  return {
    element: port,
    label: `ovs-int-port ${port.name}`,
    kindLines: [
      `${OVS_TYPE} ${OVS_TYPES['ovs-int-port']}`,
      ...onBridge(bridgeOf(port.id)),
      ...attributeLines(ovsIntPortAttributes, port),
      ...ovsOptions(ovsIntPortAttributes, port),
    ],
  };
}

/** Lines a host port on an OVS bridge adds to its own stanza. */
export function ovsPortLines(bridge: OvsBridge | undefined): string[] {
  return bridge ? [`${OVS_TYPE} ${OVS_TYPES.port}`, ...onBridge(bridge)] : [];
}
