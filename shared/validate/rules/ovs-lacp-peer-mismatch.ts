import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/**
 * An Open vSwitch bond with `lacp=active` or `lacp=passive` speaks LACP: the switch ports it is cabled to must
 * be one LACP port-channel (with lacp=passive, an active one: two passive ends never start talking).
 */
export const ovsLacpPeerMismatch = defineRule({
  id: 'ovs/lacp-peer-mismatch',
  severity: 'error',
  summary:
    'An OVS bond with LACP (lacp=active or passive) is cabled to switch ports in no port-channel, in a static (mode on) one, or (lacp=passive) in a passive one.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('ovs-bond')) {
      if (bond.element.lacp !== 'active' && bond.element.lacp !== 'passive') continue;
      const lacp = bond.element.lacp;
      const cabled = bond.element.members.flatMap((m) => {
        const switchPort = topology.switchPortOf(m);
        return switchPort ? [{ member: m, switchPort }] : [];
      });
      const loose = cabled.filter((c) => topology.portChannelsOfSwitchPort(c.switchPort).length === 0);
      if (loose.length > 0) {
        report(
          [bond.element.id, ...loose.map((c) => c.switchPort.element.id), ...loose.map((c) => c.member)],
          `${nameOf(bond)} uses LACP (lacp=${lacp}) but ${loose.map((c) => nameOf(c.switchPort)).join(', ')} ${loose.length > 1 ? 'are' : 'is'} in no port-channel: no LACP partner answers, so OVS sends nothing on the bond; add an LACP port-channel (mode active)`,
        );
      }
      const channels = new Map(
        cabled.flatMap((c) => topology.portChannelsOfSwitchPort(c.switchPort)).map((pc) => [pc.element.id, pc]),
      );
      for (const channel of channels.values()) {
        const mode = channel.element.lacp;
        if (mode === 'active' || (mode === 'passive' && lacp === 'active')) continue;
        const why =
          mode === 'on'
            ? 'is static (mode on) and never answers LACPDUs'
            : 'is passive too, so neither end starts LACP';
        report(
          [bond.element.id, channel.element.id],
          `${nameOf(bond)} uses LACP (lacp=${lacp}) but ${nameOf(channel)} ${why}; set the port-channel to mode active`,
        );
      }
    }
  },
});
