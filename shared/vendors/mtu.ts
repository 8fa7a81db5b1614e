/** What a switch's `mtu` setting means in IP packet bytes, per vendor. */
import type { SwitchVendor } from '../model/schema.js';
import { VENDORS } from './registry.js';

/** The largest IP packet a switch interface forwards, given its configured `mtu`. */
export function switchPayloadMtu(vendor: SwitchVendor, mtu: number | undefined): number {
  const facts = VENDORS[vendor];
  return (mtu ?? facts.defaultMtu) - facts.mtuOverhead;
}
