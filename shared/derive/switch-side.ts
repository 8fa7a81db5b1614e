/**
 * What a switch port does with VLANs, as the vendors define it: a member of a
 * port-channel follows the port-channel; a port without switchport settings is
 * an access port in VLAN 1; a trunk without a native VLAN uses VLAN 1.
 */
import type { ElementOf } from '../model/index-of.js';
import type { Switchport } from '../model/schema.js';
import { ALL_VLANS, sharedVlanSet, type VlanRange } from '../model/vlan-set.js';
import type { Topology } from './topology.js';

export const DEFAULT_VLAN = 1;

export interface SwitchSide {
  /** The element whose switchport settings apply: the port-channel of a member, else the port. */
  readonly owner: ElementOf<'port-channel'> | ElementOf<'switch-port'>;
  readonly mode: 'access' | 'trunk';
  /** VLAN of untagged frames: the access VLAN or the trunk's native VLAN. */
  readonly untagged: number;
  /** VLANs carried tagged (empty on an access port). */
  readonly tagged: readonly VlanRange[];
  /** Whether the trunk allows every VLAN. */
  readonly allowsAll: boolean;
}

export function allowedRanges(switchport: Extract<Switchport, { mode: 'trunk' }>): readonly VlanRange[] {
  return switchport.allowed === 'all' ? ALL_VLANS : sharedVlanSet(switchport.allowed);
}

export function switchSideOf(topology: Topology, switchPort: ElementOf<'switch-port'>): SwitchSide {
  const channel = topology.portChannelsOfSwitchPort(switchPort)[0];
  const owner = channel ?? switchPort;
  const switchport = owner.element.switchport;
  if (switchport?.mode === 'trunk') {
    return {
      owner,
      mode: 'trunk',
      untagged: switchport.native ?? DEFAULT_VLAN,
      tagged: allowedRanges(switchport),
      allowsAll: switchport.allowed === 'all',
    };
  }
  return { owner, mode: 'access', untagged: switchport?.vlan ?? DEFAULT_VLAN, tagged: [], allowsAll: false };
}
