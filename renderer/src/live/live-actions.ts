/**
 * The live-status actions, registered with the others in `actions/index.ts`.
 * The module that talks to the backend is loaded when an action runs, so the
 * registry stays free of the API client (and testable without a page).
 */
import type { Action } from '../actions/action.js';

const live = () => import('./live-status.js');

export const liveActions: readonly Action[] = [
  {
    id: 'toggle-live-status',
    label: 'Live status: read hosts over SSH',
    group: 'view',
    shortcuts: ['Alt+Shift+S'],
    perform: async () => (await live()).toggleLiveStatus(),
  },
  {
    id: 'live-status-settings',
    label: 'Live status settings…',
    group: 'view',
    perform: async () => (await live()).editLiveStatusSettings(),
  },
];
