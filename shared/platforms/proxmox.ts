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

/**
 * What Proxmox takes as a VM NIC's bridge (its `pve-bridge-id` format):
 * letters, digits, `-`, `_` and `.`. Narrower than a Linux interface name,
 * which may also hold `+` and `@`: the rule `names/proxmox-vm-bridge` holds
 * designs to this before the script is written.
 */
export const PROXMOX_BRIDGE_ID = /^[A-Za-z0-9_.-]+$/;
