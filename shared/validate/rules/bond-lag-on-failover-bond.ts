import { topologyOf } from '../../derive/topology.js';
import { switchPortsOfUplink } from '../../derive/uplink-vlans.js';
import { defineRule, nameOf } from '../define-rule.js';

const FAILOVER_MODES: ReadonlySet<string> = new Set(['active-backup', 'balance-tlb', 'balance-alb']);

/** active-backup, balance-tlb and balance-alb need no switch support and break when the switch bundles the ports. */
export const bondLagOnFailoverBond = defineRule({
  id: 'bond/lag-on-failover-bond',
  severity: 'error',
  summary:
    'An active-backup, balance-tlb or balance-alb bond is cabled to a port-channel (these modes need plain switch ports).',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('bond')) {
      if (!FAILOVER_MODES.has(bond.element.mode)) continue;
      const channels = new Map(
        switchPortsOfUplink(topology, bond)
          .flatMap((sp) => topology.portChannelsOfSwitchPort(sp))
          .map((pc) => [pc.element.id, pc]),
      );
      for (const channel of channels.values()) {
        const why =
          channel.element.lacp === 'on'
            ? 'the switch spreads frames over every member, and the bond drops what arrives on a backup port'
            : 'the bond sends no LACPDUs, so the members never bundle';
        report(
          [bond.element.id, channel.element.id],
          `${nameOf(bond)} is ${bond.element.mode}, but its ports are in ${nameOf(channel)}: ${why}; remove the port-channel or make the bond 802.3ad`,
        );
      }
    }
  },
});
