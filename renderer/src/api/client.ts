/**
 * The one backend API object the renderer uses: `import { api } from './api/client.js'`.
 * - In Electron the transport is `window.netloomBridge`, exposed by the preload.
 * - In a browser (`netloom serve`) it is HTTP, with the token from the page URL.
 * Calls that fail reject with an `ApiCallError` carrying `code` and a
 * readable `message`. Events: `api.onDidXxx(listener)` returns an unsubscribe
 * function.
 *
 * For the app (UI):
 * - Set `document.title = `${design.name} — Netloom`` whenever the open
 *   design changes (a leading `• ` for unsaved changes is fine, as long as
 *   the name is in the title). The browser tests wait for the title to contain
 *   the design's name; Electron shows it as the window title. Also put
 *   `data-testid="design-name"` on the element that shows the design's name.
 * - When `api.capabilities()` says `nativeDialogs: false`, `pickOpenPath`,
 *   `pickSavePath` and `pickFolder` resolve to null: ask for a path in the page
 *   (`api.listFolder(path | null)` lists folders and design files to pick from).
 * - Call `api.reportDirty(true)` on the first edit and `api.reportDirty(false)`
 *   after a successful save or open; Electron asks before closing a dirty
 *   window. In a browser, also guard with `beforeunload`.
 * - `api.onDidRequestCommand` delivers menu commands (Electron). For
 *   `{ command: 'save', closeAfter: true }`, call `window.close()` after the
 *   save succeeded.
 */
import type { NetloomApi } from '../../../shared/api.js';
import { createApiClient, type ApiTransport } from '../../../shared/api-client.js';
import { createHttpTransport } from './http-transport.js';
import { takeServeToken } from './token.js';

export { ApiCallError, isApiCallError } from '../../../shared/api-client.js';
export type { NetloomApi } from '../../../shared/api.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly netloomBridge?: ApiTransport & { pathForFile(file: File): string };
  }
}

function transport(): ApiTransport {
  if (window.netloomBridge) return window.netloomBridge;
  const token = takeServeToken(window.location, window.history, window.sessionStorage);
  return createHttpTransport({ baseUrl: window.location.origin, token: token ?? '' });
}

export const api: NetloomApi = createApiClient(transport());

/** True when the page runs inside the Electron app (native menus and dialogs). */
export const isElectron = (): boolean => window.netloomBridge !== undefined;

/**
 * The path of a file dropped on the window, in Electron (open it with
 * `api.openDesign(path)`). Null in a browser, which never learns paths: read
 * the dropped file's text and load it with `parseDesign` from shared/load as
 * an untitled design instead.
 */
export const pathForDroppedFile = (file: File): string | null => window.netloomBridge?.pathForFile(file) || null;
