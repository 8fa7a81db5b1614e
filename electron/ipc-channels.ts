/** IPC channel names, shared by main (ipc.ts) and the preload. Every channel carries the `netloom:` prefix. */
import type { ApiMethod } from '../shared/api-methods.js';

export const CHANNEL_PREFIX = 'netloom:';
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;
export const methodChannel = (method: ApiMethod): string => `${CHANNEL_PREFIX}${method}`;
