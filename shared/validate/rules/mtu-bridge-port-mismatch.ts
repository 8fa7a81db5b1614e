import { defineRule, nameOf } from '../define-rule.js';

/** A bridge's MTU is bounded by its ports: a bridge set larger than a port cannot take that MTU, a smaller one wastes it. */
export const mtuBridgePortMismatch = defineRule({
  id: 'mtu/bridge-port-mismatch',
  severity: 'error',
  summary: "A bridge's MTU differs from the MTU of one of its ports.",
  check(index, report) {
    for (const bridge of index.all) {
      if (bridge.kind !== 'bridge' || bridge.element.mtu === undefined) continue;
      const mtu = bridge.element.mtu;
      const odd = bridge.element.ports.flatMap((id) => {
        const port = index.byId.get(id);
        if (port?.kind !== 'port' && port?.kind !== 'bond' && port?.kind !== 'vlan') return [];
        const portMtu = port.element.mtu ?? 1500;
        return portMtu !== mtu ? [{ port, portMtu }] : [];
      });
      if (odd.length > 0) {
        report(
          [bridge.element.id, ...odd.map((o) => o.port.element.id)],
          `${nameOf(bridge)} has MTU ${mtu} but ${odd.map((o) => `${nameOf(o.port)} has ${o.portMtu}`).join(', ')}; give the bridge and its ports the same MTU`,
        );
      }
    }
  },
});
