/**
 * Every user action is one object, registered in one place (`index.ts`):
 * menus, keyboard shortcuts, tooltips and the command palette all run the
 * same `perform`. Two actions claiming one shortcut is an error at startup.
 */
import type { StoreApi } from 'zustand';
import type { ExampleId } from '../../../shared/examples/index.js';
import type { Position } from '../../../shared/model/schema.js';
import type { AppState } from '../store/store.js';
import { chordText, parseShortcut, type KeyChord } from './shortcut.js';

/** What actions need beyond the store; the app implements it over the API and the canvas, tests fake it. */
export interface Services {
  newDesign(): Promise<void>;
  openDesign(path?: string): Promise<void>;
  /** Opens a bundled example as a new, unsaved design. */
  openExample(id: ExampleId): Promise<void>;
  /** Resolves false when the user cancelled or saving failed. */
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  exportConfigs(): Promise<void>;
  exportImage(format: 'svg' | 'png'): Promise<void>;
  autoLayout(deviceId?: string): Promise<void>;
  fitView(ids?: readonly string[]): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Zoom 100% around the centre of the view. */
  zoomReset(): void;
  /** The centre of the visible canvas, in flow coordinates. */
  viewCenter(): Position;
  openCommandPalette(): void;
  openShortcuts(): void;
}

export interface ActionContext {
  readonly store: Pick<StoreApi<AppState>, 'getState' | 'setState'>;
  readonly services: Services;
}

export type ActionGroup = 'file' | 'examples' | 'edit' | 'view' | 'arrange' | 'insert' | 'help';

export interface Action {
  readonly id: string;
  readonly label: string;
  readonly group: ActionGroup;
  /** A line under the label in menus (an example's description). */
  readonly detail?: string;
  /** Shortcuts in `parseShortcut` form; the first is the one shown. */
  readonly shortcuts?: readonly string[];
  /** Whether the action can run now; disabled actions are greyed out and their shortcuts do nothing. */
  enabled?(ctx: ActionContext): boolean;
  /** Whether the shortcut also fires while typing in a text field. */
  readonly inTextFields?: boolean;
  perform(ctx: ActionContext): void | Promise<void>;
}

export interface ActionRegistry {
  readonly all: readonly Action[];
  get(id: string): Action;
  /** Shortcut chords with their action, for the key handler. */
  readonly chords: readonly { readonly chord: KeyChord; readonly action: Action }[];
}

export function createRegistry(actions: readonly Action[]): ActionRegistry {
  const byId = new Map<string, Action>();
  const byChord = new Map<string, Action>();
  const chords: { chord: KeyChord; action: Action }[] = [];
  for (const action of actions) {
    if (byId.has(action.id)) throw new Error(`two actions have the id "${action.id}"`);
    byId.set(action.id, action);
    for (const text of action.shortcuts ?? []) {
      const chord = parseShortcut(text);
      const key = chordText(chord);
      const other = byChord.get(key);
      if (other) throw new Error(`shortcut ${key} is claimed by both "${other.id}" and "${action.id}"`);
      byChord.set(key, action);
      chords.push({ chord, action });
    }
  }
  return {
    all: actions,
    chords,
    get(id) {
      const action = byId.get(id);
      if (!action) throw new Error(`no action "${id}"`);
      return action;
    },
  };
}

export const isEnabled = (action: Action, ctx: ActionContext): boolean => action.enabled?.(ctx) ?? true;
