import { rulesAccept, vmFirewallState } from '../../derive/firewall.js';
import { parsePrefix } from '../../model/ip.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * A VM whose firewall drops incoming traffic by default and has no rule for
 * SSH from the management network cannot be reached by its administrators
 * (pve-firewall opens nothing for VMs by itself).
 */
export const firewallVmSshBlocked = defineRule({
  id: 'firewall/vm-ssh-blocked',
  severity: 'warning',
  summary:
    "A VM's firewall has a DROP or REJECT input policy and no rule accepting SSH (22) from the management network.",
  check(index, report) {
    const management = index.design.networks.filter((n) => n.purpose === 'management' && n.subnet !== undefined);
    for (const [h, host] of index.design.hosts.entries()) {
      for (const [v, vm] of host.vms.entries()) {
        const state = vmFirewallState(index.design, host, vm);
        if (!state || state.policyIn === 'ACCEPT') continue;
        for (const network of management) {
          if (rulesAccept(state.scope, state.rules, 22, parsePrefix(network.subnet!)!)) continue;
          report(
            [vm.id, network.id],
            `VM ${vm.name}'s firewall drops SSH from ${nameOf(index.byId.get(network.id)!)} (input policy ${state.policyIn}, no rule accepts port 22 from ${network.subnet})`,
            ['hosts', h, 'vms', v, 'firewall', 'rules'],
          );
        }
      }
    }
  },
});
