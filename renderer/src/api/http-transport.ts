/**
 * The API transport for a browser talking to `netloom serve`:
 * `POST /api/<method>` with the JSON argument array and the token as a Bearer
 * header; events arrive as Server-Sent Events from `GET /api/events` (an
 * EventSource cannot send headers, so only that URL carries the token as a
 * query parameter).
 */
import type { ApiReply } from '../../../shared/api.js';
import type { ApiTransport } from '../../../shared/api-client.js';
import type { ApiEventName } from '../../../shared/api-events.js';

/** The part of the browser's EventSource used here. */
export interface EventSourceLike {
  onmessage: ((message: { readonly data: string }) => void) | null;
  close(): void;
}

export interface HttpTransportOptions {
  /** Origin (and path prefix) of the server, e.g. `http://127.0.0.1:4242`. */
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
  readonly EventSource?: new (url: string) => EventSourceLike;
}

const failure = (code: string, message: string): ApiReply => ({ error: { code, message } });

export function createHttpTransport(options: HttpTransportOptions): ApiTransport {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const EventSourceImpl =
    options.EventSource ?? (globalThis.EventSource as unknown as new (url: string) => EventSourceLike);
  const base = options.baseUrl.replace(/\/$/, '');

  const call = async (method: string, args: unknown[]): Promise<ApiReply> => {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(args),
      });
    } catch (e) {
      return failure('unreachable', `cannot reach the Netloom server: ${(e as Error).message}`);
    }
    try {
      const reply = (await response.json()) as Partial<{ value: unknown; error: { code: string; message: string } }>;
      if (reply.error) return { error: reply.error };
      if (response.ok && 'value' in reply) return { value: reply.value };
    } catch {
      // Not JSON: reported below with the status.
    }
    return failure('transport', `the Netloom server answered ${response.status} ${response.statusText}`);
  };

  // One EventSource, opened with the first listener and closed with the last.
  const listeners = new Set<(name: ApiEventName, payload: unknown) => void>();
  let source: EventSourceLike | undefined;
  const listen = (listener: (name: ApiEventName, payload: unknown) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSourceImpl(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
      source.onmessage = (message) => {
        const event = JSON.parse(message.data) as { name: ApiEventName; payload: unknown };
        for (const l of [...listeners]) l(event.name, event.payload);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = undefined;
      }
    };
  };

  return { call, listen };
}
