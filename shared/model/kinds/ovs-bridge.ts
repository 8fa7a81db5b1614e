/** An Open vSwitch bridge such as vmbr1 (`ovs_type OVSBridge`). */
import type { AttributeTable } from '../attributes.js';
import { portAttributes } from '../kinds.js';
import { OVS_MTU, OVS_OTHER_OPTIONS } from './ovs-common.js';

export const ovsBridgeAttributes = {
  mtu: OVS_MTU,
  otherOptions: OVS_OTHER_OPTIONS,
  comment: portAttributes.comment,
} as const satisfies AttributeTable;
