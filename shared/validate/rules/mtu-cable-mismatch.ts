import { topologyOf } from '../../derive/topology.js';
import { switchPayloadMtu, VENDORS } from '../../vendors/index.js';
import { defineRule, nameOf } from '../define-rule.js';

const LINUX_DEFAULT_MTU = 1500;

/**
 * The switch must forward the largest packet the host sends. The host port
 * runs at its bond's MTU when bonded; the switch port at its port-channel's.
 * Dell OS6 counts the whole frame in `mtu` (default 1518), IOS the payload.
 */
export const mtuCableMismatch = defineRule({
  id: 'mtu/cable-mismatch',
  severity: 'error',
  summary: 'A host port sends larger packets (MTU) than the switch port at the other end of its cable forwards.',
  check(index, report) {
    const topology = topologyOf(index);
    for (const cable of index.ofKind('cable')) {
      const hostPort = index.target(cable, 'hostPort', 'port');
      const switchPort = index.target(cable, 'switchPort', 'switch-port');
      if (!hostPort || !switchPort) continue;
      const bond = topology.bondsOfPort(hostPort)[0];
      const hostSide = bond?.element.mtu !== undefined ? bond : hostPort;
      const hostMtu = hostSide.element.mtu ?? LINUX_DEFAULT_MTU;
      const channel = topology.portChannelsOfSwitchPort(switchPort)[0];
      const switchSide = channel?.element.mtu !== undefined ? channel : switchPort;
      const vendor = switchPort.switch.vendor;
      const payload = switchPayloadMtu(vendor, switchSide.element.mtu);
      if (hostMtu <= payload) continue;
      const configured = switchSide.element.mtu ?? VENDORS[vendor].defaultMtu;
      const frameNote =
        VENDORS[vendor].mtuOverhead > 0
          ? ` (${VENDORS[vendor].label} counts the ${VENDORS[vendor].mtuOverhead}-byte Ethernet header in mtu, so mtu ${configured} carries ${payload}-byte packets)`
          : '';
      report(
        [cable.element.id, hostSide.element.id, switchSide.element.id],
        `${nameOf(hostSide)} sends ${hostMtu}-byte packets but ${nameOf(switchSide)} forwards at most ${payload}${frameNote}; raise the switch MTU to at least ${hostMtu + VENDORS[vendor].mtuOverhead}`,
      );
    }
  },
});
