/**
 * ifupdown2's spelling of the attributes Netloom models: the key names come
 * from the kind tables (shared/model/kinds.ts); this file adds only what
 * ifupdown2 accepts beside them (its `_` -> `-` rewrite, aliases from its
 * addon tables, numeric bond modes, yes/on/1 booleans).
 */
import type { AttributeTable } from '../../model/attributes.js';
import { BOND_MODES, type BondMode } from '../../model/kinds/index.js';
import { OVS_MTU } from '../../model/kinds/ovs-common.js';
import { OVS_BONDS, OVS_BRIDGE, OVS_OPTIONS, OVS_PORTS, OVS_TYPE } from '../../model/ifupdown2-keys.js';

/** Aliases declared in ifupdown2's addons (bond.py: bond-ports; bridge.py: bridge-trunk). */
const ALIASES: Readonly<Record<string, string>> = { 'bond-ports': 'bond-slaves', 'bridge-trunk': 'bridge-vids' };

/** The key as ifupdown2 stores it: underscores become dashes, aliases their attribute. */
export function canonicalKey(key: string): string {
  const dashed = key.replace(/_/g, '-');
  return ALIASES[dashed] ?? dashed;
}

/** Model attribute name by ifupdown2 key, from a kind's table. */
export function keysOf(table: AttributeTable): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [name, attribute] of Object.entries(table)) {
    if (attribute.keys?.ifupdown2) map.set(canonicalKey(attribute.keys.ifupdown2), name);
  }
  return map;
}

/** Keys of references, which live in the schema rather than the attribute tables: the exporter's own. */
export { BOND_PRIMARY, BOND_SLAVES, BRIDGE_PORTS, VLAN_ID, VLAN_RAW_DEVICE } from '../../model/ifupdown2-keys.js';

/** The Open vSwitch keys Netloom models, as ifupdown2 stores them (`ovs-type`). */
export const OVS_KEYS = {
  type: canonicalKey(OVS_TYPE),
  ports: canonicalKey(OVS_PORTS),
  bridge: canonicalKey(OVS_BRIDGE),
  bonds: canonicalKey(OVS_BONDS),
  options: canonicalKey(OVS_OPTIONS),
} as const;
const MODELLED_OVS_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(OVS_KEYS),
  canonicalKey(OVS_MTU.keys.ifupdown2),
]);

/** ifupdown2's own defaults (addons/bond.py, addons/bridge.py) for what the model always states. */
export const IFUPDOWN2_DEFAULTS = { bondMode: 'balance-rr', bondMiimon: 0, bridgeForwardDelay: 15 } as const satisfies {
  bondMode: BondMode;
  bondMiimon: number;
  bridgeForwardDelay: number;
};

/** `bond-mode 4` means 802.3ad: the kernel's numbering, which ifupdown2 accepts. */
export function readBondMode(value: string): BondMode | undefined {
  if (/^[0-6]$/.test(value)) return BOND_MODES[Number(value)];
  return (BOND_MODES as readonly string[]).includes(value) ? (value as BondMode) : undefined;
}

const TRUE = new Set(['yes', 'on', '1']);
const FALSE = new Set(['no', 'off', '0']);

export function readBool(value: string): boolean | undefined {
  return TRUE.has(value) ? true : FALSE.has(value) ? false : undefined;
}

/** bond-lacp-rate also takes 0 and 1. */
export function readLacpRate(value: string): 'slow' | 'fast' | undefined {
  return value === 'slow' || value === '0' ? 'slow' : value === 'fast' || value === '1' ? 'fast' : undefined;
}

/** Keys whose presence means a link kind Netloom does not model: the interface is kept verbatim. */
export function unmodelledKind(key: string): string | undefined {
  if (key.startsWith('ovs-') && !MODELLED_OVS_KEYS.has(key))
    return 'an Open vSwitch interface with settings Netloom does not model';
  if (key.startsWith('vxlan-')) return 'a VXLAN interface';
  if (key === 'vrf' || key.startsWith('vrf-')) return 'a VRF';
  if (key.startsWith('tunnel-') || key === 'endpoint' || key === 'tunnel-mode') return 'a tunnel';
  if (key.startsWith('batman-')) return 'a B.A.T.M.A.N. interface';
  if (key.startsWith('xfrm-')) return 'an XFRM interface';
  if (key === 'link-type') return 'a link of a type set by link-type';
  return undefined;
}
