import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const portInTwoBonds = defineRule({
  id: 'port/in-two-bonds',
  severity: 'error',
  summary: 'A host port is a member of two bonds.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('port')) {
      const bonds = topology.bondsOfPort(port);
      if (bonds.length > 1) {
        report(
          [port.element.id, ...bonds.map((b) => b.element.id)],
          `${nameOf(port)} is a member of ${bonds.map(nameOf).join(' and ')}; a port can be enslaved to one bond only`,
        );
      }
    }
  },
});
