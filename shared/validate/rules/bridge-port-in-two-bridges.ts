import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const bridgePortInTwoBridges = defineRule({
  id: 'bridge/port-in-two-bridges',
  severity: 'error',
  summary: 'An interface is a port of two bridges.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const located of index.all) {
      if (located.kind !== 'port' && located.kind !== 'bond' && located.kind !== 'vlan') continue;
      const bridges = topology.bridgesOf(located);
      if (bridges.length > 1) {
        report(
          [located.element.id, ...bridges.map((b) => b.element.id)],
          `${nameOf(located)} is a port of ${bridges.map(nameOf).join(' and ')}; an interface can be in one bridge only`,
        );
      }
    }
  },
});
