import type { Platform } from './platform.js';

/**
 * A Debian or Ubuntu KVM host run by libvirt: its own interfaces with
 * ifupdown2 (deployed like Debian), plus libvirt networks, VM interface
 * snippets and the bridged-traffic filter (export only).
 */
export const libvirt = {
  id: 'libvirt',
  label: 'KVM / libvirt',
  targets: ['ifupdown2', 'libvirt'],
  driver: 'ifupdown2',
  statusReader: 'linux',
  multipleVlanAwareBridges: false,
} as const satisfies Platform;
