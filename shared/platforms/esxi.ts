import type { Platform } from './platform.js';

/**
 * VMware ESXi with standard vSwitches: export only. Netloom writes an esxcli
 * script and the same settings as PowerCLI for a person to review and run;
 * it has no deploy driver or live-status reader for ESXi.
 */
export const esxi = {
  id: 'esxi',
  label: 'VMware ESXi',
  targets: ['esxcli', 'powercli'],
  multipleVlanAwareBridges: false,
} as const satisfies Platform;
