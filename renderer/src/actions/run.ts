/** Running actions: from menus, buttons, the command palette and the keyboard, all through here. */
import { useEffect } from 'react';
import { useAppStore } from '../store/store.js';
import { isEnabled, type ActionContext, type Services } from './action.js';
import { ACTIONS } from './index.js';
import { isMac, matchesChord } from './shortcut.js';

let services: Services | null = null;

export function provideServices(s: Services): void {
  services = s;
}

export function actionContext(): ActionContext {
  if (!services) throw new Error('services are not ready yet');
  return { store: useAppStore, services };
}

export function runAction(id: string): void {
  const action = ACTIONS.get(id);
  const ctx = actionContext();
  if (!isEnabled(action, ctx)) return;
  try {
    const result = action.perform(ctx);
    if (result instanceof Promise)
      result.catch((e: unknown) =>
        useAppStore.getState().toast(`${action.label} failed: ${(e as Error).message}`, 'error'),
      );
  } catch (e) {
    useAppStore.getState().toast(`${action.label} failed: ${(e as Error).message}`, 'error');
  }
}

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    target.closest('.cm-editor') !== null);

/** Listens for every registered shortcut on the window. */
export function useShortcuts(): void {
  useEffect(() => {
    const mac = isMac();
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isTextField(event.target);
      const inDialog = event.target instanceof HTMLElement && event.target.closest('[role="dialog"]') !== null;
      for (const { chord, action } of ACTIONS.chords) {
        if (!matchesChord(chord, event, mac)) continue;
        if ((typing || inDialog) && !action.inTextFields) return;
        event.preventDefault();
        runAction(action.id);
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
