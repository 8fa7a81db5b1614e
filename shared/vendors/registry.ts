/**
 * The switch vendor registry: one line per vendor. The design's vendor ids
 * (`SWITCH_VENDORS` in shared/model/schema.ts) are the keys, so the compiler
 * asks for an entry when an id is added.
 */
import type { SwitchVendor } from '../model/schema.js';
import { ciscoIos } from './cisco-ios.js';
import { dellOs6 } from './dell-os6.js';
import type { Vendor } from './vendor.js';

export const VENDORS: Readonly<Record<SwitchVendor, Vendor>> = {
  'dell-os6': dellOs6,
  'cisco-ios': ciscoIos,
};
