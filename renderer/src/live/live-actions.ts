/** The live-status actions, registered with the others in `actions/index.ts`. */
import type { Action } from '../actions/action.js';
import { editLiveStatusSettings, toggleLiveStatus } from './live-status.js';

export const liveActions: readonly Action[] = [
  {
    id: 'toggle-live-status',
    label: 'Live status: read hosts over SSH',
    group: 'view',
    shortcuts: ['Alt+Shift+S'],
    perform: () => toggleLiveStatus(),
  },
  { id: 'live-status-settings', label: 'Live status settings…', group: 'view', perform: () => editLiveStatusSettings() },
];
