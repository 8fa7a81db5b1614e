import { topologyOf, type Topology } from '../../derive/topology.js';
import type { ElementOf } from '../../model/index-of.js';
import { defineRule, nameOf } from '../define-rule.js';

/** Whether the switch ports behind `members` belong to more than one port-channel. */
function reachesTwoChannels(topology: Topology, members: readonly ElementOf<'port'>[]): boolean {
  let first: string | undefined;
  for (const member of members) {
    const switchPort = topology.switchPortOf(member);
    if (!switchPort) continue;
    for (const channel of topology.portChannelsOfSwitchPort(switchPort)) {
      if (first === undefined) first = channel.element.id;
      else if (channel.element.id !== first) return true;
    }
  }
  return false;
}

/** The halves of one LAG (an MLAG pair) must agree on LACP. */
export const portChannelLacpModeSplit = defineRule({
  id: 'port-channel/lacp-mode-split',
  severity: 'error',
  summary:
    'The members of one bond reach port-channels (e.g. on an MLAG pair) that disagree on LACP (mode on against active/passive).',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.ofKind('bond')) {
      const members = index.targets(bond, 'members', 'port');
      // A bond on one member, or on members of one port-channel, cannot disagree with itself: nothing to gather.
      if (!reachesTwoChannels(topology, members)) continue;
      const channels = [
        ...new Map(
          members
            .flatMap((m) => topology.switchPortOf(m) ?? [])
            .flatMap((sp) => topology.portChannelsOfSwitchPort(sp))
            .map((pc) => [pc.element.id, pc]),
        ).values(),
      ];
      const usesLacp = new Set(channels.map((pc) => pc.element.lacp !== 'on'));
      if (usesLacp.size > 1) {
        report(
          [channels[0]!.element.id, ...channels.slice(1).map((pc) => pc.element.id), bond.element.id],
          `${nameOf(bond)} reaches ${channels.map((pc) => `${nameOf(pc)} (mode ${pc.element.lacp})`).join(' and ')}: one LAG cannot be static on one side and LACP on the other`,
        );
      }
    }
  },
});
