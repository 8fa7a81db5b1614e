/**
 * Rule cases for the Proxmox VE firewall checks, on the example design with
 * the datacenter firewall turned on. `rules.test.ts` runs them like every
 * other rule case.
 */
type Mutate = (d: any) => void;

interface FirewallCase {
  readonly fail: Mutate;
  readonly elements: readonly (readonly string[])[];
  readonly pass: Mutate;
}

const ms01 = (d: any) => d.hosts[0];
const vm = (d: any) => ms01(d).vms[0];
/** The datacenter firewall on, nothing else: ms01 stays reachable through its local network. */
const firewallOn = (d: any, extra: Record<string, unknown> = {}) =>
  (d.firewall = { options: { enable: true }, ...extra });
const both =
  (...steps: Mutate[]): Mutate =>
  (d) =>
    steps.forEach((step) => step(d));

/** A Ceph network ms01 is on, through a VLAN interface on bond1. */
const cephNetwork: Mutate = (d) => {
  d.networks.push({ id: 'net-ceph', vlan: 250, name: 'ceph', subnet: '10.2.250.0/24', purpose: 'storage' });
  ms01(d).vlans.push({
    id: 'ms01-vlan250',
    name: 'bond1.250',
    parent: 'ms01-bond1',
    vlan: 250,
    inet: { method: 'static', addresses: ['10.2.250.30/24'] },
  });
};

export const FIREWALL_CASES: Record<string, FirewallCase> = {
  'firewall/lockout': {
    // The host's own network is declared elsewhere, so only IP set management could admit the admins.
    fail: (d) => firewallOn(d, { aliases: [{ name: 'local_network', cidr: '10.2.100.0/24' }] }),
    elements: [['ms01', 'net-mgmt']],
    pass: (d) =>
      firewallOn(d, {
        aliases: [{ name: 'local_network', cidr: '10.2.100.0/24' }],
        ipsets: [{ name: 'management', entries: [{ cidr: '10.2.200.0/24' }] }],
      }),
  },
  'firewall/lockout (explicit rules)': {
    fail: (d) =>
      firewallOn(d, {
        aliases: [{ name: 'local_network', cidr: '10.2.100.0/24' }],
        rules: [{ type: 'in', action: 'ACCEPT', macro: 'SSH', source: '10.2.200.0/24' }],
      }),
    elements: [['ms01', 'net-mgmt']],
    pass: (d) =>
      firewallOn(d, {
        aliases: [
          { name: 'local_network', cidr: '10.2.100.0/24' },
          { name: 'admins', cidr: '10.2.200.0/24' },
        ],
        rules: [
          { type: 'in', action: 'ACCEPT', macro: 'SSH', source: 'admins' },
          { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '8006', source: 'admins' },
        ],
      }),
  },
  'firewall/undefined-reference': {
    fail: (d) =>
      firewallOn(d, {
        rules: [
          { type: 'in', action: 'ACCEPT', macro: 'SSH', source: '+admins' },
          { type: 'group', group: 'web' },
        ],
      }),
    elements: [['ms01'], ['ms01']],
    pass: (d) =>
      firewallOn(d, {
        ipsets: [{ name: 'admins', entries: [{ cidr: '10.2.200.0/24' }] }],
        rules: [
          { type: 'in', action: 'ACCEPT', macro: 'SSH', source: '+admins' },
          { type: 'group', group: 'web' },
        ],
        groups: [{ name: 'web', rules: [{ type: 'in', action: 'ACCEPT', macro: 'HTTPS' }] }],
      }),
  },
  'firewall/undefined-reference (VM alias)': {
    fail: both(
      firewallOn,
      (d) => (vm(d).firewall = { options: { enable: true }, ipsets: [{ name: 'backup', entries: [{ cidr: 'nas' }] }] }),
    ),
    elements: [['vm-100']],
    pass: both(
      (d) => firewallOn(d, { aliases: [{ name: 'nas', cidr: '10.2.30.5' }] }),
      (d) => (vm(d).firewall = { options: { enable: true }, ipsets: [{ name: 'backup', entries: [{ cidr: 'nas' }] }] }),
    ),
  },
  'firewall/nic-flag-mismatch': {
    fail: firewallOn,
    elements: [['vm-100-net0', 'vm-100']],
    pass: both(firewallOn, (d) => (vm(d).firewall = { options: { enable: true } })),
  },
  'firewall/nic-flag-mismatch (VM firewall without a flagged NIC)': {
    fail: both(
      firewallOn,
      (d) => (vm(d).firewall = { options: { enable: true } }),
      (d) => (vm(d).nics[0].firewall = false),
    ),
    elements: [['vm-100']],
    pass: both(firewallOn, (d) => (vm(d).nics[0].firewall = false)),
  },
  'firewall/cluster-network-blocked': {
    fail: both(cephNetwork, firewallOn),
    elements: [['net-ceph', 'ms01']],
    pass: both(cephNetwork, (d) =>
      firewallOn(d, { rules: [{ type: 'in', action: 'ACCEPT', macro: 'Ceph', source: '10.2.250.0/24' }] }),
    ),
  },
  'firewall/shadowed-rule': {
    fail: (d) =>
      firewallOn(d, {
        rules: [
          { type: 'in', action: 'DROP', proto: 'tcp' },
          { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' },
        ],
      }),
    elements: [['ms01']],
    pass: (d) =>
      firewallOn(d, {
        rules: [
          { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' },
          { type: 'in', action: 'DROP', proto: 'tcp' },
        ],
      }),
  },
  'firewall/vm-ssh-blocked': {
    fail: both(firewallOn, (d) => (vm(d).firewall = { options: { enable: true } })),
    elements: [['vm-100', 'net-mgmt']],
    pass: both(
      firewallOn,
      (d) =>
        (vm(d).firewall = {
          options: { enable: true },
          rules: [{ type: 'in', action: 'ACCEPT', macro: 'SSH', source: '10.2.200.0/24' }],
        }),
    ),
  },
};
