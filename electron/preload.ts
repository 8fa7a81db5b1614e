/**
 * Exposes the API transport to the sandboxed renderer as
 * `window.netloomBridge`, and nothing else: `call` is an `ipcRenderer.invoke`
 * on the method's channel (known methods only), `listen` a listener on the one
 * event channel. Replies stay `{ value } | { error: { code, message } }` so
 * the error code survives the context bridge (thrown errors lose it); the
 * renderer's client turns them into thrown errors. `pathForFile` gives the
 * path of a design file dropped on the window (Electron only).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiReply } from '../shared/api.js';
import type { ApiTransport } from '../shared/api-client.js';
import type { ApiEventName } from '../shared/api-events.js';
import { isApiMethod } from '../shared/api-methods.js';
import { EVENT_CHANNEL, methodChannel } from './ipc-channels.js';

/** The API transport plus what only Electron can do in the page: the path of a file dropped on the window. */
const bridge: ApiTransport & { pathForFile(file: unknown): string } = {
  pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
  async call(method, args) {
    if (!isApiMethod(method))
      return { error: { code: 'unknown-method', message: `no API method named "${String(method)}"` } };
    return (await ipcRenderer.invoke(methodChannel(method), ...args)) as ApiReply;
  },
  listen(listener) {
    const handler = (_event: IpcRendererEvent, name: ApiEventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('netloomBridge', bridge);
