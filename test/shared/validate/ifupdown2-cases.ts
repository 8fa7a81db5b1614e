/**
 * Rule cases for what real ifupdown2 3.0.0 (`ifup -a -s`) refuses although the
 * model allows it. `rules.test.ts` runs them like every other rule case;
 * `ifupdown2-refusals.test.ts` exports both designs and has ifupdown2 judge them.
 */
type Mutate = (d: any) => void;

export interface RefusalCase {
  /** A design the rule must flag, and the exact element ids of each diagnostic (first = the one to select). */
  readonly fail: Mutate;
  readonly elements: readonly (readonly string[])[];
  /** A design close to the failing one that the rule and ifupdown2 both accept. */
  readonly pass: Mutate;
  /** What `ifup -a -s` prints about the failing design's export. */
  readonly refusal: string;
}

const ms01 = (d: any) => d.hosts[0];
const bond = (d: any, name: string) => ms01(d).bonds.find((b: any) => b.name === name);
const bridge = (d: any, name: string) => ms01(d).bridges.find((b: any) => b.name === name);
const port = (d: any, name: string) => ms01(d).ports.find((p: any) => p.name === name);
const jumboVlan = (d: any, bondMtu: number) => {
  bond(d, 'bond1').mtu = bondMtu;
  ms01(d).vlans.push({
    id: 'ms01-vlan245',
    name: 'bond1.245',
    parent: 'ms01-bond1',
    vlan: 245,
    autostart: 'auto',
    mtu: 9000,
  });
};

export const IFUPDOWN2_CASES: Record<string, RefusalCase> = {
  'mtu/on-bridge': {
    // Refused even when it equals the ports' MTU.
    fail: (d) => (bridge(d, 'vmbr1').mtu = 1500),
    elements: [['ms01-vmbr1', 'ms01-bond1']],
    pass: (d) => (bond(d, 'bond1').mtu = 1500),
    refusal: 'vmbr1: bridge inherits mtu from its ports',
  },
  'mtu/bond-member-mismatch (ifupdown2)': {
    fail: (d) => {
      bond(d, 'bond0').mtu = 9000;
      port(d, 'enp88s0').mtu = 1500;
    },
    elements: [['ms01-bond0', 'ms01-enp88s0']],
    pass: (d) => {
      bond(d, 'bond0').mtu = 9000;
      port(d, 'enp88s0').mtu = 9000;
    },
    refusal: 'enp88s0: bond slave mtu 1500 is different from bond master bond0 mtu 9000',
  },
  'mtu/vlan-above-parent': {
    fail: (d) => jumboVlan(d, 1500),
    elements: [['ms01-vlan245', 'ms01-bond1']],
    pass: (d) => jumboVlan(d, 9000),
    refusal: 'bond1.245: vlan dev mtu 9000 is greater than lower realdev bond1 mtu 1500',
  },
  'ip/address-on-enslaved': {
    fail: (d) => (port(d, 'enp88s0').inet = { method: 'dhcp' }),
    elements: [['ms01-enp88s0', 'ms01-bond0']],
    pass: (d) => (bridge(d, 'vmbr0').inet6 = { method: 'dhcp' }),
    refusal: 'enp88s0: ignoring ip address. Assigning an IP address is not allowed on enslaved interfaces',
  },
  'ip/address-on-enslaved (bridge port)': {
    fail: (d) => (bond(d, 'bond0').inet6 = { method: 'static', addresses: ['fd00:240::30/64'] }),
    elements: [['ms01-bond0', 'ms01-vmbr0']],
    pass: (d) => (bridge(d, 'vmbr0').inet6 = { method: 'static', addresses: ['fd00:240::30/64'] }),
    refusal: 'bond0: ignoring ip address. Assigning an IP address is not allowed on enslaved interfaces',
  },
  'bond/xmit-hash-unsupported': {
    fail: (d) => (bond(d, 'bond0').xmitHashPolicy = 'vlan+srcmac'),
    elements: [['ms01-bond0']],
    pass: (d) => (bond(d, 'bond0').xmitHashPolicy = 'layer2+3'),
    refusal: 'bond0: bond-xmit-hash-policy: invalid value "vlan+srcmac"',
  },
  'bridge/second-vlan-aware-on-debian': {
    // ifup -s exits 0 here, but prints the error and ignores vmbr1 (hence a warning, not an error).
    fail: (d) => {
      ms01(d).platform = 'debian';
      bridge(d, 'vmbr0').vlanAware = true;
    },
    elements: [['ms01-vmbr1', 'ms01-vmbr0']],
    pass: (d) => (ms01(d).platform = 'debian'),
    refusal: "ignoring interface vmbr1. Only one object with attribute 'bridge-vlan-aware yes' allowed.",
  },
};
