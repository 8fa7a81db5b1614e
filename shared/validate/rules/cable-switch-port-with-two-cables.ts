import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const cableSwitchPortWithTwoCables = defineRule({
  id: 'cable/switch-port-with-two-cables',
  severity: 'error',
  summary: 'A switch port has more than one cable.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('switch-port')) {
      const cables = topology.cablesOfSwitchPort(port);
      if (cables.length > 1)
        report(
          [port.element.id, ...cables.map((c) => c.id)],
          `${nameOf(port)} has ${cables.length} cables; a port takes one`,
        );
    }
  },
});
