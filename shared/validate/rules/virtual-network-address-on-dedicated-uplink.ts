import { isHostInterface } from '../../model/kinds/index.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * A NIC given to VMs alone (a VMware bridged VMnet's or a libvirt bridged
 * network's uplink marked dedicated) should be up with no address: an
 * address puts the host itself on that segment (the WAN of a DMZ box).
 */
export const virtualNetworkAddressOnDedicatedUplink = defineRule({
  id: 'virtual-network/address-on-dedicated-uplink',
  severity: 'warning',
  summary:
    'The uplink of a bridged virtual network marked dedicated to VMs has an IP address (static or DHCP): the host itself sits on the segment meant for its VMs.',
  check(index, report) {
    for (const network of index.ofKind('virtual-network')) {
      if (!network.element.dedicatedUplink) continue;
      const uplink = network.element.uplink === undefined ? undefined : index.byId.get(network.element.uplink);
      if (!uplink || !isHostInterface(uplink)) continue;
      const families = [uplink.element.inet && 'IPv4', uplink.element.inet6 && 'IPv6'].filter(Boolean);
      if (families.length === 0) continue;
      report(
        [uplink.element.id, network.element.id],
        `${nameOf(uplink)} is dedicated to the VMs of ${nameOf(network)} but has an ${families.join(' and ')} configuration: leave it up without an address (inet manual) so the host stays off that segment`,
      );
    }
  },
});
