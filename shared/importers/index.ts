/** Importers: existing configurations into the model, pure functions of text. */
export * from './interfaces/index.js';
export { layoutHost, belowEverything } from './host-layout.js';
export { placeHost, type Placement } from './place-host.js';
