import type { NetloomMethods } from './api.js';

/**
 * The API's method names, without zod, for the preload bundle and the HTTP
 * client. `satisfies Record<keyof NetloomMethods, true>` makes the compiler
 * refuse a missing or an extra name.
 */
const METHODS = {
  initialDesign: true,
  openDesign: true,
  openExample: true,
  saveDesign: true,
  listRecentFiles: true,
  writeRecovery: true,
  readRecovery: true,
  discardRecovery: true,
  exportConfigs: true,
  listFolder: true,
  capabilities: true,
  pickOpenPath: true,
  pickSavePath: true,
  pickFolder: true,
  reportDirty: true,
  startStatus: true,
  stopStatus: true,
  prepareDeploy: true,
  applyDeploy: true,
  discardDeploy: true,
} as const satisfies Record<keyof NetloomMethods, true>;

export type ApiMethod = keyof NetloomMethods;
export const API_METHODS = Object.keys(METHODS) as ApiMethod[];

export const isApiMethod = (name: string): name is ApiMethod => Object.hasOwn(METHODS, name);
