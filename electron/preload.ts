/**
 * Exposes the backend API to the sandboxed renderer as `window.netloom`, and
 * nothing else. Each method is an `ipcRenderer.invoke` on its channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../shared/api-methods.js';

const api = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const reply = (await ipcRenderer.invoke(`netloom:${method}`, ...args)) as { value?: unknown; error?: { code: string; message: string } };
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.value;
    },
  ]),
);
contextBridge.exposeInMainWorld('netloom', api);
