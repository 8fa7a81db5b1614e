export { VENDORS } from './registry.js';
export type { PortType, Vendor } from './vendor.js';
export * from './port-names.js';
export * from './mtu.js';
