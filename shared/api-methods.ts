import type { NetloomApi } from './api.js';

/** The API's method names, without zod, for the preload bundle and the HTTP client. */
export const API_METHODS = ['initialDesign', 'openDesign', 'saveDesign'] as const satisfies readonly (keyof NetloomApi)[];
