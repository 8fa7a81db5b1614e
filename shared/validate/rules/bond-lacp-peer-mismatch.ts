import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/** An 802.3ad bond speaks LACP; the switch ports it is cabled to must be an LACP port-channel. */
export const bondLacpPeerMismatch = defineRule({
  id: 'bond/lacp-peer-mismatch',
  severity: 'error',
  summary: 'An 802.3ad (LACP) bond is cabled to switch ports that are in no port-channel or in a static (mode on) one.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('bond')) {
      if (bond.element.mode !== '802.3ad') continue;
      const loose: string[] = [];
      const looseMembers: string[] = [];
      const statics = new Map<string, string[]>();
      for (const member of index.targets(bond, 'members', 'port')) {
        const switchPort = topology.switchPortOf(member);
        if (!switchPort) continue;
        const channel = topology.portChannelsOfSwitchPort(switchPort)[0];
        if (!channel) {
          loose.push(switchPort.element.id);
          looseMembers.push(member.element.id);
        } else if (channel.element.lacp === 'on')
          statics.set(channel.element.id, [...(statics.get(channel.element.id) ?? []), member.element.id]);
      }
      if (loose.length > 0) {
        report(
          [bond.element.id, ...loose, ...looseMembers],
          `${nameOf(bond)} uses LACP (802.3ad) but ${loose.map((id) => nameOf(index.byId.get(id)!)).join(', ')} ${loose.length > 1 ? 'are' : 'is'} in no port-channel: no LACP partner answers, so the bond cannot aggregate; add an LACP port-channel (mode active)`,
        );
      }
      for (const [channelId, members] of statics) {
        report(
          [bond.element.id, channelId, ...members],
          `${nameOf(bond)} uses LACP (802.3ad) but ${nameOf(index.byId.get(channelId)!)} is static (mode on) and never answers LACPDUs; set the port-channel to mode active`,
        );
      }
    }
  },
});
