/** The IPC adapter with a fake ipcMain: zod rejection, sender check, error codes, event forwarding. */
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { NetloomMethods } from '../../shared/api.js';
import { createApiEmitter } from '../../shared/api-events.js';
import { API_METHODS } from '../../shared/api-methods.js';
import { BackendError } from '../../electron/engine/backend-error.js';
import { EVENT_CHANNEL } from '../../electron/ipc-channels.js';
import { forwardEvents, isTrustedFrame, registerIpc } from '../../electron/ipc.js';
import { exampleDesign } from '../helpers/design.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return { handlers, ipc: { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } };
}

const APP_URL = 'file:///opt/netloom/dist/renderer/index.html';
const appFrame = { url: APP_URL, processId: 4, routingId: 1 } as WebFrameMain;
const event = (frame: Partial<WebFrameMain> | null) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

function recordingApi(calls: unknown[][]): NetloomMethods {
  return Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => {
        calls.push([m, ...args]);
        if (m === 'saveDesign') throw new BackendError('read-only', 'that is the example');
        if (m === 'openDesign') throw new Error('disk on fire');
        return m === 'capabilities' ? { nativeDialogs: true } : null;
      },
    ]),
  ) as unknown as NetloomMethods;
}

describe('registerIpc', () => {
  const setup = () => {
    const calls: unknown[][] = [];
    const { ipc, handlers } = fakeIpc();
    registerIpc(ipc, recordingApi(calls), (frame) => isTrustedFrame(frame, appFrame, APP_URL));
    return {
      calls,
      call: (channel: string, frame: Partial<WebFrameMain> | null, ...args: unknown[]) =>
        handlers.get(channel)!(event(frame), ...args),
      handlers,
    };
  };

  it('registers one netloom:-prefixed channel per method and nothing else', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `netloom:${m}`).sort());
  });

  it('calls the backend with parsed arguments from the app frame', async () => {
    const { call, calls } = setup();
    expect(await call('netloom:capabilities', appFrame)).toEqual({ value: { nativeDialogs: true } });
    expect(await call('netloom:writeRecovery', appFrame, exampleDesign(), null)).toEqual({ value: null });
    expect(calls).toEqual([['capabilities'], ['writeRecovery', exampleDesign(), null]]);
  });

  it('rejects bad input with zod before the backend sees it', async () => {
    const { call, calls } = setup();
    const reply = (await call('netloom:openDesign', appFrame, { path: '/etc/passwd' })) as any;
    expect(reply.error.code).toBe('bad-input');
    expect(reply.error.message).toContain('openDesign');
    const badDesign = (await call('netloom:saveDesign', appFrame, '/x.netloom.json', {
      ...exampleDesign(),
      networks: [{ id: 'n', vlan: 4095, name: 'x' }],
    })) as any;
    expect(badDesign.error.code).toBe('bad-input');
    expect(badDesign.error.message).toMatch(/\[1\]\.networks\.\[0\]|networks/);
    expect((await call('netloom:reportDirty', appFrame, 'yes')) as any).toMatchObject({ error: { code: 'bad-input' } });
    expect((await call('netloom:capabilities', appFrame, 'extra')) as any).toMatchObject({
      error: { code: 'bad-input' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses senders other than the app window showing the app page', async () => {
    const { call, calls } = setup();
    for (const frame of [
      null,
      { ...appFrame, routingId: 2 },
      { ...appFrame, processId: 5 },
      { ...appFrame, url: 'https://evil.example/' },
      { ...appFrame, url: 'file:///tmp/evil.html' },
    ]) {
      expect(await call('netloom:capabilities', frame)).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
    expect(await call('netloom:capabilities', { ...appFrame, url: `${APP_URL}#/x` })).toEqual({
      value: { nativeDialogs: true },
    });
  });

  it('turns backend errors into { code, message } without stack traces', async () => {
    const { call } = setup();
    expect(await call('netloom:saveDesign', appFrame, '/x.netloom.json', exampleDesign())).toEqual({
      error: { code: 'read-only', message: 'that is the example' },
    });
    expect(await call('netloom:openDesign', appFrame, '/x.netloom.json')).toEqual({
      error: { code: 'failed', message: 'disk on fire' },
    });
  });
});

describe('forwardEvents', () => {
  it('sends every event on the one event channel until unsubscribed or destroyed', () => {
    const emitter = createApiEmitter();
    const sent: unknown[][] = [];
    let destroyed = false;
    const stop = forwardEvents(emitter, { send: (...a: unknown[]) => void sent.push(a), isDestroyed: () => destroyed });
    emitter.emit('didRequestCommand', { command: 'save' });
    destroyed = true;
    emitter.emit('didRequestCommand', { command: 'new' });
    destroyed = false;
    stop();
    emitter.emit('didRequestCommand', { command: 'open' });
    expect(sent).toEqual([[EVENT_CHANNEL, 'didRequestCommand', { command: 'save' }]]);
  });
});
