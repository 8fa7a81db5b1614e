import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const bondMemberInBridge = defineRule({
  id: 'bond/member-in-bridge',
  severity: 'error',
  summary: 'A bond member is also used directly as a bridge port.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('port')) {
      const bond = topology.bondsOfPort(port)[0];
      const bridge = topology.bridgesOf(port)[0];
      if (bond && bridge) {
        report(
          [port.element.id, bond.element.id, bridge.element.id],
          `${nameOf(port)} is a member of ${nameOf(bond)} and also a port of ${nameOf(bridge)}; an enslaved port cannot join a bridge: put ${bond.element.name} in the bridge instead`,
        );
      }
    }
  },
});
