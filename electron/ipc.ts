/**
 * The IPC adapter: one `ipcMain.handle` per API method on the `netloom:`
 * channel prefix, inputs parsed with zod, sender frame checked, errors sent
 * as `{ code, message }`. No logic beyond that.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { NetloomApi } from '../shared/api.js';
import { API_INPUTS, type ApiMethod } from '../shared/api-inputs.js';

export const CHANNEL_PREFIX = 'netloom:';

export function registerIpc(ipc: IpcMain, backend: NetloomApi, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  for (const method of Object.keys(API_INPUTS) as ApiMethod[]) {
    ipc.handle(`${CHANNEL_PREFIX}${method}`, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedFrame(event.senderFrame)) return { error: { code: 'forbidden', message: 'untrusted sender' } };
      const parsed = API_INPUTS[method].safeParse(args);
      if (!parsed.success) return { error: { code: 'bad-input', message: parsed.error.issues.map((i) => i.message).join('; ') } };
      try {
        const call = backend[method] as (...a: unknown[]) => Promise<unknown>;
        return { value: await call(...parsed.data) };
      } catch (e) {
        return { error: { code: 'failed', message: (e as Error).message } };
      }
    });
  }
}
