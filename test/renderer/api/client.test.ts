/** The renderer's API client pieces that run outside a browser: the token hand-off and the HTTP transport. */
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api-client.js';
import { createHttpTransport } from '../../../renderer/src/api/http-transport.js';
import { takeServeToken, type PageHistory, type TokenStorage } from '../../../renderer/src/api/token.js';

function fakeStorage(): TokenStorage {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('takeServeToken', () => {
  it('takes the token from the URL, removes it from the address bar and keeps it for reloads', () => {
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url),
    } as PageHistory;
    const storage = fakeStorage();
    expect(takeServeToken({ href: 'http://127.0.0.1:4280/?token=abc_-1&x=1#h' }, history, storage)).toBe('abc_-1');
    expect(replaced).toEqual(['/?x=1#h']);
    expect(takeServeToken({ href: 'http://127.0.0.1:4280/' }, history, storage)).toBe('abc_-1');
    expect(replaced).toHaveLength(1);
    expect(takeServeToken({ href: 'http://127.0.0.1:4280/' }, history, fakeStorage())).toBeNull();
  });
});

describe('HTTP transport', () => {
  it('posts JSON arguments with the Bearer token and unwraps values and errors', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const replies = [
      new Response('{"value":{"nativeDialogs":false}}'),
      new Response('{"error":{"code":"read-only","message":"no"}}', { status: 422 }),
      new Response('<html>', { status: 502, statusText: 'Bad Gateway' }),
    ];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return replies.shift()!;
    }) as unknown as typeof fetch;
    const api = createApiClient(createHttpTransport({ baseUrl: 'http://127.0.0.1:9/', token: 'T', fetch: fakeFetch }));
    expect(await api.capabilities()).toEqual({ nativeDialogs: false });
    expect(requests[0]!.url).toBe('http://127.0.0.1:9/api/capabilities');
    expect(requests[0]!.init.headers).toMatchObject({ Authorization: 'Bearer T', 'Content-Type': 'application/json' });
    expect(requests[0]!.init.body).toBe('[]');
    await expect(api.openDesign('/x')).rejects.toMatchObject({ code: 'read-only', message: 'no' });
    expect(requests[1]!.init.body).toBe('["/x"]');
    await expect(api.listRecentFiles()).rejects.toMatchObject({
      code: 'transport',
      message: expect.stringContaining('502'),
    });
  });

  it('opens one event stream for all listeners, with the token in the query, and closes it with the last', () => {
    const sources: { url: string; closed: boolean; onmessage?: (m: { data: string }) => void }[] = [];
    class FakeEventSource {
      closed = false;
      onmessage?: (m: { data: string }) => void;
      constructor(readonly url: string) {
        sources.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    const api = createApiClient(
      createHttpTransport({
        baseUrl: 'http://h:1',
        token: 'a b',
        fetch: (() => undefined) as any,
        EventSource: FakeEventSource as any,
      }),
    );
    const commands: unknown[] = [];
    const recents: unknown[] = [];
    const stopCommands = api.onDidRequestCommand((c) => commands.push(c));
    const stopRecents = api.onDidChangeRecentFiles((r) => recents.push(r));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('http://h:1/api/events?token=a%20b');
    sources[0]!.onmessage!({ data: '{"name":"didRequestCommand","payload":{"command":"save"}}' });
    sources[0]!.onmessage!({ data: '{"name":"didChangeRecentFiles","payload":[]}' });
    expect(commands).toEqual([{ command: 'save' }]);
    expect(recents).toEqual([[]]);
    stopCommands();
    expect(sources[0]!.closed).toBe(false);
    stopRecents();
    expect(sources[0]!.closed).toBe(true);
  });
});
