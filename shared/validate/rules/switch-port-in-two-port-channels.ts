import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

export const switchPortInTwoPortChannels = defineRule({
  id: 'switch-port/in-two-port-channels',
  severity: 'error',
  summary: 'A switch port is a member of two port-channels.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('switch-port')) {
      const channels = topology.portChannelsOfSwitchPort(port);
      if (channels.length > 1) {
        report(
          [port.element.id, ...channels.map((c) => c.element.id)],
          `${nameOf(port)} is a member of ${channels.map(nameOf).join(' and ')}; a port has one channel-group`,
        );
      }
    }
  },
});
