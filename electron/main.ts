/**
 * Electron main process: one window, secure defaults, the backend API over
 * IPC. Thin on purpose: everything testable lives in engine/ and shared/.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend.js';
import { registerIpc } from './ipc.js';

const RENDERER = fileURLToPath(new URL('./renderer/index.html', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Netloom',
    webPreferences: { preload: PRELOAD, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  void window.loadFile(RENDERER);
  return window;
}

app.enableSandbox();
void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const initialPath = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.netloom.json'));
  const window = createWindow();
  registerIpc(ipcMain, createBackend(initialPath ? { initialPath } : {}).api, (frame) => frame === window.webContents.mainFrame);
});
app.on('window-all-closed', () => app.quit());
