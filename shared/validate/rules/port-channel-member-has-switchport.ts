import { topologyOf } from '../../derive/topology.js';
import { defineRule, nameOf } from '../define-rule.js';

/** A member follows its port-channel; its own switchport settings would never be written. */
export const portChannelMemberHasSwitchport = defineRule({
  id: 'port-channel/member-has-switchport',
  severity: 'warning',
  summary: 'A port-channel member has its own switchport settings, which the port-channel overrides.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const port of index.ofKind('switch-port')) {
      if (port.element.switchport === undefined) continue;
      const channel = topology.portChannelsOfSwitchPort(port)[0];
      if (channel) {
        report(
          [port.element.id, channel.element.id],
          `${nameOf(port)} has its own switchport settings, but as a member of ${nameOf(channel)} it follows the port-channel's; set VLANs on the port-channel and clear them on the port`,
        );
      }
    }
  },
});
