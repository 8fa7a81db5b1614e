/**
 * Files and the window around the design: new, open, save, save as, export,
 * autosave to the recovery file, the unsaved-changes guard, dropped files, and
 * menu commands from the Electron shell. Implements the actions' `Services`.
 */
import type { AppCommand, SimpleCommand } from '../../../shared/api.js';
import { slug } from '../../../shared/edit/ids.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import { layoutDesign, layoutDevice } from '../../../shared/layout/auto-layout.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { Design } from '../../../shared/model/schema.js';
import { renderDevice } from '../../../shared/targets/index.js';
import type { Services } from '../actions/action.js';
import { runAction } from '../actions/run.js';
import { api, isApiCallError } from '../api/client.js';
import { initialDesign } from '../api/initial-design.js';
import { askChoice, askConfirm, askText } from '../chrome/dialogs.js';
import { useOverlays } from '../chrome/overlays.js';
import { diagramSvg } from '../../../shared/diagram/svg.js';
import { DIAGRAM_THEMES, type DiagramTheme } from '../../../shared/diagram/theme.js';
import { download, svgToPng } from '../canvas/export-image.js';
import { getFlow, shownNodeIds, viewPadding } from '../canvas/flow-controls.js';
import { checkAfterPaint } from '../store/derived.js';
import { emptyDesign, isDirty, useAppStore } from '../store/store.js';

const AUTOSAVE_MS = 4000;

/** The Export diagram dialog's choices. */
const THEME_CHOICE: Record<DiagramTheme, { label: string; detail: string }> = {
  light: { label: 'Light', detail: 'dark text on a white background' },
  dark: { label: 'Dark', detail: 'light text on a dark background' },
};
/** Whether the backend has native file dialogs (Electron); asked at start-up, never keeping the design waiting. */
let nativeDialogs: Promise<boolean> = Promise.resolve(false);

const store = () => useAppStore.getState();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether the design has no position for any element (then it gets an automatic layout). */
function needsLayout(design: Design): boolean {
  return Object.keys(design.layout).length === 0 && design.hosts.length + design.switches.length > 0;
}

/** Shows a design, laid out automatically when it has no positions yet; never recorded in history. */
export async function show(design: Design, path: string | null, options?: { dirty?: boolean }): Promise<void> {
  let shown = design;
  if (needsLayout(design)) {
    try {
      shown = withPositions(design, await layoutDesign(design));
    } catch (e) {
      store().toast(`Automatic layout failed: ${message(e)}`, 'error');
    }
  }
  checkAfterPaint(shown);
  store().load(shown, path, options);
  void api.reportDirty(options?.dirty ?? false).catch(() => undefined);
}

/** Asks what to do with unsaved changes; resolves true when it is fine to go on. */
async function guardUnsaved(): Promise<boolean> {
  if (!isDirty(store())) return true;
  const answer = await askConfirm({
    title: 'Save changes first?',
    message: `“${store().design.name}” has changes that are not saved.`,
    confirm: 'Save',
    deny: 'Don’t save',
  });
  if (answer === null) return false;
  if (answer === 'deny') return true;
  return services.save();
}

/** The folder of the open file (else serve's own folder), for typed paths in a browser. */
async function currentFolder(): Promise<{ path: string; designs: string[] } | null> {
  const file = store().filePath;
  try {
    const listing = await api.listFolder(file ? file.slice(0, Math.max(1, file.lastIndexOf('/'))) : null);
    const designs = listing.entries
      .filter((e) => e.kind === 'file' && e.name.endsWith('.netloom.json'))
      .map((e) => `${listing.path}/${e.name}`);
    return { path: listing.path, designs };
  } catch {
    return null;
  }
}

/** Paths to offer when a path is typed: recent files, then design files next to the open one. */
async function pathSuggestions(): Promise<string[]> {
  const folder = await currentFolder();
  return [...new Set([...store().recentFiles.map((r) => r.path), ...(folder?.designs ?? [])])];
}

async function openPath(path: string): Promise<void> {
  try {
    const result = await api.openDesign(path);
    if (result.ok) await show(result.design, result.path);
    else useAppStore.setState({ loadFailure: { path: result.path, problems: result.problems } });
  } catch (e) {
    useAppStore.setState({ loadFailure: { path, problems: [{ path: '(file)', message: message(e) }] } });
  }
}

/**
 * Autosave writes and discards of the recovery file run one after another, so
 * a write still in flight when a save finishes can never land after the
 * discard and offer stale "unsaved" work at the next start.
 */
let recoveryQueue: Promise<void> = Promise.resolve();
function queueRecovery(operation: () => Promise<void>): Promise<void> {
  recoveryQueue = recoveryQueue.then(operation).catch(() => undefined);
  return recoveryQueue;
}

/**
 * The file changed on disk since it was opened (an `import --into`, another Netloom, an editor)
 * and was left as it is: reload it, giving up these changes, or keep them under another name.
 */
async function savedElsewhere(path: string, why: string): Promise<boolean> {
  const answer = await askConfirm({
    title: 'The file changed on disk',
    message: why,
    confirm: 'Save as…',
    deny: 'Reload (drop my changes)',
  });
  if (answer === 'confirm') return services.saveAs();
  if (answer === 'deny') await openPath(path);
  return false;
}

async function saveTo(path: string): Promise<boolean> {
  const design = store().design;
  try {
    await api.saveDesign(path, design);
  } catch (e) {
    if (isApiCallError(e) && e.code === 'changed-on-disk') return savedElsewhere(path, e.message);
    store().toast(`Could not save ${path}: ${message(e)}`, 'error');
    return false;
  }
  store().markSaved(path, design);
  void api.reportDirty(isDirty(store())).catch(() => undefined);
  // Saved means no recovery file is left behind: "Saved" is said once the discard (queued after
  // any autosave still in flight) is done, so closing right after it offers nothing stale.
  await queueRecovery(() => api.discardRecovery());
  store().toast(`Saved ${path}`, 'success');
  return true;
}

export const services: Services = {
  async newDesign() {
    if (!(await guardUnsaved())) return;
    await show(emptyDesign(), null);
  },
  async openDesign(path) {
    if (!(await guardUnsaved())) return;
    const chosen =
      path ??
      ((await nativeDialogs)
        ? await api.pickOpenPath()
        : await askText({
            title: 'Open design',
            label: 'Path of a .netloom.json file',
            initial: store().filePath ?? '',
            confirm: 'Open',
            suggestions: await pathSuggestions(),
          }));
    if (chosen) await openPath(chosen);
  },
  async openExample(id) {
    if (!(await guardUnsaved())) return;
    try {
      const result = await api.openExample(id);
      // A new design that starts as the example: Save asks where to write it, so no file is ever overwritten.
      if (result.ok) await show(result.design, null);
      else useAppStore.setState({ loadFailure: { path: result.path, problems: result.problems } });
    } catch (e) {
      store().toast(`Could not open the example: ${message(e)}`, 'error');
    }
  },
  async save() {
    const path = store().filePath;
    return path ? saveTo(path) : services.saveAs();
  },
  async saveAs() {
    const native = await nativeDialogs;
    const folder = native || store().filePath ? null : await currentFolder();
    const suggested = store().filePath ?? `${folder ? `${folder.path}/` : ''}${slug(store().design.name)}.netloom.json`;
    const path = native
      ? await api.pickSavePath(suggested)
      : await askText({
          title: 'Save design as',
          message: 'Paths are on the machine running netloom serve.',
          label: 'File path',
          initial: suggested,
          confirm: 'Save',
        });
    return path ? saveTo(path) : false;
  },
  async exportConfigs() {
    const design = store().design;
    const dir = (await nativeDialogs)
      ? await api.pickFolder()
      : await askText({
          title: 'Export configs',
          message: 'Every device’s files go to <folder>/<device>/.',
          label: 'Folder',
          initial: 'netloom-export',
          confirm: 'Export',
        });
    if (!dir) return;
    const result = await api.exportConfigs(design, dir);
    const lastExport: Record<string, Record<string, string>> = {};
    for (const device of [...design.hosts, ...design.switches]) {
      lastExport[device.id] = Object.fromEntries(renderDevice(design, device.id).map((f) => [f.path, f.content]));
    }
    useAppStore.setState({ lastExport });
    store().toast(
      `Exported ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${result.dir}`,
      'success',
    );
  },
  async exportImage(format) {
    const answer = await askChoice({
      title: `Export diagram as ${format.toUpperCase()}`,
      message: 'Colours of the picture, whatever the app’s theme:',
      choices: DIAGRAM_THEMES.map((value) => ({ value, ...THEME_CHOICE[value] })),
    });
    const theme = DIAGRAM_THEMES.find((t) => t === answer);
    if (!theme) return;
    const svg = diagramSvg(store().design, { theme });
    const name = slug(store().design.name);
    if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
    else download(await svgToPng(svg), `${name}.png`);
  },
  async autoLayout(deviceId) {
    const design = store().design;
    const positions = deviceId ? await layoutDevice(design, deviceId) : await layoutDesign(design);
    store().edit((d) => withPositions(d, positions));
    // Bring what moved into view (the frame may have grown past the edge).
    requestAnimationFrame(
      () =>
        void getFlow()?.fitView({
          padding: deviceId ? 0.25 : viewPadding(0.15),
          duration: 200,
          maxZoom: 1.2,
          ...(deviceId ? { nodes: [{ id: deviceId }] } : {}),
        }),
    );
  },
  fitView(ids) {
    const flow = getFlow();
    void flow?.fitView({
      padding: ids ? 0.6 : viewPadding(0.15),
      duration: 250,
      ...(ids ? { nodes: shownNodeIds(flow, store().design, ids) } : {}),
    });
  },
  zoomIn: () => void getFlow()?.zoomIn({ duration: 150 }),
  zoomOut: () => void getFlow()?.zoomOut({ duration: 150 }),
  zoomReset: () => void getFlow()?.zoomTo(1, { duration: 150 }),
  viewCenter() {
    const flow = getFlow();
    const box = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!flow || !box) return { x: 0, y: 0 };
    const p = flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    return { x: Math.round(p.x), y: Math.round(p.y) };
  },
  openCommandPalette: () => useOverlays.setState({ palette: true }),
  openShortcuts: () => useOverlays.setState({ shortcuts: true }),
};

const COMMAND_ACTIONS: Record<Exclude<SimpleCommand, 'save'>, string> = {
  new: 'new',
  open: 'open',
  'save-as': 'save-as',
  'export-configs': 'export-configs',
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  delete: 'delete',
  'select-all': 'select-all',
  'fit-view': 'fit-view',
  'zoom-in': 'zoom-in',
  'zoom-out': 'zoom-out',
  'toggle-theme': 'toggle-theme',
};

async function onCommand(command: AppCommand): Promise<void> {
  if (command.command === 'open-recent') return services.openDesign(command.path);
  if (command.command === 'open-example') return services.openExample(command.example);
  if (command.command === 'save') {
    if ((await services.save()) && command.closeAfter) window.close();
    return;
  }
  runAction(COMMAND_ACTIONS[command.command]);
}

/** A design file dropped on the window goes through the same restore step as an opened one. */
async function openDropped(file: File): Promise<void> {
  const result = parseDesign(await file.text());
  if (!result.ok) {
    useAppStore.setState({ loadFailure: { path: file.name, problems: result.problems } });
    return;
  }
  if (!(await guardUnsaved())) return;
  await show(result.design, null, { dirty: true });
}

function watchDesign(): void {
  let lastDirty = false;
  let lastTitle = '';
  useAppStore.subscribe((s) => {
    const dirty = isDirty(s);
    const title = `${dirty ? '• ' : ''}${s.design.name} — Netloom`;
    if (title !== lastTitle) document.title = lastTitle = title;
    if (dirty !== lastDirty) {
      lastDirty = dirty;
      void api.reportDirty(dirty).catch(() => undefined);
    }
  });
  let autosaved: Design | null = null;
  setInterval(() => {
    const s = store();
    if (!isDirty(s) || s.design === autosaved) return;
    autosaved = s.design;
    const { design, filePath } = s;
    void queueRecovery(() => api.writeRecovery(design, filePath));
  }, AUTOSAVE_MS);
  window.addEventListener('beforeunload', (event) => {
    if (!isDirty(store())) return;
    event.preventDefault();
    event.returnValue = '';
  });
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void openDropped(file);
  });
}

/** Start-up: capabilities, the first design, an offer to restore unsaved work, recent files, commands. */
let started = false;

export async function startSession(): Promise<void> {
  if (started) return;
  started = true;
  watchDesign();
  document.title = `${store().design.name} — Netloom`;
  nativeDialogs = api.capabilities().then(
    (capabilities) => capabilities.nativeDialogs,
    () => false,
  );
  api.onDidRequestCommand((command) => void onCommand(command));
  api.onDidChangeRecentFiles((recentFiles) => useAppStore.setState({ recentFiles }));
  void api
    .listRecentFiles()
    .then((recentFiles) => useAppStore.setState({ recentFiles }))
    .catch(() => undefined);
  try {
    const initial = await initialDesign;
    if (initial.ok) await show(initial.design, initial.isExample ? null : initial.path);
    else useAppStore.setState({ loadFailure: { path: initial.path, problems: initial.problems } });
    if (initial.recovery) {
      const { recovery } = initial;
      const answer = await askConfirm({
        title: 'Restore unsaved work?',
        message: `Netloom found changes to “${recovery.design.name}”${recovery.forPath ? ` (${recovery.forPath})` : ''} from ${new Date(recovery.savedAt).toLocaleString()} that were never saved.`,
        confirm: 'Restore',
        deny: 'Discard',
      });
      if (answer === 'confirm') await show(recovery.design, recovery.forPath, { dirty: true });
      else if (answer === 'deny') await queueRecovery(() => api.discardRecovery());
    }
  } catch (e) {
    store().toast(`Could not reach the Netloom backend: ${message(e)}`, 'error');
  }
}
