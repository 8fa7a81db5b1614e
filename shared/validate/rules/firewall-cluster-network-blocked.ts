import { hostFirewallState, hostNetworks, managementAdmits, rulesAcceptAllFrom } from '../../derive/firewall.js';
import { parsePrefix } from '../../model/ip.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * A storage (Ceph) or cluster network carries traffic between the Proxmox
 * hosts on it. With the firewall on and a DROP or REJECT input policy, a host
 * on such a network must accept what comes from it: an IN ACCEPT rule from its
 * subnet for every protocol, the Ceph macro for storage, or (cluster network)
 * the IP set management or local network, which pve-firewall opens itself.
 */
export const firewallClusterNetworkBlocked = defineRule({
  id: 'firewall/cluster-network-blocked',
  severity: 'error',
  summary:
    'The firewall of a Proxmox host drops what a storage (Ceph) or cluster network it is on carries between the hosts: no rule accepts traffic from that subnet.',
  check(index, report) {
    const shared = index.design.networks.filter(
      (n) => (n.purpose === 'storage' || n.purpose === 'cluster') && n.subnet !== undefined,
    );
    for (const [h, host] of index.design.hosts.entries()) {
      const state = hostFirewallState(index.design, host);
      if (!state || state.policyIn === 'ACCEPT') continue;
      const own = hostNetworks(host);
      for (const network of shared) {
        const net = parsePrefix(network.subnet!)!;
        if (
          !own.some(
            (p) =>
              p.length === net.length &&
              p.address.value === net.address.value &&
              p.address.family === net.address.family,
          )
        )
          continue;
        const scope = { datacenter: state.datacenter };
        const open =
          rulesAcceptAllFrom(scope, state.rules, net, network.purpose === 'storage' ? 'Ceph' : undefined) ||
          (network.purpose === 'cluster' && managementAdmits(state.datacenter, host, net));
        if (!open) {
          report(
            [network.id, host.id],
            `host ${host.name}'s firewall drops the ${network.purpose} traffic of ${nameOf(index.byId.get(network.id)!)} (input policy ${state.policyIn}): accept ${network.subnet} with an IN rule${network.purpose === 'storage' ? ' (or the Ceph macro)' : ' or add it to IP set management'}`,
            host.firewall ? ['hosts', h, 'firewall', 'rules'] : ['firewall', 'rules'],
          );
        }
      }
    }
  },
});
