/** Importers: existing configurations into the model, pure functions of text. */
export * from './interfaces/index.js';
