import { runsPveFirewall } from '../../derive/firewall.js';
import { defineRule } from '../define-rule.js';

/**
 * Proxmox filters a VM's traffic only where both switches are on: the VM's
 * firewall and the NIC's `firewall=1`. One without the other filters nothing,
 * which is rarely what was meant. Checked when the design manages the firewall.
 */
export const firewallNicFlagMismatch = defineRule({
  id: 'firewall/nic-flag-mismatch',
  severity: 'warning',
  summary:
    "A VM NIC has the firewall flag while the VM's firewall is off, or the VM's firewall is on while none of its NICs has the flag: nothing is filtered.",
  check(index, report) {
    if (!index.design.firewall) return;
    for (const host of index.design.hosts) {
      if (!runsPveFirewall(host)) continue;
      for (const vm of host.vms) {
        const on = vm.firewall?.options.enable === true;
        const flagged = vm.nics.filter((n) => n.firewall);
        if (!on) {
          for (const nic of flagged) {
            report(
              [nic.id, vm.id],
              `VM ${vm.name} net${nic.slot} has the firewall flag, but the VM's firewall is off: it filters nothing; turn the VM's firewall on or clear the flag`,
            );
          }
        } else if (flagged.length === 0 && vm.nics.length > 0) {
          report(
            [vm.id],
            `VM ${vm.name}'s firewall is on, but none of its NICs has the firewall flag: it filters nothing`,
          );
        }
      }
    }
  },
});
