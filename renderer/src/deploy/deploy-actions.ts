/** The deploy action: File > Deploy to hosts…, the command palette and Mod+Shift+D all run it. */
import type { Action } from '../actions/action.js';
import { startDeploy } from './deploy-store.js';

export const deployActions: readonly Action[] = [
  {
    id: 'deploy',
    label: 'Deploy to hosts…',
    group: 'file',
    shortcuts: ['Mod+Shift+D'],
    enabled: ({ store }) => store.getState().design.hosts.some((h) => h.ssh !== undefined),
    perform: ({ store }) => startDeploy(store.getState().design),
  },
];
