import { defineRule, nameOf } from '../define-rule.js';

/**
 * ifupdown2's syntax check refuses any `mtu` on a bridge, whatever its value:
 * the kernel gives a bridge the smallest MTU of its ports, so the MTU belongs on the ports.
 */
export const mtuOnBridge = defineRule({
  id: 'mtu/on-bridge',
  severity: 'error',
  summary: "A bridge has an MTU of its own, which ifupdown2 refuses (a bridge takes its ports' MTU).",
  check(index, report) {
    for (const bridge of index.ofKind('bridge')) {
      if (bridge.element.mtu === undefined) continue;
      const ports = bridge.element.ports.filter((id) => index.byId.has(id));
      report(
        [bridge.element.id, ...ports],
        `${nameOf(bridge)} has MTU ${bridge.element.mtu}; ifupdown2 (ifup -s) refuses an MTU on a bridge because a bridge takes the smallest MTU of its ports: remove it and set the MTU on the bridge's ports`,
      );
    }
  },
});
