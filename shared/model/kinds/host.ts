/** A Proxmox VE or Debian host: a frame on the canvas holding its interfaces and VMs. */
import type { Design, Host } from '../schema.js';
import { defineKind } from './define.js';

export const host = defineKind<Host, Design>()({
  id: 'host',
  owner: 'design',
  collection: 'hosts',
  label: 'host',
  title: (h) => h.name,
  frame: true,
  palette: { hint: 'A Proxmox VE or Debian host' },
  icon: 'M3 4h18v6H3zM3 14h18v6H3zM7 7h.01M7 17h.01',
});
