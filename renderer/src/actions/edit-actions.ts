/** Undo, redo, clipboard, delete and selection: pure store work, testable without a browser. */
import { copyFragment, isEmptyFragment, pasteFragment } from '../../../shared/edit/fragment.js';
import { removeElements } from '../../../shared/edit/remove.js';
import { addNetwork } from '../../../shared/edit/create.js';
import { history } from '../store/store.js';
import { nodeIdsOf } from '../canvas/to-flow.js';
import { spreadFrames } from '../canvas/placement.js';
import type { Action, ActionContext } from './action.js';

const PASTE_STEP = 32;

const hasSelection = ({ store }: ActionContext) => store.getState().selection.length > 0;

function copySelection(ctx: ActionContext): boolean {
  const { design, selection } = ctx.store.getState();
  const fragment = copyFragment(design, selection);
  if (isEmptyFragment(fragment)) return false;
  ctx.store.setState({ clipboard: fragment });
  return true;
}

function deleteSelection(ctx: ActionContext): void {
  const state = ctx.store.getState();
  state.edit((d) => removeElements(d, state.selection));
  state.select([]);
}

/** Pastes the clipboard one step down and right of where it came from (pasted hosts and switches in the free space nearest that), and moves the clipboard along. */
function pasteClipboard(ctx: ActionContext): void {
  const state = ctx.store.getState();
  const fragment = state.clipboard;
  if (!fragment) return;
  const into = state.selection.find(
    (id) => state.design.hosts.some((h) => h.id === id) || state.design.switches.some((s) => s.id === id),
  );
  let pasted: readonly string[] = [];
  state.edit((d) => {
    const result = pasteFragment(d, fragment, { x: PASTE_STEP, y: PASTE_STEP }, into);
    pasted = result.ids;
    return spreadFrames(result.design, pasted);
  });
  const layout = Object.fromEntries(
    Object.entries(fragment.layout).map(([id, p]) => [id, { ...p, x: p.x + PASTE_STEP, y: p.y + PASTE_STEP }]),
  );
  ctx.store.setState({ clipboard: { ...fragment, layout } });
  state.select(pasted);
}

export const editActions: readonly Action[] = [
  {
    id: 'undo',
    label: 'Undo',
    group: 'edit',
    shortcuts: ['Mod+Z'],
    enabled: () => history().pastStates.length > 0,
    perform: () => history().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: () => history().futureStates.length > 0,
    perform: () => history().redo(),
  },
  {
    id: 'cut',
    label: 'Cut',
    group: 'edit',
    shortcuts: ['Mod+X'],
    enabled: hasSelection,
    perform: (ctx) => {
      if (copySelection(ctx)) deleteSelection(ctx);
    },
  },
  {
    id: 'copy',
    label: 'Copy',
    group: 'edit',
    shortcuts: ['Mod+C'],
    enabled: hasSelection,
    perform: (ctx) => {
      if (!copySelection(ctx)) ctx.store.getState().toast('Nothing to copy in the selection');
    },
  },
  {
    id: 'paste',
    label: 'Paste',
    group: 'edit',
    shortcuts: ['Mod+V'],
    enabled: ({ store }) => store.getState().clipboard !== null,
    perform: pasteClipboard,
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'edit',
    shortcuts: ['Mod+D'],
    enabled: hasSelection,
    perform: (ctx) => {
      const saved = ctx.store.getState().clipboard;
      if (!copySelection(ctx)) return;
      pasteClipboard(ctx);
      ctx.store.setState({ clipboard: saved });
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    group: 'edit',
    shortcuts: ['Delete', 'Backspace'],
    enabled: hasSelection,
    perform: deleteSelection,
  },
  {
    id: 'select-all',
    label: 'Select all',
    group: 'edit',
    shortcuts: ['Mod+A'],
    perform: ({ store }) => store.getState().select(nodeIdsOf(store.getState().design)),
  },
  {
    id: 'deselect',
    label: 'Deselect',
    group: 'edit',
    shortcuts: ['Escape'],
    enabled: hasSelection,
    perform: ({ store }) => store.getState().select([]),
  },
  {
    id: 'add-network',
    label: 'Add network (VLAN)',
    group: 'insert',
    perform: ({ store }) => {
      let id = '';
      store.getState().edit((d) => {
        const created = addNetwork(d);
        id = created.id;
        return created.design;
      });
      store.getState().select([id]);
    },
  },
];
