/**
 * What a virtual network and a bridged-traffic rule must hold, as loading a
 * design reports it (the kinds' own checks, judged by the libvirt model).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/load/index.js';
import { ROOT } from '../../helpers/cli.js';

function problems(file: string, change: (host: any) => void) {
  const raw = JSON.parse(readFileSync(`${ROOT}shared/examples/${file}`, 'utf8'));
  change(raw.hosts[0]);
  const result = restoreDesign(raw);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}
const kvm = (change: (host: any) => void) => problems('kvm-bridged-nat.netloom.json', change);
const vmware = (change: (host: any) => void) => problems('vmware-dmz.netloom.json', change);

describe('virtual network checks', () => {
  it.each([
    [
      'a bridged network without uplink',
      (h: any) => delete h.virtualNetworks[0].uplink,
      'hosts[0].virtualNetworks[0].uplink: a bridged network needs an uplink: a host port, bond or bridge',
    ],
    [
      'a NAT network without subnet (and so its DHCP range)',
      (h: any) => delete h.virtualNetworks[1].subnet,
      'hosts[0].virtualNetworks[1].subnet: a NAT network needs a subnet',
    ],
    [
      'a DHCP range outside the subnet',
      (h: any) => (h.virtualNetworks[1].dhcp = '192.168.100.100-192.168.101.5'),
      'hosts[0].virtualNetworks[1].dhcp: DHCP range end 192.168.101.5 is outside 192.168.100.1/24',
    ],
    [
      'a libvirt network bridged straight onto a port',
      (h: any) => (h.virtualNetworks[0].uplink = 'kvm1-enp1s0'),
      'hosts[0].virtualNetworks[0].uplink: libvirt bridges VMs onto a host bridge',
    ],
    [
      'two libvirt networks on one bridge',
      (h: any) => h.virtualNetworks.push({ id: 'kvm1-lab', name: 'lab', mode: 'isolated', bridgeName: 'virbr1' }),
      "hosts[0].virtualNetworks[2].bridgeName: bridge virbr1 is also network vm-nat's",
    ],
    [
      'a virtual network on a Proxmox host',
      (h: any) => (h.platform = 'proxmox'),
      'hosts[0].virtualNetworks[0].mode: virtual networks belong to libvirt (KVM) and VMware Workstation hosts',
    ],
    [
      'a rule with a bridge port but no direction',
      (h: any) => (h.bridgeRules[0].physdev = 'enp1s0'),
      'hosts[0].bridgeRules[0].direction: a bridge port needs a direction',
    ],
    [
      'a rule with a port but no tcp or udp',
      (h: any) => delete h.bridgeRules[0].protocol,
      'hosts[0].bridgeRules[0].port: a port needs the protocol tcp or udp',
    ],
    [
      'bridged-traffic rules on a Debian host',
      (h: any) => {
        h.platform = 'debian';
        h.virtualNetworks = [];
        h.vms = [];
      },
      'hosts[0].bridgeRules[0].action: bridged-traffic rules are written for libvirt (KVM) hosts; host kvm1 is a debian host',
    ],
  ])('libvirt: refuses %s', (_, change, expected) => {
    const found = kvm(change);
    expect(
      found.some((p) => p.startsWith(expected)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each([
    [
      'a VMnet without number',
      (h: any) => delete h.virtualNetworks[2].vmnet,
      'hosts[0].virtualNetworks[2].vmnet: a VMware network needs its VMnet number (0-254)',
    ],
    [
      'a VMnet number used twice',
      (h: any) => (h.virtualNetworks[2].vmnet = 2),
      'hosts[0].virtualNetworks[2].vmnet: VMnet2 is used twice on host ws1 (also by "wan")',
    ],
  ])('VMware: refuses %s', (_, change, expected) => {
    expect(vmware(change)).toContain(expected);
  });

  it('loads both examples as they are', () => {
    expect(kvm(() => {})).toEqual([]);
    expect(vmware(() => {})).toEqual([]);
  });
});
