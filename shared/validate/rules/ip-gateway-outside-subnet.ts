import { parseIp, parsePrefix, prefixContains } from '../../model/ip.js';
import { defineRule, nameOf } from '../define-rule.js';

/** A gateway must be reachable on the link: inside one of the interface's prefixes (or the network's subnet). */
export const ipGatewayOutsideSubnet = defineRule({
  id: 'ip/gateway-outside-subnet',
  severity: 'error',
  summary: "A gateway lies outside its interface's subnets (or a network's gateway outside its subnet).",
  check(index, report) {
    for (const located of index.all) {
      if (located.kind === 'network') {
        const { gateway, subnet } = located.element;
        const prefix = subnet === undefined ? undefined : parsePrefix(subnet);
        const address = gateway === undefined ? undefined : parseIp(gateway);
        if (prefix && address && !prefixContains(prefix, address)) {
          report([located.element.id], `${nameOf(located)} has gateway ${gateway} outside its subnet ${subnet}`);
        }
        continue;
      }
      if (located.kind !== 'port' && located.kind !== 'bond' && located.kind !== 'bridge' && located.kind !== 'vlan')
        continue;
      const { inet, inet6 } = located.element;
      // Most interfaces have no address: nothing to look at, and no list made for them.
      if (inet === undefined && inet6 === undefined) continue;
      for (const config of [inet, inet6]) {
        if (config?.method !== 'static' || config.gateway === undefined) continue;
        const gateway = parseIp(config.gateway);
        const prefixes = config.addresses.flatMap((a) => parsePrefix(a) ?? []);
        if (gateway && !prefixes.some((p) => prefixContains(p, gateway))) {
          report(
            [located.element.id],
            `${nameOf(located)} has gateway ${config.gateway} outside its subnet${prefixes.length > 1 ? 's' : ''} ${config.addresses.join(', ')}: the kernel cannot reach it on this link`,
          );
        }
      }
    }
  },
});
