/**
 * What the Open vSwitch kinds (ovs-bridge, ovs-bond, ovs-int-port) share: the
 * `ovs_mtu` line as Proxmox VE writes it, with the range ifupdown2's
 * openvswitch addons accept, and the `ovs_options` settings Netloom does not
 * model, kept as written.
 */
import { OVS_OPTIONS_PATTERN } from '../ovs-options.js';

export const OVS_MTU = {
  type: 'int',
  min: 552,
  max: 9216,
  unit: 'bytes',
  label: 'MTU',
  help: 'MTU Open vSwitch requests for the interface (ovs_mtu); leave empty for 1500.',
  keys: { ifupdown2: 'ovs_mtu' },
} as const;

export const OVS_OTHER_OPTIONS = {
  type: 'text',
  pattern: OVS_OPTIONS_PATTERN,
  patternHelp: 'must be column=value settings separated by spaces, such as vlan_mode=dot1q-tunnel',
  label: 'Other OVS options',
  help: 'ovs-vsctl settings Netloom does not model; written at the end of ovs_options.',
} as const;
