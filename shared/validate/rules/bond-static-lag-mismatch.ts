import { topologyOf } from '../../derive/topology.js';
import { switchPortsOfUplink } from '../../derive/uplink-vlans.js';
import { defineRule, nameOf } from '../define-rule.js';

const STATIC_MODES: ReadonlySet<string> = new Set(['balance-rr', 'balance-xor', 'broadcast']);

/** balance-rr, balance-xor and broadcast send from every member at once: the switch must bundle them statically. */
export const bondStaticLagMismatch = defineRule({
  id: 'bond/static-lag-mismatch',
  severity: 'error',
  summary:
    'A balance-rr, balance-xor or broadcast bond is cabled to switch ports that are not one static (mode on) port-channel.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('bond')) {
      if (!STATIC_MODES.has(bond.element.mode)) continue;
      const cabled = switchPortsOfUplink(topology, bond);
      if (cabled.length < 2) continue;
      const loose = cabled.filter((sp) => topology.portChannelsOfSwitchPort(sp).length === 0);
      if (loose.length > 0) {
        report(
          [
            bond.element.id,
            ...loose.map((sp) => sp.element.id),
            ...loose.flatMap((sp) => topology.hostPortOf(sp)?.element.id ?? []),
          ],
          `${nameOf(bond)} (${bond.element.mode}) sends the same MAC address out of several ports, but ${loose.map(nameOf).join(', ')} ${loose.length > 1 ? 'are' : 'is'} in no port-channel: the switch sees the address flap between ports; bundle them in a port-channel with mode on`,
        );
      }
      const lacp = new Map(
        cabled
          .flatMap((sp) => topology.portChannelsOfSwitchPort(sp).filter((pc) => pc.element.lacp !== 'on'))
          .map((pc) => [pc.element.id, pc]),
      );
      for (const channel of lacp.values()) {
        report(
          [bond.element.id, channel.element.id],
          `${nameOf(bond)} (${bond.element.mode}) does not speak LACP, but ${nameOf(channel)} is mode ${channel.element.lacp}: its members never bundle; use mode on, or make the bond 802.3ad`,
        );
      }
    }
  },
});
