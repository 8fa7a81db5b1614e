import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/** The members of one port-channel must all lead to one bond of one host. */
export const portChannelMembersSplit = defineRule({
  id: 'port-channel/members-split',
  severity: 'error',
  summary: 'The members of one port-channel are cabled to different hosts, different bonds, or ports outside any bond.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const channel of index.ofKind('port-channel')) {
      const ends = new Map<string, string>();
      for (const member of index.targets(channel, 'members', 'switch-port')) {
        const hostPort = topology.hostPortOf(member);
        if (!hostPort) continue;
        const end = topology.bondsOfPort(hostPort)[0] ?? hostPort;
        ends.set(end.element.id, nameOf(end));
      }
      if (ends.size > 1) {
        report(
          [channel.element.id, ...ends.keys()],
          `the members of ${nameOf(channel)} lead to ${[...ends.values()].join(', ')}: a port-channel must end in one bond of one host`,
        );
      }
    }
  },
});
