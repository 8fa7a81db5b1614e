/**
 * Import of `/etc/network/interfaces`: parse with ifupdown2's grammar, map to
 * a host of the model, keep what the model does not know verbatim.
 */
export { importInterfaces, DEFAULT_SOURCE, type ImportOptions, type InterfacesImport } from './map-host.js';
export type { Note } from './draft.js';
export { parseInterfaces } from './parse.js';
