/** Importers: existing configurations into the model, pure functions of text. */
export * from './interfaces/index.js';
export { layoutHost, belowEverything, NODE_WIDTH, NODE_HEIGHT } from './host-layout.js';
export { placeHost, type Placement } from './place-host.js';
