import type { Platform } from './platform.js';

/** Proxmox VE: Debian with ifupdown2, plus VMs whose NICs join its bridges (`qm set`), and the Proxmox VE firewall. */
export const proxmox = {
  id: 'proxmox',
  label: 'Proxmox VE',
  targets: ['ifupdown2', 'proxmox-vm', 'pve-firewall'],
  driver: 'ifupdown2',
  statusReader: 'linux',
  multipleVlanAwareBridges: true,
} as const satisfies Platform;
