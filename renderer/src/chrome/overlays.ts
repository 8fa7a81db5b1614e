import { create } from 'zustand';

/** Which overlay (command palette, shortcut list) is open; view state of the chrome only. */
export const useOverlays = create<{ palette: boolean; shortcuts: boolean }>(() => ({
  palette: false,
  shortcuts: false,
}));
