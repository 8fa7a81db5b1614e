import { hostFirewallState, managementAdmits, rulesAccept } from '../../derive/firewall.js';
import { parsePrefix } from '../../model/ip.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * With the datacenter firewall on and a DROP or REJECT input policy, a
 * Proxmox host still answers its API (8006) and SSH (22) to the IP set
 * `management` and its own local network (pve-firewall's built-in rules),
 * and to whatever an IN rule accepts. A management network outside all of
 * them is locked out: the way back is the console and `pve-firewall stop`.
 */
export const firewallLockout = defineRule({
  id: 'firewall/lockout',
  severity: 'error',
  summary:
    "The firewall is on for a Proxmox host while the management network is neither in IP set management nor the host's local network, and no rule accepts SSH (22) and the web UI (8006) from it: you lock yourself out.",
  check(index, report) {
    const management = index.design.networks.filter((n) => n.purpose === 'management' && n.subnet !== undefined);
    for (const host of index.design.hosts) {
      const state = hostFirewallState(index.design, host);
      if (!state || state.policyIn === 'ACCEPT') continue;
      for (const network of management) {
        const net = parsePrefix(network.subnet!)!;
        if (managementAdmits(state.datacenter, host, net)) continue;
        const scope = { datacenter: state.datacenter };
        const closed = [22, 8006].filter((port) => !rulesAccept(scope, state.rules, port, net));
        if (closed.length === 0) continue;
        report(
          [host.id, network.id],
          `the firewall locks ${nameOf(index.byId.get(network.id)!)} out of host ${host.name}: ${network.subnet} is not in IP set management nor the host's local network, and no rule accepts ${closed.map((p) => (p === 22 ? 'SSH (22)' : 'the web UI (8006)')).join(' or ')} from it (input policy ${state.policyIn}); add it to IP set management`,
          ['firewall', 'ipsets'],
        );
      }
    }
  },
});
