import type { ElementOf } from '../../model/index-of.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * Proxmox handles a tag on a bridge that is not VLAN-aware by creating a
 * VLAN device on the bridge's port (bond0.245) and a bridge for it
 * (vmbr0v245) when the VM starts: it works, but outside the design.
 */
export const vlanVmTagOnPlainBridge = defineRule({
  id: 'vlan/vm-tag-on-plain-bridge',
  severity: 'info',
  summary:
    'A VM NIC has a VLAN tag on a bridge that is not VLAN-aware (Proxmox then builds a VLAN device and a bridge of its own).',
  check(index, report) {
    for (const nic of index.ofKind('vm-nic')) {
      if (nic.element.tag === undefined) continue;
      const bridge = index.target(nic, 'bridge', 'bridge');
      if (!bridge || bridge.element.vlanAware) continue;
      const uplink = bridge.element.ports
        .map((id) => index.byId.get(id))
        .find((p): p is ElementOf<'port' | 'bond'> => p?.kind === 'port' || p?.kind === 'bond');
      const device = uplink ? `${uplink.element.name}.${nic.element.tag}` : `a VLAN device for ${nic.element.tag}`;
      report(
        [nic.element.id, bridge.element.id],
        `${nameOf(nic)} is tagged ${nic.element.tag} on ${nameOf(bridge)}, which is not VLAN-aware: Proxmox will create ${device} and bridge ${bridge.element.name}v${nic.element.tag} when the VM starts; making the bridge VLAN-aware keeps this in the design`,
      );
    }
  },
});
