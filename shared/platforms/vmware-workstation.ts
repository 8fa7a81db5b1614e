import type { Platform } from './platform.js';

/**
 * VMware Workstation on a Linux (Debian) host: the host's interfaces with
 * ifupdown2 (deployed like Debian), plus `/etc/vmware/networking` and each
 * VM's `ethernetN` lines (export only).
 */
export const vmwareWorkstation = {
  id: 'vmware-workstation',
  label: 'VMware Workstation',
  targets: ['ifupdown2', 'vmware-workstation'],
  driver: 'ifupdown2',
  statusReader: 'linux',
  multipleVlanAwareBridges: false,
} as const satisfies Platform;
