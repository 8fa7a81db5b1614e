import { PROXMOX_BRIDGE_ID } from '../../platforms/proxmox.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * A Linux bridge may be called `vmbr+1`, but Proxmox refuses that name as a
 * VM NIC's bridge (`qm set ... bridge=vmbr+1`), and so does Netloom's VM NIC
 * script: the name is refused here, where it can be fixed.
 */
export const namesProxmoxVmBridge = defineRule({
  id: 'names/proxmox-vm-bridge',
  severity: 'error',
  summary: "A VM NIC's bridge has a name Proxmox refuses for VM NICs (it takes letters, digits, '-', '_' and '.').",
  check(index, report) {
    for (const nic of index.ofKind('vm-nic')) {
      if (nic.host.platform !== 'proxmox') continue;
      const bridge = index.target(nic, 'bridge', 'bridge');
      if (!bridge || PROXMOX_BRIDGE_ID.test(bridge.element.name)) continue;
      report(
        [bridge.element.id, nic.element.id],
        `${nameOf(bridge)} carries ${nameOf(nic)}, but Proxmox takes only letters, digits, '-', '_' and '.' in a VM NIC's bridge; rename the bridge`,
      );
    }
  },
});
