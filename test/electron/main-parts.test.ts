/** The testable parts of Electron main: menu template, close guard, launch arguments, dialogs. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../shared/api.js';
import { createCloseGuard, type CloseChoice } from '../../electron/close-guard.js';
import { createElectronDialogs } from '../../electron/dialogs.js';
import { createOutsideOpens, designFromArgv } from '../../electron/launch-args.js';
import { buildMenuTemplate } from '../../electron/menu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('application menu', () => {
  const sent: AppCommand[] = [];
  const template = buildMenuTemplate({
    recent: [{ path: '/lab.netloom.json', usedAt: '2026-01-01T00:00:00Z' }],
    isMac: false,
    developer: false,
    send: (c) => sent.push(c),
  });
  const items = flatten(template);
  const byLabel = (label: string) => items.find((i) => i.label === label)!;

  it('has the File, Edit and View actions with their shortcuts shown', () => {
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu']);
    const shortcuts = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]));
    expect(shortcuts).toMatchObject({
      New: 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'CmdOrCtrl+Shift+S',
      Undo: 'CmdOrCtrl+Z',
      'Select All': 'CmdOrCtrl+A',
    });
    expect(new Set(Object.values(shortcuts)).size).toBe(Object.values(shortcuts).length);
    // Keys reach the page, so the renderer's shortcuts work the same in a browser.
    expect(items.filter((i) => i.accelerator).every((i) => i.registerAccelerator === false)).toBe(true);
  });

  it('each item sends its command; recent files open their path, examples their id', () => {
    for (const label of ['New', 'Save', 'Save As…', 'Export Configs…', 'Undo', 'Paste', 'Fit View', 'Toggle Theme'])
      (byLabel(label).click as () => void)();
    (byLabel('/lab.netloom.json').click as () => void)();
    (byLabel('Nested ESXi port group').click as () => void)();
    expect(sent).toEqual([
      { command: 'new' },
      { command: 'save' },
      { command: 'save-as' },
      { command: 'export-configs' },
      { command: 'undo' },
      { command: 'paste' },
      { command: 'fit-view' },
      { command: 'toggle-theme' },
      { command: 'open-recent', path: '/lab.netloom.json' },
      { command: 'open-example', example: 'nested-esxi' },
    ]);
  });

  it('shows a disabled entry when there are no recent files, and dev tools only in development', () => {
    const empty = flatten(buildMenuTemplate({ recent: [], isMac: true, developer: true, send: () => undefined }));
    expect(empty.find((i) => i.label === 'No recent files')?.enabled).toBe(false);
    expect(empty.some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });
});

describe('close guard', () => {
  const setup = (choice: CloseChoice) => {
    const log: string[] = [];
    const guard = createCloseGuard({
      ask: () => (log.push('ask'), choice),
      send: (c) => log.push(JSON.stringify(c)),
      discardRecovery: async () => void log.push('discard'),
      close: () => log.push('close'),
    });
    return { guard, log };
  };

  it('lets a clean window close without asking', () => {
    const { guard, log } = setup('cancel');
    expect(guard.onClose()).toBe(false);
    guard.setDirty(true);
    guard.setDirty(false);
    expect(guard.onClose()).toBe(false);
    expect(log).toEqual([]);
  });

  it('Cancel keeps the window open', () => {
    const { guard, log } = setup('cancel');
    guard.setDirty(true);
    expect(guard.onClose()).toBe(true);
    expect(log).toEqual(['ask']);
  });

  it('Save asks the renderer to save and close', () => {
    const { guard, log } = setup('save');
    guard.setDirty(true);
    expect(guard.onClose()).toBe(true);
    expect(log).toEqual(['ask', '{"command":"save","closeAfter":true}']);
  });

  it("Don't Save drops the autosave, then closes for real", async () => {
    const { guard, log } = setup('discard');
    guard.setDirty(true);
    expect(guard.onClose()).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['ask', 'discard', 'close']);
    expect(guard.onClose()).toBe(false);
  });
});

describe('launch arguments', () => {
  it('finds the design file after the app path, skipping flags', () => {
    expect(designFromArgv(['/usr/bin/electron', '.', '--inspect', 'lab.netloom.json'], false, '/home/me')).toBe(
      '/home/me/lab.netloom.json',
    );
    expect(designFromArgv(['/opt/Netloom/netloom', '/data/x.json'], true)).toBe('/data/x.json');
    expect(designFromArgv(['/usr/bin/electron', '.'], false)).toBeUndefined();
    expect(designFromArgv(['/opt/Netloom/netloom', '--no-sandbox'], true)).toBeUndefined();
    // The Linux desktop entry passes %U: file managers hand over URLs.
    expect(designFromArgv(['/opt/Netloom/netloom-app', 'file:///home/me/My%20Lab.netloom.json'], true)).toBe(
      '/home/me/My Lab.netloom.json',
    );
  });
});

describe('designs opened from outside', () => {
  it('a file opened before the window asks (macOS open-file at a cold start) becomes the first design', () => {
    const opens = createOutsideOpens(undefined);
    expect(opens.open('/lab.netloom.json')).toBe('kept');
    expect(opens.initialPath()).toBe('/lab.netloom.json');
  });

  it('the command line names the first design; later opens go to the window', () => {
    const opens = createOutsideOpens('/argv.netloom.json');
    expect(opens.initialPath()).toBe('/argv.netloom.json');
    expect(opens.open('/second.netloom.json')).toBe('send');
    expect(opens.initialPath()).toBe('/argv.netloom.json');
  });

  it('after the window closed (macOS keeps the app), the next open starts the next window', () => {
    const opens = createOutsideOpens(undefined);
    expect(opens.initialPath()).toBeUndefined();
    opens.windowClosed();
    expect(opens.open('/later.netloom.json')).toBe('kept');
    expect(opens.initialPath()).toBe('/later.netloom.json');
  });
});

describe('native dialogs', () => {
  it('returns the chosen path, or null when cancelled', async () => {
    const answers = [
      { canceled: false, filePaths: ['/a.netloom.json'] },
      { canceled: true, filePaths: [] },
    ];
    const fakeDialog = {
      showOpenDialog: async () => answers.shift()!,
      showSaveDialog: async (options: { defaultPath?: string }) => ({
        canceled: false,
        filePath: `${options.defaultPath}x`,
      }),
    };
    const dialogs = createElectronDialogs(fakeDialog as any, () => undefined);
    expect(await dialogs.pickOpenPath()).toBe('/a.netloom.json');
    expect(await dialogs.pickFolder()).toBeNull();
    expect(await dialogs.pickSavePath('/b.netloom.json')).toBe('/b.netloom.jsonx');
  });
});
