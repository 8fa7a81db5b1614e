import { hostInterfaces } from '../../model/kinds/index.js';
import { defineRule } from '../define-rule.js';

/** ifupdown2 adds one default route per gateway line; the second one fails with "File exists". */
export const ipMultipleDefaultGateways = defineRule({
  id: 'ip/multiple-default-gateways',
  severity: 'error',
  summary: 'A host has more than one default gateway for IPv4 (or for IPv6).',
  check(index, report) {
    for (const host of index.design.hosts) {
      const interfaces = hostInterfaces(host);
      for (const family of ['inet', 'inet6'] as const) {
        const withGateway = interfaces.filter((i) => {
          const config = i[family];
          return config?.method === 'static' && config.gateway !== undefined;
        });
        if (withGateway.length > 1) {
          report(
            withGateway.map((i) => i.id) as [string, ...string[]],
            `host ${host.name} has ${withGateway.length} ${family === 'inet' ? 'IPv4' : 'IPv6'} default gateways (on ${withGateway.map((i) => i.name).join(', ')}); keep one and route the rest explicitly`,
          );
        }
      }
    }
  },
});
