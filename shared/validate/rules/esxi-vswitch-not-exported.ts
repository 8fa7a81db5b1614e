import { PLATFORM_REGISTRY, type PlatformTargetId } from '../../platforms/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/** The targets that write a host's standard vSwitches and port groups. */
const VSWITCH_TARGETS: readonly PlatformTargetId[] = ['esxcli', 'powercli'];

/**
 * vSwitches and port groups are ESXi networking: on a host whose platform
 * writes no ESXi script they go nowhere, and neither do the VM NICs on them.
 */
export const esxiVswitchNotExported = defineRule({
  id: 'esxi/vswitch-not-exported',
  severity: 'error',
  summary:
    'A host whose platform writes no ESXi script (Proxmox VE, Debian) has a vSwitch, so it, its port groups and the VM NICs on them are exported nowhere; make the host VMware ESXi.',
  check(index, report) {
    for (const v of index.ofKind('vswitch')) {
      const platform = PLATFORM_REGISTRY[v.host.platform];
      const targets: readonly PlatformTargetId[] = platform.targets;
      if (targets.some((t) => VSWITCH_TARGETS.includes(t))) continue;
      report(
        [v.element.id, v.host.id],
        `${nameOf(v)} is ESXi networking, but ${platform.label} hosts export no esxcli or PowerCLI script: it, its port groups and the VM NICs on them go nowhere. Set the platform of ${v.host.name} to VMware ESXi, or use a bridge`,
      );
    }
  },
});
