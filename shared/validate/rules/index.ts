import type { Rule } from '../rule.js';
import { bondLacpPeerMismatch } from './bond-lacp-peer-mismatch.js';
import { bondLagOnFailoverBond } from './bond-lag-on-failover-bond.js';
import { bondMemberInBridge } from './bond-member-in-bridge.js';
import { bondMemberSpeedMismatch } from './bond-member-speed-mismatch.js';
import { bondMembersOnUnpairedSwitches } from './bond-members-on-unpaired-switches.js';
import { bondSingleMember } from './bond-single-member.js';
import { bondStaticLagMismatch } from './bond-static-lag-mismatch.js';
import { bondXmitHashUnsupported } from './bond-xmit-hash-unsupported.js';
import { bridgePortInTwoBridges } from './bridge-port-in-two-bridges.js';
import { bridgeSecondVlanAwareOnDebian } from './bridge-second-vlan-aware-on-debian.js';
import { cablePortWithTwoCables } from './cable-port-with-two-cables.js';
import { cableSwitchPortWithTwoCables } from './cable-switch-port-with-two-cables.js';
import { esxiAllVlansOnAccessUplink } from './esxi-all-vlans-on-access-uplink.js';
import { esxiNestedHypervisorSecurity } from './esxi-nested-hypervisor-security.js';
import { esxiVswitchNotExported } from './esxi-vswitch-not-exported.js';
import { exposureManagementOnVmBridge } from './exposure-management-on-vm-bridge.js';
import { firewallClusterNetworkBlocked } from './firewall-cluster-network-blocked.js';
import { firewallLockout } from './firewall-lockout.js';
import { firewallNicFlagMismatch } from './firewall-nic-flag-mismatch.js';
import { firewallShadowedRule } from './firewall-shadowed-rule.js';
import { firewallUndefinedReference } from './firewall-undefined-reference.js';
import { firewallVmSshBlocked } from './firewall-vm-ssh-blocked.js';
import { hostRootCommand } from './host-root-command.js';
import { libvirtBridgedTrafficDropped } from './libvirt-bridged-traffic-dropped.js';
import { hostUnmanagedRedefinesInterface } from './host-unmanaged-redefines-interface.js';
import { ipAddressOnEnslaved } from './ip-address-on-enslaved.js';
import { ipDuplicateAddress } from './ip-duplicate-address.js';
import { ipGatewayOutsideSubnet } from './ip-gateway-outside-subnet.js';
import { ipMultipleDefaultGateways } from './ip-multiple-default-gateways.js';
import { mtuBondMemberMismatch } from './mtu-bond-member-mismatch.js';
import { mtuCableMismatch } from './mtu-cable-mismatch.js';
import { mtuOnBridge } from './mtu-on-bridge.js';
import { mtuSwitchRange } from './mtu-switch-range.js';
import { mtuVlanAboveParent } from './mtu-vlan-above-parent.js';
import { namesDuplicateDevice } from './names-duplicate-device.js';
import { namesProxmoxVmBridge } from './names-proxmox-vm-bridge.js';
import { namesSwitchText } from './names-switch-text.js';
import { networkDuplicateName } from './network-duplicate-name.js';
import { networkDuplicateVlan } from './network-duplicate-vlan.js';
import { ovsLacpPeerMismatch } from './ovs-lacp-peer-mismatch.js';
import { ovsTagNotAllowedOnTrunk } from './ovs-tag-not-allowed-on-trunk.js';
import { portChannelLacpModeSplit } from './port-channel-lacp-mode-split.js';
import { portChannelMemberHasSwitchport } from './port-channel-member-has-switchport.js';
import { portChannelMembersSplit } from './port-channel-members-split.js';
import { portInTwoBonds } from './port-in-two-bonds.js';
import { switchPortInTwoPortChannels } from './switch-port-in-two-port-channels.js';
import { switchPortUnitOutsideStack } from './switch-port-unit-outside-stack.js';
import { virtualNetworkAddressOnDedicatedUplink } from './virtual-network-address-on-dedicated-uplink.js';
import { virtualNetworkDmzBypassesRouter } from './virtual-network-dmz-bypasses-router.js';
import { vlanBridgeVidsNotAllowed } from './vlan-bridge-vids-not-allowed.js';
import { vlanDuplicateOnParent } from './vlan-duplicate-on-parent.js';
import { vlanNativeMismatch } from './vlan-native-mismatch.js';
import { vlanNativeNotAllowed } from './vlan-native-not-allowed.js';
import { vlanNotAllowedOnTrunk } from './vlan-not-allowed-on-trunk.js';
import { vlanReservedOnSwitch } from './vlan-reserved-on-switch.js';
import { vlanUndefinedNetwork } from './vlan-undefined-network.js';
import { vlanVmTagOnPlainBridge } from './vlan-vm-tag-on-plain-bridge.js';
import { vlanVmTagOutsideVids } from './vlan-vm-tag-outside-vids.js';

/** Every design rule, in the order they are listed: LACP and LAGs, VLANs, layer 1/2, addressing, names, firewall. */
export const RULES = [
  bondLacpPeerMismatch,
  bondStaticLagMismatch,
  ovsLacpPeerMismatch,
  bondLagOnFailoverBond,
  portChannelLacpModeSplit,
  bondMembersOnUnpairedSwitches,
  portChannelMembersSplit,
  portInTwoBonds,
  switchPortInTwoPortChannels,
  portChannelMemberHasSwitchport,
  switchPortUnitOutsideStack,
  vlanNotAllowedOnTrunk,
  ovsTagNotAllowedOnTrunk,
  vlanBridgeVidsNotAllowed,
  vlanNativeMismatch,
  vlanNativeNotAllowed,
  vlanVmTagOutsideVids,
  vlanVmTagOnPlainBridge,
  esxiAllVlansOnAccessUplink,
  esxiNestedHypervisorSecurity,
  esxiVswitchNotExported,
  vlanDuplicateOnParent,
  networkDuplicateVlan,
  networkDuplicateName,
  vlanUndefinedNetwork,
  vlanReservedOnSwitch,
  mtuCableMismatch,
  mtuBondMemberMismatch,
  mtuOnBridge,
  mtuVlanAboveParent,
  mtuSwitchRange,
  bondMemberSpeedMismatch,
  cablePortWithTwoCables,
  cableSwitchPortWithTwoCables,
  bondSingleMember,
  bridgePortInTwoBridges,
  bondMemberInBridge,
  bridgeSecondVlanAwareOnDebian,
  bondXmitHashUnsupported,
  ipAddressOnEnslaved,
  ipDuplicateAddress,
  ipGatewayOutsideSubnet,
  ipMultipleDefaultGateways,
  exposureManagementOnVmBridge,
  hostRootCommand,
  hostUnmanagedRedefinesInterface,
  namesSwitchText,
  namesDuplicateDevice,
  namesProxmoxVmBridge,
  firewallLockout,
  firewallUndefinedReference,
  firewallNicFlagMismatch,
  firewallClusterNetworkBlocked,
  firewallShadowedRule,
  firewallVmSshBlocked,
  libvirtBridgedTrafficDropped,
  virtualNetworkAddressOnDedicatedUplink,
  virtualNetworkDmzBypassesRouter,
] as const satisfies readonly Rule[];

/** Every rule id: a closed set, so a diagnostic names a rule that exists. */
export type RuleId = (typeof RULES)[number]['id'];
