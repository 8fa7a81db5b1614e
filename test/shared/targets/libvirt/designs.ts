import { BridgeFilter, LibvirtNetwork } from '../../../../shared/model/libvirt.js';

/** The KVM guide's host: VMs bridged onto the LAN through br0, and a NAT network of their own. */
export const bridged = LibvirtNetwork.parse({ mode: 'bridge', name: 'lan', bridgeName: 'br0' });
export const nat = LibvirtNetwork.parse({
  mode: 'nat',
  name: 'vm-nat',
  bridgeName: 'virbr1',
  ipv4: { address: '192.168.100.1/24', dhcp: { start: '192.168.100.100', end: '192.168.100.200' } },
});
export const isolated = LibvirtNetwork.parse({
  mode: 'isolated',
  name: 'lab',
  bridgeName: 'virbr2',
  ipv4: { address: '10.10.10.1/24' },
});

/** Reject HTTP to one VM from one address, accept every other bridged frame. */
export const filter = BridgeFilter.parse({
  bridgeNetfilter: true,
  forwardPolicy: 'DROP',
  rules: [
    {
      source: '192.168.1.50',
      destination: '192.168.1.20',
      protocol: 'tcp',
      port: 80,
      action: 'REJECT',
      comment: 'no web from the kiosk',
    },
    { physdevIn: 'enp1s0', action: 'ACCEPT', comment: 'from the LAN' },
    { action: 'ACCEPT' },
  ],
});
