/** The one registry of user actions. Menus, shortcuts, tooltips and the command palette read it. */
import { indexOf } from '../../../shared/edit/cached-index.js';
import { ADD_DEVICE } from '../../../shared/edit/create.js';
import { EXAMPLES } from '../../../shared/examples/index.js';
import { kindEntry, type FrameKind } from '../../../shared/model/kinds/index.js';
import { createRegistry, type Action, type ActionContext } from './action.js';
import { deployActions } from '../deploy/deploy-actions.js';
import { firewallActions } from '../firewall/firewall-actions.js';
import { liveActions } from '../live/live-actions.js';
import { editActions } from './edit-actions.js';
import { frameSpot, nodesOf } from '../canvas/placement.js';
import { MINIMAP_KEY } from '../store/store.js';

const selectedDevice = ({ store }: ActionContext): string | undefined => {
  const { design, selection } = store.getState();
  const index = indexOf(design);
  return selection.find((id) => {
    const e = index.byId.get(id);
    return e !== undefined && kindEntry(e.kind).frame === true;
  });
};

function addDevice(ctx: ActionContext, kind: FrameKind): void {
  const at = ctx.services.viewCenter();
  let id = '';
  ctx.store.getState().edit((d) => {
    const created = ADD_DEVICE[kind](d, frameSpot(nodesOf(d), at));
    id = created.id;
    return created.design;
  });
  ctx.store.getState().select([id]);
}

const fileActions: readonly Action[] = [
  {
    id: 'new',
    label: 'New design',
    group: 'file',
    shortcuts: ['Mod+N'],
    perform: ({ services }) => services.newDesign(),
  },
  { id: 'open', label: 'Open…', group: 'file', shortcuts: ['Mod+O'], perform: ({ services }) => services.openDesign() },
  {
    id: 'save',
    label: 'Save',
    group: 'file',
    shortcuts: ['Mod+S'],
    inTextFields: true,
    perform: async ({ services }) => void (await services.save()),
  },
  {
    id: 'save-as',
    label: 'Save as…',
    group: 'file',
    shortcuts: ['Mod+Shift+S'],
    inTextFields: true,
    perform: async ({ services }) => void (await services.saveAs()),
  },
  {
    id: 'export-configs',
    label: 'Export configs to folder…',
    group: 'file',
    shortcuts: ['Mod+E'],
    perform: ({ services }) => services.exportConfigs(),
  },
  {
    id: 'export-svg',
    label: 'Export diagram as SVG',
    group: 'file',
    perform: ({ services }) => services.exportImage('svg'),
  },
  {
    id: 'export-png',
    label: 'Export diagram as PNG',
    group: 'file',
    perform: ({ services }) => services.exportImage('png'),
  },
];

/** File > Examples: one action per bundled example, opened as a new unsaved design. */
const exampleActions: readonly Action[] = EXAMPLES.map((e) => ({
  id: `open-example-${e.id}`,
  label: e.name,
  detail: e.description,
  group: 'examples',
  perform: ({ services }) => services.openExample(e.id),
}));

const viewActions: readonly Action[] = [
  {
    id: 'fit-view',
    label: 'Fit view',
    group: 'view',
    shortcuts: ['Shift+1'],
    perform: ({ services }) => services.fitView(),
  },
  {
    id: 'zoom-to-selection',
    label: 'Zoom to selection',
    group: 'view',
    shortcuts: ['Shift+2'],
    enabled: ({ store }) => store.getState().selection.length > 0,
    perform: ({ services, store }) => services.fitView(store.getState().selection),
  },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    group: 'view',
    shortcuts: ['Mod+=', '='],
    perform: ({ services }) => services.zoomIn(),
  },
  {
    id: 'zoom-out',
    label: 'Zoom out',
    group: 'view',
    shortcuts: ['Mod+-', '-'],
    perform: ({ services }) => services.zoomOut(),
  },
  {
    id: 'zoom-reset',
    label: 'Actual size (100%)',
    group: 'view',
    shortcuts: ['Mod+0'],
    perform: ({ services }) => services.zoomReset(),
  },
  {
    id: 'toggle-theme',
    label: 'Toggle dark theme',
    group: 'view',
    shortcuts: ['Alt+Shift+T'],
    perform: ({ store }) => {
      const dark = document.documentElement.dataset.theme === 'dark';
      const theme = dark ? 'light' : 'dark';
      localStorage.setItem('netloom.theme', theme);
      store.setState({ theme });
    },
  },
  {
    id: 'toggle-minimap',
    label: 'Show or hide the minimap',
    group: 'view',
    shortcuts: ['Alt+M'],
    perform: ({ store }) => {
      const minimapOpen = !store.getState().minimapOpen;
      localStorage.setItem(MINIMAP_KEY, minimapOpen ? 'open' : 'closed');
      store.setState({ minimapOpen });
    },
  },
  {
    id: 'toggle-problems',
    label: 'Show or hide problems',
    group: 'view',
    shortcuts: ['Mod+Shift+M'],
    perform: ({ store }) => store.setState({ problemsOpen: !store.getState().problemsOpen }),
  },
  {
    id: 'show-preview',
    label: 'Show config preview',
    group: 'view',
    shortcuts: ['Alt+P'],
    perform: ({ store }) =>
      store.setState({ sidePanel: store.getState().sidePanel === 'preview' ? 'inspector' : 'preview' }),
  },
  {
    id: 'command-palette',
    label: 'Command palette…',
    group: 'help',
    shortcuts: ['Mod+K', 'F1'],
    inTextFields: true,
    perform: ({ services }) => services.openCommandPalette(),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    group: 'help',
    shortcuts: ['Mod+/'],
    perform: ({ services }) => services.openShortcuts(),
  },
];

const arrangeActions: readonly Action[] = [
  {
    id: 'layout-design',
    label: 'Auto layout: whole design',
    group: 'arrange',
    shortcuts: ['Mod+Shift+L'],
    perform: ({ services }) => services.autoLayout(),
  },
  {
    id: 'layout-device',
    label: 'Auto layout: selected host or switch',
    group: 'arrange',
    shortcuts: ['Alt+Shift+L'],
    enabled: (ctx) => selectedDevice(ctx) !== undefined,
    perform: (ctx) => ctx.services.autoLayout(selectedDevice(ctx)),
  },
  { id: 'add-host', label: 'Add host', group: 'insert', perform: (ctx) => addDevice(ctx, 'host') },
  { id: 'add-switch', label: 'Add switch', group: 'insert', perform: (ctx) => addDevice(ctx, 'switch') },
];

export const ACTIONS = createRegistry([
  ...fileActions,
  ...exampleActions,
  ...deployActions,
  ...editActions,
  ...viewActions,
  ...firewallActions,
  ...liveActions,
  ...arrangeActions,
]);
