/**
 * The application menu as data. Each item sends an `AppCommand` to the
 * renderer, which runs the same action its own shortcuts and buttons run.
 * Accelerators are shown but not registered (`registerAccelerator: false`):
 * the keys reach the page, so shortcuts behave the same in Electron and in a
 * browser, and text fields keep their native editing keys.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, RecentFile, SimpleCommand } from '../shared/api.js';
import { EXAMPLES } from '../shared/examples/index.js';

export interface MenuOptions {
  readonly recent: readonly RecentFile[];
  readonly isMac: boolean;
  /** Shows developer tools (unpackaged builds only). */
  readonly developer: boolean;
  readonly send: (command: AppCommand) => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: SimpleCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => options.send({ command }),
  });
  const recent: MenuItemConstructorOptions[] = options.recent.length
    ? options.recent.map((r) => ({
        label: r.path,
        click: () => options.send({ command: 'open-recent', path: r.path }),
      }))
    : [{ label: 'No recent files', enabled: false }];
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recent },
        {
          label: 'Examples',
          submenu: EXAMPLES.map((e) => ({
            label: e.name,
            sublabel: e.description,
            toolTip: e.description,
            click: () => options.send({ command: 'open-example', example: e.id }),
          })),
        },
        { type: 'separator' },
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('Export Configs…', 'export-configs', 'CmdOrCtrl+E'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', options.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        item('Cut', 'cut', 'CmdOrCtrl+X'),
        item('Copy', 'copy', 'CmdOrCtrl+C'),
        item('Paste', 'paste', 'CmdOrCtrl+V'),
        item('Delete', 'delete', 'Delete'),
        { type: 'separator' },
        item('Select All', 'select-all', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Fit View', 'fit-view', 'Shift+1'),
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        { type: 'separator' },
        item('Toggle Theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        ...(options.developer ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ];
}
