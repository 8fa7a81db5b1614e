/** Native file dialogs for the backend's pickers, on the app window. */
import type { BrowserWindow, Dialog } from 'electron';
import type { NativeDialogs } from './engine/shell-api.js';

const DESIGN_FILTERS = [
  { name: 'Netloom design', extensions: ['netloom.json', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

export function createElectronDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | undefined,
): NativeDialogs {
  const open = async (
    properties: ('openFile' | 'openDirectory' | 'createDirectory')[],
    filters?: typeof DESIGN_FILTERS,
  ): Promise<string | null> => {
    const parent = window();
    const options = { properties, ...(filters ? { filters } : {}) };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    pickOpenPath: () => open(['openFile'], DESIGN_FILTERS),
    pickFolder: () => open(['openDirectory', 'createDirectory']),
    async pickSavePath(suggestedPath) {
      const parent = window();
      const options = { filters: DESIGN_FILTERS, ...(suggestedPath ? { defaultPath: suggestedPath } : {}) };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
