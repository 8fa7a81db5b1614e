import { topologyOf } from '../../derive/topology.js';
import type { ElementOf } from '../../model/index-of.js';
import { defineRule, nameOf } from '../define-rule.js';

const NEEDED = { allowPromiscuous: 'promiscuous mode', allowForgedTransmits: 'forged transmits' } as const;

/**
 * A nested hypervisor's own VMs send from MAC addresses the outer ESXi does
 * not know: without promiscuous mode its VMs see no replies, without forged
 * transmits their frames are dropped. Accepting both on the vSwitch would
 * open every port group; the port group of the nested host is enough.
 */
export const esxiNestedHypervisorSecurity = defineRule({
  id: 'esxi/nested-hypervisor-security',
  severity: 'warning',
  summary:
    'A VM marked as a nested hypervisor sits on a port group that rejects promiscuous mode or forged transmits, so its own VMs get no traffic; accept both on that port group (not the whole vSwitch).',
  check(index, report) {
    const topology = topologyOf(index);
    for (const group of index.ofKind('port-group')) {
      const vswitch = index.target(group, 'vswitch', 'vswitch');
      if (!vswitch) continue;
      const rejected = (Object.keys(NEEDED) as (keyof typeof NEEDED)[]).filter(
        (field) => (group.element[field] ?? vswitch.element[field]) === 'reject',
      );
      if (rejected.length === 0) continue;
      const vms = new Map<string, ElementOf<'vm-nic'>>();
      for (const nic of topology.referrers(group, 'vm-nic', 'bridge'))
        if (nic.vm.nestedHypervisor === true && !vms.has(nic.vm.id)) vms.set(nic.vm.id, nic);
      for (const nic of vms.values()) {
        const missing = rejected.map((f) => NEEDED[f]).join(' and ');
        report(
          [nic.vm.id, group.element.id],
          `VM ${nic.vm.name} is a nested hypervisor on ${nameOf(group)}, which rejects ${missing}: the VMs inside it get no traffic. Accept ${missing} on port group ${group.element.name} itself rather than on vSwitch ${vswitch.element.name}, so no other port group is opened`,
        );
      }
    }
  },
});
