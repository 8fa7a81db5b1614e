/**
 * The one store. `design` is the document and the only thing history
 * records; everything else is view state (file, selection, live status,
 * dialogs) that undo never touches. Edits go through `edit()` (one history
 * step each); loading a design goes through `load()`, which is never
 * recorded and clears history.
 */
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { RecentFile } from '../../../shared/api.js';
import type { Fragment } from '../../../shared/edit/fragment.js';
import type { LoadProblem } from '../../../shared/model/restore.js';
import { Design, FORMAT } from '../../../shared/model/schema.js';
import { serializeDesign } from '../../../shared/model/serialize.js';
import type { LiveSlice, LiveStatus } from './live.js';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type SidePanel = 'inspector' | 'preview';

export interface Toast {
  readonly id: number;
  readonly tone: 'info' | 'error' | 'success';
  readonly text: string;
}

/** A file that could not be opened: shown until dismissed; the open design is untouched. */
export interface LoadFailure {
  readonly path: string;
  readonly problems: readonly LoadProblem[];
}

export interface DocState {
  readonly design: Design;
}

export interface ViewState {
  /** The file the design belongs to; null for a design never saved. */
  readonly filePath: string | null;
  /** The design as last opened or saved; `design !== savedDesign` means unsaved changes. */
  readonly savedDesign: Design;
  readonly selection: readonly string[];
  readonly live: LiveSlice;
  readonly toasts: readonly Toast[];
  readonly loadFailure: LoadFailure | null;
  readonly theme: ThemeChoice;
  readonly sidePanel: SidePanel;
  readonly problemsOpen: boolean;
  /** Whether the minimap (overview) is shown; closed until the person opens it, then remembered. */
  readonly minimapOpen: boolean;
  /** Device whose configuration the preview shows. */
  readonly previewDevice: string | null;
  /** Text of each device's files at the last export: device id -> file path -> content. */
  readonly lastExport: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly clipboard: Fragment | null;
  readonly recentFiles: readonly RecentFile[];
  /** Counts loads, so the canvas fits the view on each newly shown design. */
  readonly loadSeq: number;
  /** Why the connection being drawn is refused (shown while drawing, and as a toast when dropped). */
  readonly connectRefusal: string | null;
  /** Elements to reveal (fit the view on) next; the canvas consumes it. */
  readonly reveal: { readonly ids: readonly string[]; readonly seq: number } | null;
}

export interface StoreActions {
  /** Applies one user edit as one history step; `fn` returns the next design (or the same one for no change). */
  edit(fn: (design: Design) => Design): void;
  /** Shows a design (opened, restored, new) without recording history. */
  load(design: Design, filePath: string | null, options?: { dirty?: boolean }): void;
  markSaved(filePath: string, design: Design): void;
  select(ids: readonly string[]): void;
  revealElements(ids: readonly string[]): void;
  setLive(id: string, status: LiveStatus | undefined): void;
  replaceLive(live: LiveSlice): void;
  toast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
  set(patch: Partial<ViewState>): void;
}

export type AppState = DocState & ViewState & StoreActions;

export function emptyDesign(name = 'Untitled design'): Design {
  return Design.parse({ format: FORMAT, name });
}

let toastSeq = 0;
let revealSeq = 0;

const initialTheme = (): ThemeChoice => {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem('netloom.theme');
  return saved === 'light' || saved === 'dark' ? saved : 'system';
};

/** Where the minimap choice is remembered across reloads. */
export const MINIMAP_KEY = 'netloom.minimap';
const initialMinimap = (): boolean =>
  typeof localStorage !== 'undefined' && localStorage.getItem(MINIMAP_KEY) === 'open';

export const useAppStore = create<AppState>()(
  temporal(
    (set, get) => {
      const initial = emptyDesign();
      return {
        design: initial,
        filePath: null,
        savedDesign: initial,
        selection: [],
        live: {},
        toasts: [],
        loadFailure: null,
        theme: initialTheme(),
        sidePanel: 'inspector',
        problemsOpen: true,
        minimapOpen: initialMinimap(),
        previewDevice: null,
        lastExport: {},
        clipboard: null,
        recentFiles: [],
        reveal: null,
        connectRefusal: null,
        loadSeq: 0,
        edit(fn) {
          const before = get().design;
          const after = fn(before);
          if (after !== before) set({ design: after });
        },
        load(design, filePath, options) {
          const history = useAppStore.temporal.getState();
          history.pause();
          set({
            design,
            filePath,
            savedDesign: options?.dirty ? emptyDesign() : design,
            selection: [],
            loadFailure: null,
            lastExport: {},
            previewDevice: null,
            loadSeq: get().loadSeq + 1,
          });
          history.clear();
          history.resume();
        },
        markSaved(filePath, design) {
          set({ filePath, savedDesign: design });
        },
        select(ids) {
          const current = get().selection;
          if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
          set({ selection: ids });
        },
        revealElements(ids) {
          set({ selection: ids, reveal: { ids, seq: ++revealSeq } });
        },
        setLive(id, status) {
          const live = { ...get().live };
          if (status) live[id] = status;
          else delete live[id];
          set({ live });
        },
        replaceLive(live) {
          set({ live });
        },
        toast(text, tone = 'info') {
          const id = ++toastSeq;
          set({ toasts: [...get().toasts.slice(-3), { id, tone, text }] });
          setTimeout(() => get().dismissToast(id), tone === 'error' ? 6000 : 3500);
        },
        dismissToast(id) {
          set({ toasts: get().toasts.filter((t) => t.id !== id) });
        },
        set(patch) {
          set(patch);
        },
      };
    },
    {
      // Only the document is history; a step is recorded when the design object changes.
      partialize: (state): DocState => ({ design: state.design }),
      equality: (past, current) => past.design === current.design,
      limit: 200,
    },
  ),
);

export const history = () => useAppStore.temporal.getState();

/** The saved design's text and the last answer of `isDirty`, so each design is serialised once, not on every store update. */
let savedText: { saved: Design; text: string } | null = null;
let lastDirty: { design: Design; saved: Design; dirty: boolean } | null = null;

/** Unsaved changes: the design means something else than the saved one (undoing back to it, or typing the old value again, is clean). */
export const isDirty = (s: Pick<AppState, 'design' | 'savedDesign'>): boolean => {
  if (s.design === s.savedDesign) return false;
  if (lastDirty?.design !== s.design || lastDirty.saved !== s.savedDesign) {
    if (savedText?.saved !== s.savedDesign) savedText = { saved: s.savedDesign, text: serializeDesign(s.savedDesign) };
    lastDirty = { design: s.design, saved: s.savedDesign, dirty: serializeDesign(s.design) !== savedText.text };
  }
  return lastDirty.dirty;
};
