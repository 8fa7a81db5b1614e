/** The API contract itself: names, schemas and events agree, and a transport becomes the typed API. */
import { describe, expect, it } from 'vitest';
import { ApiCallError, createApiClient, type ApiTransport } from '../../shared/api-client.js';
import { API_EVENT_NAMES, createApiEmitter, eventMethodName } from '../../shared/api-events.js';
import { API_INPUTS } from '../../shared/api-inputs.js';
import { API_METHODS, isApiMethod } from '../../shared/api-methods.js';

describe('API contract', () => {
  it('lists the same methods for the preload (names) and for parsing (schemas)', () => {
    expect([...API_METHODS].sort()).toEqual(Object.keys(API_INPUTS).sort());
    expect(isApiMethod('openDesign')).toBe(true);
    expect(isApiMethod('toString')).toBe(false);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('names each event method onDid...', () => {
    expect(API_EVENT_NAMES).toContain('didRequestCommand');
    expect(eventMethodName('didRequestCommand')).toBe('onDidRequestCommand');
    for (const name of API_EVENT_NAMES) expect(eventMethodName(name)).toMatch(/^onDid[A-Z]\w+$/);
  });

  it('the emitter delivers to every subscriber until it unsubscribes', () => {
    const emitter = createApiEmitter();
    const seen: unknown[] = [];
    const stop = emitter.subscribe((name, payload) => seen.push([name, payload]));
    emitter.subscribe((name) => seen.push(name));
    emitter.emit('didRequestCommand', { command: 'new' });
    stop();
    emitter.emit('didChangeRecentFiles', []);
    expect(seen).toEqual([['didRequestCommand', { command: 'new' }], 'didRequestCommand', 'didChangeRecentFiles']);
  });
});

describe('createApiClient', () => {
  it('calls through the transport, throws error replies with their code, and filters events by name', async () => {
    const emitter = createApiEmitter();
    const calls: unknown[] = [];
    const transport: ApiTransport = {
      call: async (method, args) => {
        calls.push([method, args]);
        return method === 'capabilities'
          ? { value: { nativeDialogs: true } }
          : { error: { code: 'read-only', message: 'no' } };
      },
      listen: (listener) => emitter.subscribe(listener),
    };
    const api = createApiClient(transport);
    expect(await api.capabilities()).toEqual({ nativeDialogs: true });
    const error = await api.saveDesign('/x', {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'read-only', message: 'no' });
    expect(calls).toEqual([
      ['capabilities', []],
      ['saveDesign', ['/x', {}]],
    ]);

    const commands: unknown[] = [];
    const stop = api.onDidRequestCommand((c) => commands.push(c));
    emitter.emit('didChangeRecentFiles', []);
    emitter.emit('didRequestCommand', { command: 'undo' });
    stop();
    emitter.emit('didRequestCommand', { command: 'redo' });
    expect(commands).toEqual([{ command: 'undo' }]);
  });
});
