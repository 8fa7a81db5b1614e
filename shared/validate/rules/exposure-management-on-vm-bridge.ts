import { networkOfAddresses } from '../../derive/uplink-vlans.js';
import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * When a management network exists, the host's own address belongs on it,
 * not on a bridge VMs plug into. Exposed: the bridge's address is in the
 * management subnet, or a VM NIC lands in the bridge's own untagged segment
 * (no tag, or the PVID's tag on a VLAN-aware bridge): then the host's API
 * (Proxmox: port 8006, SSH) is one misplaced tag, or no hop at all, from VMs.
 */
export const exposureManagementOnVmBridge = defineRule({
  id: 'exposure/management-on-vm-bridge',
  severity: 'warning',
  summary:
    "A bridge that VMs plug into carries the host address (in the management subnet, or in the VMs' own segment) while a management network exists: the management API is exposed to VMs.",
  check(index, report) {
    const management = index.design.networks.find((n) => n.purpose === 'management');
    if (!management) return;
    const topology = topologyOf(index);
    for (const bridge of index.ofKind('bridge')) {
      const b = bridge.element;
      const addressed = b.inet !== undefined || (b.inet6 !== undefined && b.inet6.method !== 'auto');
      const nics = topology.nicsOnBridge(bridge);
      if (!addressed || nics.length === 0) continue;
      const inManagement = networkOfAddresses([management], b) !== undefined;
      const untagged = b.vlanAware ? (b.pvid ?? 1) : undefined;
      const adjacent = nics.filter((n) => n.element.tag === undefined || n.element.tag === untagged);
      if (!inManagement && adjacent.length === 0) continue;
      const shown = adjacent.length > 0 ? adjacent : nics;
      const why =
        adjacent.length > 0
          ? `${shown.map(nameOf).join(', ')} share${shown.length > 1 ? '' : 's'} the segment of the host's address`
          : `its address is in ${nameOf(index.byId.get(management.id)!)}, on the bridge ${shown.map(nameOf).join(', ')} plug${shown.length > 1 ? '' : 's'} into`;
      report(
        [b.id, ...shown.map((n) => n.element.id), management.id],
        `${nameOf(bridge)} exposes the host's management API to VMs: ${why}; put the host address on a VLAN interface or a bridge of its own in ${nameOf(index.byId.get(management.id)!)}`,
      );
    }
  },
});
