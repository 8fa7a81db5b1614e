import { PLATFORM_REGISTRY } from '../../platforms/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * Debian's ifupdown2 ships `multiple_vlan_aware_bridge_support=0` in
 * /etc/network/ifupdown2/ifupdown2.conf (Proxmox VE ships 1): every VLAN-aware
 * bridge after the first is ignored, with an error but a successful exit.
 * The platform registry says which platforms ship it so.
 */
export const bridgeSecondVlanAwareOnDebian = defineRule({
  id: 'bridge/second-vlan-aware-on-debian',
  severity: 'warning',
  summary:
    "A Debian host has more than one VLAN-aware bridge; Debian's ifupdown2 (multiple_vlan_aware_bridge_support=0) ignores all but the first.",
  check(index, report) {
    for (const host of index.ofKind('host')) {
      const platform = PLATFORM_REGISTRY[host.element.platform];
      if (platform.multipleVlanAwareBridges) continue;
      const [first, ...others] = host.element.bridges.filter((b) => b.vlanAware);
      if (!first) continue;
      for (const bridge of others) {
        const located = index.get(bridge.id, 'bridge');
        if (!located) continue;
        report(
          [bridge.id, first.id],
          `${nameOf(located)} is a second VLAN-aware bridge after ${first.name}; ${platform.label}'s ifupdown2 ships multiple_vlan_aware_bridge_support=0 and ignores it: use one VLAN-aware bridge, or set multiple_vlan_aware_bridge_support=1 in /etc/network/ifupdown2/ifupdown2.conf`,
        );
      }
    }
  },
});
