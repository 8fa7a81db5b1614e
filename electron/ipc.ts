/**
 * The IPC adapter: one `ipcMain.handle` per API method on the `netloom:`
 * channel prefix, sender frame checked, then the shared dispatch (zod
 * parsing, `{ code, message }` errors). Backend events go to the renderer on
 * the one `netloom:event` channel. No logic beyond that.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { ApiReply, NetloomMethods } from '../shared/api.js';
import type { ApiEmitter, Unsubscribe } from '../shared/api-events.js';
import { API_METHODS } from '../shared/api-methods.js';
import { dispatchApiCall } from './api-dispatch.js';
import { EVENT_CHANNEL, methodChannel } from './ipc-channels.js';

export type TrustedFrame = (frame: WebFrameMain | null) => boolean;

/** Only the app window's own top frame, showing the app's own page, may call the API. */
type FrameFacts = Pick<WebFrameMain, 'url' | 'processId' | 'routingId'>;
export function isTrustedFrame(
  frame: FrameFacts | null,
  appFrame: FrameFacts | undefined,
  rendererUrl: string,
): boolean {
  if (!frame || !appFrame || frame.processId !== appFrame.processId || frame.routingId !== appFrame.routingId)
    return false;
  const url = frame.url.split(/[?#]/)[0];
  return url === rendererUrl;
}

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, api: NetloomMethods, isTrustedFrame: TrustedFrame): void {
  for (const method of API_METHODS) {
    ipc.handle(methodChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<ApiReply> => {
      if (!isTrustedFrame(event.senderFrame))
        return {
          error: { code: 'forbidden', message: 'the request came from a frame that is not the Netloom window' },
        };
      return dispatchApiCall(api, method, args);
    });
  }
}

/** Sends every backend event to the window until it is destroyed. */
export function forwardEvents(emitter: ApiEmitter, contents: Pick<WebContents, 'send' | 'isDestroyed'>): Unsubscribe {
  return emitter.subscribe((name, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}
