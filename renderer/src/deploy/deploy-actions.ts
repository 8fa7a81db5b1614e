/**
 * The deploy action: File > Deploy to hosts and switches…, the command palette and
 * Mod+Shift+D all run it. The panel's store (which talks to the backend) is
 * loaded on first use, so the action registry stays free of the API client.
 */
import type { Action } from '../actions/action.js';

export const deployActions: readonly Action[] = [
  {
    id: 'deploy',
    label: 'Deploy to hosts and switches…',
    group: 'file',
    shortcuts: ['Mod+Shift+D'],
    enabled: ({ store }) => {
      const { hosts, switches } = store.getState().design;
      return [...hosts, ...switches].some((device) => device.ssh !== undefined);
    },
    perform: async ({ store }) => (await import('./deploy-store.js')).startDeploy(store.getState().design),
  },
];
