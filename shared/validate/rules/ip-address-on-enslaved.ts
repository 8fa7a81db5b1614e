import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/** An interface enslaved to a bond or bridge carries no address of its own: ifupdown2 refuses one (static or DHCP). */
export const ipAddressOnEnslaved = defineRule({
  id: 'ip/address-on-enslaved',
  severity: 'error',
  summary:
    'A bond member or bridge port has an IPv4 or IPv6 configuration, which ifupdown2 refuses on an enslaved interface.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const located of index.all) {
      if (located.kind !== 'port' && located.kind !== 'bond' && located.kind !== 'vlan') continue;
      const { element } = located;
      if (element.inet === undefined && element.inet6 === undefined) continue;
      const master =
        (located.kind === 'port' ? topology.bondsOfPort(located)[0] : undefined) ?? topology.bridgesOf(located)[0];
      if (!master) continue;
      const families = [element.inet && `IPv4 ${element.inet.method}`, element.inet6 && `IPv6 ${element.inet6.method}`]
        .filter(Boolean)
        .join(' and ');
      report(
        [element.id, master.element.id],
        `${nameOf(located)} has ${families} configuration but is enslaved to ${nameOf(master)}; ifupdown2 refuses addresses on an enslaved interface: put them on ${master.element.name}`,
      );
    }
  },
});
