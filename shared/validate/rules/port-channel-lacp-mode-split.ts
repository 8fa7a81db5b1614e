import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/** The halves of one LAG (an MLAG pair) must agree on LACP. */
export const portChannelLacpModeSplit = defineRule({
  id: 'port-channel/lacp-mode-split',
  severity: 'error',
  summary:
    'The members of one bond reach port-channels (e.g. on an MLAG pair) that disagree on LACP (mode on against active/passive).',
  check(index, report) {
    const topology = topologyOf(index);
    for (const bond of index.all) {
      if (bond.kind !== 'bond') continue;
      const channels = [
        ...new Map(
          bond.element.members
            .flatMap((m) => topology.switchPortOf(m) ?? [])
            .flatMap((sp) => topology.portChannelsOfSwitchPort(sp.element.id))
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
