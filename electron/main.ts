/**
 * Electron main process: one window with secure defaults, the backend API
 * over IPC, the application menu and the unsaved-changes guard. Thin on
 * purpose: what can be tested without Electron lives in engine/, the menu
 * template, the close guard and the IPC adapter.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type WebContents } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppCommand } from '../shared/api.js';
import { createBackend } from './backend.js';
import { createCloseGuard, type CloseChoice } from './close-guard.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { createElectronDialogs } from './dialogs.js';
import { forwardEvents, isTrustedFrame, registerIpc } from './ipc.js';
import { createOutsideOpens, designFromArgv } from './launch-args.js';
import { buildMenuTemplate } from './menu.js';

const RENDERER = fileURLToPath(new URL('./renderer/index.html', import.meta.url));
const RENDERER_URL = pathToFileURL(RENDERER).href;
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const CLOSE_CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

let mainWindow: BrowserWindow | undefined;

const outsideOpens = createOutsideOpens(designFromArgv(process.argv, app.isPackaged));
const backend = createBackend({
  dataDir: process.env.NETLOOM_DATA_DIR || app.getPath('userData'),
  initialPath: () => outsideOpens.initialPath(),
  dialogs: createElectronDialogs(dialog, () => mainWindow),
  onDirtyChange: (dirty) => closeGuard.setDirty(dirty),
});
const send = (command: AppCommand) => backend.emitter.emit('didRequestCommand', command);

const closeGuard = createCloseGuard({
  ask: () =>
    CLOSE_CHOICES[
      dialog.showMessageBoxSync(mainWindow!, {
        type: 'warning',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        message: `Save the changes to “${mainWindow?.getTitle().replace(/ — Netloom$/, '') ?? 'this design'}” before closing?`,
        detail: 'Your changes are lost if you do not save them.',
      })
    ] ?? 'cancel',
  send,
  discardRecovery: () => backend.api.discardRecovery(),
  close: () => mainWindow?.close(),
});

async function updateMenu(): Promise<void> {
  const recent = await backend.api.listRecentFiles();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ recent, isMac: process.platform === 'darwin', developer: !app.isPackaged, send }),
    ),
  );
}

/** No navigation, no new windows, no webviews, in any web contents. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Netloom',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const stopForwarding = forwardEvents(backend.emitter, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (closeGuard.onClose()) event.preventDefault();
  });
  window.on('closed', () => {
    stopForwarding();
    outsideOpens.windowClosed();
    mainWindow = undefined;
  });
  void window.loadFile(RENDERER);
  return window;
}

/** A design opened from outside (a second launch, a file manager, Finder on macOS, also at a cold start). */
function openFromOutside(path: string): void {
  if (outsideOpens.open(path) === 'kept' || !mainWindow) {
    if (app.isReady() && !mainWindow) mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  send({ command: 'open-recent', path });
}

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', (_event, argv, cwd) => {
  const path = designFromArgv(argv, app.isPackaged, cwd);
  if (path) openFromOutside(path);
  else mainWindow?.focus();
});
app.on('open-file', (event, path) => {
  event.preventDefault();
  openFromOutside(path);
});
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDown(contents));
void app.whenReady().then(async () => {
  const appSession = session.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
  registerIpc(ipcMain, backend.api, (frame) => isTrustedFrame(frame, mainWindow?.webContents.mainFrame, RENDERER_URL));
  backend.emitter.subscribe((name) => {
    if (name === 'didChangeRecentFiles') void updateMenu();
  });
  await updateMenu();
  mainWindow = createWindow();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
});
app.on('will-quit', () => void backend.dispose());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
