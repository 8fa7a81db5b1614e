import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const cablePortWithTwoCables = defineRule({
  id: 'cable/port-with-two-cables',
  severity: 'error',
  summary: 'A host port has more than one cable.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('port')) {
      const cables = topology.cablesOfHostPort(port);
      if (cables.length > 1)
        report(
          [port.element.id, ...cables.map((c) => c.id)],
          `${nameOf(port)} has ${cables.length} cables; a port takes one`,
        );
    }
  },
});
