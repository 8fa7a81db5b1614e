import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * When a management network exists, the host's own address belongs there,
 * not on a bridge VMs plug into: on that bridge the host's API (Proxmox:
 * port 8006, SSH) is one hop from every VM.
 */
export const exposureManagementOnVmBridge = defineRule({
  id: 'exposure/management-on-vm-bridge',
  severity: 'warning',
  summary: 'A bridge that VMs plug into carries an IP address of the host while a management network exists: the management API is exposed to VMs.',
  check(index, report) {
    const management = index.design.networks.find((n) => n.purpose === 'management');
    if (!management) return;
    const topology = topologyOf(index);
    for (const bridge of index.all) {
      if (bridge.kind !== 'bridge') continue;
      const { inet, inet6 } = bridge.element;
      const addressed = inet !== undefined || (inet6 !== undefined && inet6.method !== 'auto');
      const nics = topology.nicsOnBridge(bridge.element.id);
      if (!addressed || nics.length === 0) continue;
      report(
        [bridge.element.id, ...nics.map((n) => n.element.id), management.id],
        `${nameOf(bridge)} has an address of the host and ${nics.length} VM NIC${nics.length > 1 ? 's' : ''} (${nics.map(nameOf).join(', ')}): the host's management API is exposed to those VMs; move the address to a VLAN interface or bridge for ${nameOf(index.byId.get(management.id)!)}`,
      );
    }
  },
});
