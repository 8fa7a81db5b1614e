/**
 * Turns a transport into the typed `NetloomApi` object. A transport only
 * moves `(method, args) -> ApiReply` and `(event name, payload)` pairs: the
 * Electron preload bridge over IPC, the HTTP client for `netloom serve`, or a
 * direct call in tests. Error replies are thrown as `ApiCallError`.
 */
import type { ApiError, ApiReply, NetloomApi, NetloomMethods } from './api.js';
import { createEventSubscriptions, type ApiEventName, type Unsubscribe } from './api-events.js';
import { API_METHODS, type ApiMethod } from './api-methods.js';

export interface ApiTransport {
  call(method: ApiMethod, args: unknown[]): Promise<ApiReply>;
  listen(listener: (name: ApiEventName, payload: unknown) => void): Unsubscribe;
}

/** A backend error as the renderer sees it: `message` for people, `code` for code. */
export class ApiCallError extends Error implements ApiError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export const isApiCallError = (e: unknown): e is ApiCallError => e instanceof ApiCallError;

export function createApiClient(transport: ApiTransport): NetloomApi {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => {
        const reply = await transport.call(method, args);
        if ('error' in reply) throw new ApiCallError(reply.error.code, reply.error.message);
        return reply.value;
      },
    ]),
  ) as unknown as NetloomMethods;
  return { ...methods, ...createEventSubscriptions((listener) => transport.listen(listener)) };
}
