/** Facts derived from a design's cabling, and the actions built on them. */
export { derivePortChannel, type DeriveResult } from './port-channel.js';
export { switchSideOf, allowedRanges, DEFAULT_VLAN, type SwitchSide } from './switch-side.js';
export { topologyOf, type Topology } from './topology.js';
export {
  hostUplinks,
  networkOfAddresses,
  switchPortsOfUplink,
  switchSidesOfUplink,
  uplinkVlans,
  type BridgeVids,
  type UplinkVlans,
  type VlanUse,
} from './uplink-vlans.js';
