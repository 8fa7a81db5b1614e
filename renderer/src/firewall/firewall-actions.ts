/** View > Firewall…: the Proxmox VE firewall panel, on the datacenter level. */
import type { Action } from '../actions/action.js';
import { runsPveFirewall } from '../../../shared/derive/firewall.js';
import { openFirewall } from './firewall-view.js';

export const firewallActions: readonly Action[] = [
  {
    id: 'firewall',
    label: 'Firewall…',
    group: 'view',
    enabled: ({ store }) => store.getState().design.hosts.some(runsPveFirewall),
    perform: () => openFirewall(),
  },
];
