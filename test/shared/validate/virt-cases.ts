/**
 * Rule cases for KVM/libvirt and VMware Workstation hosts: the example
 * design gains the host of one of the virtualisation examples
 * (`shared/examples/`). `rules.test.ts` runs them like every other case.
 */
import { readFileSync } from 'node:fs';
import { ROOT } from '../../helpers/cli.js';

type Mutate = (d: any) => void;

interface VirtCase {
  readonly fail: Mutate;
  readonly elements: readonly (readonly string[])[];
  readonly pass: Mutate;
}

const exampleHost = (file: string) => JSON.parse(readFileSync(`${ROOT}shared/examples/${file}`, 'utf8')).hosts[0];
/** Adds the KVM example's host (bridged + NAT, physdev rules) or the VMware DMZ box, then applies `change` to it. */
const withHost =
  (file: string, change: (host: any) => void = () => {}): Mutate =>
  (d) => {
    const host = exampleHost(file);
    change(host);
    d.hosts.push(host);
  };
const kvm = (change?: (host: any) => void) => withHost('kvm-bridged-nat.netloom.json', change);
const dmzBox = (change?: (host: any) => void) => withHost('vmware-dmz.netloom.json', change);
const net = (host: any, name: string) => host.virtualNetworks.find((n: any) => n.name === name);
const vm = (host: any, name: string) => host.vms.find((v: any) => v.name === name);

export const VIRT_CASES: Record<string, VirtCase> = {
  'libvirt/bridged-traffic-dropped': {
    // The catch-all ACCEPT goes and FORWARD drops: the REJECT rule is all there is.
    fail: kvm((h) => {
      h.bridgeRules = h.bridgeRules.filter((r: any) => r.action !== 'ACCEPT');
      h.bridgeFilter.forwardPolicy = 'DROP';
    }),
    elements: [['kvm1', 'kvm1-web-net0']],
    pass: kvm((h) => (h.bridgeFilter.forwardPolicy = 'DROP')),
  },
  'libvirt/bridged-traffic-dropped (catch-all drop first)': {
    fail: kvm((h) => h.bridgeRules.unshift({ id: 'kvm1-fwd-none', action: 'DROP' })),
    elements: [['kvm1', 'kvm1-fwd-none', 'kvm1-web-net0']],
    // The same rules with bridge netfilter off: iptables never sees bridged frames.
    pass: kvm((h) => {
      h.bridgeRules.unshift({ id: 'kvm1-fwd-none', action: 'DROP' });
      h.bridgeFilter.bridgeNetfilter = false;
    }),
  },
  'virtual-network/address-on-dedicated-uplink': {
    fail: dmzBox((h) => (h.ports[1].inet = { method: 'dhcp' })),
    elements: [['ws1-enp4s0', 'ws1-wan']],
    // The same address on an uplink not marked dedicated: the host shares the segment on purpose.
    pass: dmzBox((h) => {
      h.ports[1].inet = { method: 'dhcp' };
      net(h, 'wan').dedicatedUplink = false;
    }),
  },
  'virtual-network/dmz-bypasses-router': {
    fail: dmzBox((h) => vm(h, 'www').nics.push({ id: 'ws1-www-net1', slot: 1, bridge: 'ws1-lan', model: 'vmxnet3' })),
    elements: [['ws1-www', 'ws1-dmz', 'ws1-www-net1']],
    // The router itself has a NIC on the WAN: it is the way between the two.
    pass: dmzBox((h) =>
      vm(h, 'router').nics.push({ id: 'ws1-router-net2', slot: 2, bridge: 'ws1-lan', model: 'e1000e' }),
    ),
  },
  'virtual-network/dmz-bypasses-router (host adapter)': {
    fail: dmzBox((h) => (net(h, 'dmz').subnet = '172.16.3.1/24')),
    elements: [['ws1-dmz']],
    pass: dmzBox((h) => (net(h, 'dmz').zone = 'lan')),
  },
};
