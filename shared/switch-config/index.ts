export * from './read.js';
export * from './to-switch.js';
