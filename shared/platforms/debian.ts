import type { Platform } from './platform.js';

/** Debian (or any Linux host) with ifupdown2. */
export const debian = {
  id: 'debian',
  label: 'Debian',
  targets: ['ifupdown2'],
  driver: 'ifupdown2',
  statusReader: 'linux',
  multipleVlanAwareBridges: false,
} as const satisfies Platform;
