import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/load/index.js';
import { formatPath, indexDesign, serializeDesign, type Design } from '../../../shared/model/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { RULES } from '../../../shared/validate/rules/index.js';
import { exampleDesign } from '../../helpers/design.js';
import { ESXI_CASES } from './esxi-cases.js';
import { FIREWALL_CASES } from './firewall-cases.js';
import { IFUPDOWN2_CASES } from './ifupdown2-cases.js';
import { VIRT_CASES } from './virt-cases.js';

type Mutate = (d: any) => void;

interface Case {
  /** A design the rule must flag, and the exact element ids of each diagnostic (first = the one to select). */
  readonly fail: Mutate;
  readonly elements: readonly (readonly string[])[];
  /** A design close to the failing one that the rule must accept. */
  readonly pass: Mutate;
}

const ms01 = (d: any) => d.hosts[0];
const bond = (d: any, name: string) => ms01(d).bonds.find((b: any) => b.name === name);
const bridge = (d: any, name: string) => ms01(d).bridges.find((b: any) => b.name === name);
const port = (d: any, name: string) => ms01(d).ports.find((p: any) => p.name === name);
const nic = (d: any) => ms01(d).vms[0].nics[0];
const sw = (d: any) => d.switches[0];
const po = (d: any, n: number) => sw(d).portChannels.find((p: any) => p.number === n);
const net = (d: any, id: string) => d.networks.find((n: any) => n.id === id);
const unchanged: Mutate = () => {};

/** A second Dell switch; bond0's second member moves to it, in port-channel 8 there. */
function secondSwitch(d: any, options: { mlag: boolean; lacp: 'active' | 'on' }) {
  d.switches.push({
    id: 'sw2',
    name: 'sw2',
    vendor: 'dell-os6',
    stackUnits: 1,
    ...(options.mlag ? { mlagPeer: 'n4032' } : {}),
    ports: [{ id: 'sw2-te1-0-17', name: 'Tengigabitethernet1/0/17' }],
    portChannels: [
      {
        id: 'sw2-po8',
        number: 8,
        members: ['sw2-te1-0-17'],
        lacp: options.lacp,
        switchport: { mode: 'trunk', allowed: 'all', native: 240 },
      },
    ],
  });
  po(d, 8).members = ['n4032-te1-0-17'];
  d.cables.find((c: any) => c.id === 'cable-enp91s0').switchPort = 'sw2-te1-0-17';
}

function addPort(d: any, name: string) {
  ms01(d).ports.push({ id: `ms01-${name}`, name, autostart: 'auto' });
}

/**
 * ms01's bond0 and vmbr0 as Open vSwitch, as Proxmox writes its "LACP (balance-tcp)" bond: an OVS bond on an
 * OVS bridge that keeps vmbr0's address, with an internal port vlan50 (tag 50) beside it.
 */
function ovsHost(d: any, lacp: 'active' | 'passive' | 'off' = 'active') {
  const h = ms01(d);
  const vmbr0 = bridge(d, 'vmbr0');
  h.bonds = h.bonds.filter((b: any) => b.name !== 'bond0');
  h.bridges = h.bridges.filter((b: any) => b.name !== 'vmbr0');
  h.ovsBonds = [
    {
      id: 'ms01-bond0',
      name: 'bond0',
      members: ['ms01-enp88s0', 'ms01-enp91s0'],
      bondMode: lacp === 'off' ? 'active-backup' : 'balance-tcp',
      lacp,
    },
  ];
  h.ovsBridges = [
    {
      id: 'ms01-vmbr0',
      name: 'vmbr0',
      ports: ['ms01-bond0', 'ms01-vlan50'],
      ...(vmbr0.inet ? { inet: vmbr0.inet } : {}),
    },
  ];
  h.ovsIntPorts = [{ id: 'ms01-vlan50', name: 'vlan50', tag: 50 }];
}

/** Case names are rule ids, optionally followed by a variant in parentheses. */
const ruleOf = (name: string) => name.split(' ')[0]!;

const CASES: Record<string, Case> = {
  'bond/lacp-peer-mismatch': {
    fail: (d) => (po(d, 8).lacp = 'on'),
    elements: [['ms01-bond0', 'n4032-po8', 'ms01-enp88s0', 'ms01-enp91s0']],
    pass: (d) => (po(d, 8).lacp = 'passive'),
  },
  'bond/lacp-peer-mismatch (no port-channel)': {
    fail: (d) => (sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8)),
    elements: [['ms01-bond0', 'n4032-te1-0-17', 'n4032-te2-0-17', 'ms01-enp88s0', 'ms01-enp91s0']],
    pass: unchanged,
  },
  'ovs/lacp-peer-mismatch': {
    fail: (d) => {
      ovsHost(d);
      po(d, 8).lacp = 'on';
    },
    elements: [['ms01-bond0', 'n4032-po8']],
    pass: (d) => ovsHost(d),
  },
  'ovs/lacp-peer-mismatch (no port-channel)': {
    fail: (d) => {
      ovsHost(d);
      sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8);
    },
    elements: [['ms01-bond0', 'n4032-te1-0-17', 'n4032-te2-0-17', 'ms01-enp88s0', 'ms01-enp91s0']],
    // Without LACP (active-backup), OVS needs no port-channel.
    pass: (d) => {
      ovsHost(d, 'off');
      sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8);
    },
  },
  'ovs/lacp-peer-mismatch (both passive)': {
    fail: (d) => {
      ovsHost(d, 'passive');
      po(d, 8).lacp = 'passive';
    },
    elements: [['ms01-bond0', 'n4032-po8']],
    pass: (d) => ovsHost(d, 'passive'),
  },
  'bond/static-lag-mismatch': {
    fail: (d) => (bond(d, 'bond0').mode = 'balance-xor'),
    elements: [['ms01-bond0', 'n4032-po8']],
    pass: (d) => {
      bond(d, 'bond0').mode = 'balance-xor';
      po(d, 8).lacp = 'on';
    },
  },
  'bond/static-lag-mismatch (no port-channel)': {
    fail: (d) => {
      bond(d, 'bond0').mode = 'balance-rr';
      sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8);
    },
    elements: [['ms01-bond0', 'n4032-te1-0-17', 'n4032-te2-0-17', 'ms01-enp88s0', 'ms01-enp91s0']],
    // A balance-rr bond with a single cabled member needs no LAG.
    pass: (d) => {
      bond(d, 'bond0').mode = 'balance-rr';
      sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8);
      d.cables = d.cables.filter((c: any) => c.id !== 'cable-enp91s0');
    },
  },
  'bond/lag-on-failover-bond': {
    fail: (d) => (bond(d, 'bond0').mode = 'active-backup'),
    elements: [['ms01-bond0', 'n4032-po8']],
    pass: (d) => {
      bond(d, 'bond0').mode = 'active-backup';
      sw(d).portChannels = sw(d).portChannels.filter((p: any) => p.number !== 8);
    },
  },
  'port-channel/lacp-mode-split': {
    fail: (d) => secondSwitch(d, { mlag: true, lacp: 'on' }),
    elements: [['n4032-po8', 'sw2-po8', 'ms01-bond0']],
    pass: (d) => secondSwitch(d, { mlag: true, lacp: 'active' }),
  },
  'bond/members-on-unpaired-switches': {
    fail: (d) => secondSwitch(d, { mlag: false, lacp: 'active' }),
    elements: [['ms01-bond0', 'n4032', 'sw2']],
    pass: (d) => secondSwitch(d, { mlag: true, lacp: 'active' }),
  },
  'port-channel/members-split': {
    fail: (d) => {
      d.cables.find((c: any) => c.id === 'cable-enp91s0').switchPort = 'n4032-te1-0-18';
      d.cables.find((c: any) => c.id === 'cable-enp3s0f0np0').switchPort = 'n4032-te2-0-17';
    },
    elements: [
      ['n4032-po8', 'ms01-bond0', 'ms01-bond1'],
      ['n4032-po9', 'ms01-bond0', 'ms01-bond1'],
    ],
    pass: unchanged,
  },
  'port/in-two-bonds': {
    fail: (d) => bond(d, 'bond1').members.push('ms01-enp88s0'),
    elements: [['ms01-enp88s0', 'ms01-bond0', 'ms01-bond1']],
    pass: unchanged,
  },
  'switch-port/in-two-port-channels': {
    fail: (d) => po(d, 9).members.push('n4032-te1-0-17'),
    elements: [['n4032-te1-0-17', 'n4032-po8', 'n4032-po9']],
    pass: unchanged,
  },
  'port-channel/member-has-switchport': {
    fail: (d) => (sw(d).ports[0].switchport = { mode: 'access', vlan: 245 }),
    elements: [['n4032-te1-0-17', 'n4032-po8']],
    pass: (d) => {
      sw(d).ports.push({
        id: 'n4032-te1-0-5',
        name: 'Tengigabitethernet1/0/5',
        switchport: { mode: 'access', vlan: 245 },
      });
    },
  },
  'switch-port/unit-outside-stack': {
    fail: (d) => (sw(d).stackUnits = 1),
    elements: [
      ['n4032-te2-0-17', 'n4032'],
      ['n4032-te2-0-18', 'n4032'],
    ],
    pass: (d) => (sw(d).stackUnits = 3),
  },
  'vlan/not-allowed-on-trunk': {
    fail: (d) => (po(d, 9).switchport.allowed = '1-244'),
    elements: [['n4032-po9', 'vm-100-net0', 'ms01-bond1']],
    pass: (d) => (po(d, 9).switchport.allowed = '1-255'),
  },
  'vlan/not-allowed-on-trunk (access port)': {
    fail: (d) => (po(d, 9).switchport = { mode: 'access', vlan: 240 }),
    elements: [['n4032-po9', 'vm-100-net0', 'ms01-bond1']],
    pass: (d) => {
      po(d, 9).switchport = { mode: 'access', vlan: 240 };
      ms01(d).vms = [];
    },
  },
  'ovs/tag-not-allowed-on-trunk': {
    fail: (d) => {
      ovsHost(d);
      po(d, 8).switchport.allowed = '240,245';
    },
    elements: [['n4032-po8', 'ms01-vlan50', 'ms01-bond0']],
    pass: (d) => {
      ovsHost(d);
      po(d, 8).switchport.allowed = '50,240';
    },
  },
  'ovs/tag-not-allowed-on-trunk (VM NIC)': {
    fail: (d) => {
      ovsHost(d);
      nic(d).bridge = 'ms01-vmbr0';
      po(d, 8).switchport.allowed = '50,240';
    },
    elements: [['n4032-po8', 'vm-100-net0', 'ms01-bond0']],
    pass: (d) => {
      ovsHost(d);
      nic(d).bridge = 'ms01-vmbr0';
      po(d, 8).switchport.allowed = '50,240,245';
    },
  },
  'vlan/bridge-vids-not-allowed': {
    fail: (d) => (po(d, 9).switchport.allowed = '240,245'),
    elements: [['n4032-po9', 'ms01-vmbr1']],
    pass: (d) => {
      po(d, 9).switchport.allowed = '240,245';
      bridge(d, 'vmbr1').vids = '245';
    },
  },
  'vlan/native-mismatch': {
    fail: (d) => {
      delete po(d, 8).switchport.native;
      po(d, 9).switchport.native = 245;
    },
    elements: [
      ['n4032-po8', 'ms01-vmbr0', 'net-mgmt'],
      ['n4032-po9', 'ms01-vmbr1'],
    ],
    pass: (d) => {
      po(d, 9).switchport.native = 245;
      bridge(d, 'vmbr1').pvid = 245;
    },
  },
  'vlan/native-not-allowed': {
    fail: (d) => (po(d, 9).switchport.allowed = '1-239,241-255'),
    elements: [['n4032-po9']],
    pass: (d) => (po(d, 9).switchport.allowed = '1-255'),
  },
  'vlan/vm-tag-outside-vids': {
    fail: (d) => (nic(d).tag = 300),
    elements: [['vm-100-net0', 'ms01-vmbr1']],
    pass: (d) => (nic(d).tag = 240),
  },
  'vlan/vm-tag-on-plain-bridge': {
    fail: (d) => (nic(d).bridge = 'ms01-vmbr0'),
    elements: [['vm-100-net0', 'ms01-vmbr0']],
    pass: (d) => {
      nic(d).bridge = 'ms01-vmbr0';
      delete nic(d).tag;
    },
  },
  'vlan/duplicate-on-parent': {
    fail: (d) => {
      ms01(d).vlans.push({ id: 'ms01-vlan240', name: 'vmbr0.240', parent: 'ms01-vmbr0', vlan: 240, autostart: 'auto' });
      ms01(d).vlans.push({ id: 'ms01-mgmt', name: 'mgmt', parent: 'ms01-vmbr0', vlan: 240, autostart: 'auto' });
    },
    elements: [['ms01-mgmt', 'ms01-vlan240']],
    // The same VLAN id on another parent is another device.
    pass: (d) => {
      ms01(d).vlans.push({ id: 'ms01-vlan240', name: 'vmbr0.240', parent: 'ms01-vmbr0', vlan: 240, autostart: 'auto' });
      ms01(d).vlans.push({ id: 'ms01-mgmt', name: 'vmbr1.240', parent: 'ms01-vmbr1', vlan: 240, autostart: 'auto' });
    },
  },
  'network/duplicate-vlan': {
    fail: (d) => (net(d, 'net-vms').vlan = 240),
    elements: [['net-vms', 'net-mgmt']],
    pass: unchanged,
  },
  'network/duplicate-name': {
    fail: (d) => (net(d, 'net-vms').name = 'Management'),
    elements: [['net-vms', 'net-mgmt']],
    pass: (d) => (net(d, 'net-vms').name = 'management-vms'),
  },
  'vlan/undefined-network': {
    fail: (d) => {
      ms01(d).vlans.push({ id: 'ms01-vlan250', name: 'vmbr1.250', parent: 'ms01-vmbr1', vlan: 250, autostart: 'auto' });
      nic(d).tag = 250;
    },
    elements: [['ms01-vlan250', 'vm-100-net0']],
    pass: (d) => {
      ms01(d).vlans.push({ id: 'ms01-vlan250', name: 'vmbr1.250', parent: 'ms01-vmbr1', vlan: 250, autostart: 'auto' });
      nic(d).tag = 250;
      d.networks.push({ id: 'net-250', vlan: 250, name: 'lab', purpose: 'other', colour: '#000000' });
    },
  },
  'mtu/cable-mismatch': {
    // Dell counts the frame: mtu 9000 on the port-channel carries only 8982-byte packets.
    fail: (d) => {
      bond(d, 'bond1').mtu = 9000;
      po(d, 9).mtu = 9000;
    },
    elements: [
      ['cable-enp3s0f0np0', 'ms01-bond1', 'n4032-po9'],
      ['cable-enp3s0f1np1', 'ms01-bond1', 'n4032-po9'],
    ],
    pass: (d) => {
      bond(d, 'bond1').mtu = 9000;
      po(d, 9).mtu = 9216;
    },
  },
  'mtu/bond-member-mismatch': {
    fail: (d) => (port(d, 'enp88s0').mtu = 9000),
    elements: [['ms01-bond0', 'ms01-enp88s0']],
    pass: (d) => {
      port(d, 'enp88s0').mtu = 9000;
      bond(d, 'bond0').mtu = 9000;
    },
  },
  'mtu/switch-range': {
    fail: (d) => {
      sw(d).vendor = 'cisco-ios';
      for (const p of sw(d).ports) p.name = p.name.replace('Tengigabitethernet', 'TenGigabitEthernet');
      po(d, 9).mtu = 9216;
    },
    elements: [['n4032-po9', 'n4032']],
    // The same MTU is fine on Dell OS6.
    pass: (d) => (po(d, 9).mtu = 9216),
  },
  'vlan/reserved-on-switch': {
    fail: (d) => {
      sw(d).vendor = 'cisco-ios';
      for (const p of sw(d).ports) p.name = p.name.replace('Tengigabitethernet', 'TenGigabitEthernet');
      net(d, 'net-vms').vlan = 1002;
      nic(d).tag = 1002;
    },
    elements: [['net-vms', 'n4032']],
    pass: (d) => {
      net(d, 'net-vms').vlan = 1002;
      nic(d).tag = 1002;
    },
  },
  'bond/member-speed-mismatch': {
    fail: (d) => (port(d, 'enp88s0').speed = 1000),
    elements: [['ms01-bond0', 'ms01-enp88s0', 'ms01-enp91s0']],
    pass: unchanged,
  },
  'cable/port-with-two-cables': {
    fail: (d) => {
      sw(d).ports.push({ id: 'n4032-te1-0-20', name: 'Tengigabitethernet1/0/20' });
      d.cables.push({ id: 'cable-x', hostPort: 'ms01-enp88s0', switchPort: 'n4032-te1-0-20' });
    },
    elements: [['ms01-enp88s0', 'cable-enp88s0', 'cable-x']],
    pass: unchanged,
  },
  'cable/switch-port-with-two-cables': {
    fail: (d) => {
      addPort(d, 'enp2s0');
      d.cables.push({ id: 'cable-x', hostPort: 'ms01-enp2s0', switchPort: 'n4032-te1-0-17' });
    },
    elements: [['n4032-te1-0-17', 'cable-enp88s0', 'cable-x']],
    pass: (d) => addPort(d, 'enp2s0'),
  },
  'bond/single-member': {
    fail: (d) => (bond(d, 'bond0').members = ['ms01-enp88s0']),
    elements: [['ms01-bond0']],
    pass: unchanged,
  },
  'bridge/port-in-two-bridges': {
    fail: (d) => bridge(d, 'vmbr1').ports.push('ms01-bond0'),
    elements: [['ms01-bond0', 'ms01-vmbr0', 'ms01-vmbr1']],
    pass: unchanged,
  },
  'bond/member-in-bridge': {
    fail: (d) => bridge(d, 'vmbr0').ports.push('ms01-enp88s0'),
    elements: [['ms01-enp88s0', 'ms01-bond0', 'ms01-vmbr0']],
    pass: unchanged,
  },
  'ip/duplicate-address': {
    fail: (d) => (sw(d).management = '10.2.200.30'),
    elements: [['ms01-vmbr0', 'n4032']],
    pass: unchanged,
  },
  'ip/gateway-outside-subnet': {
    fail: (d) => {
      bridge(d, 'vmbr0').inet.gateway = '10.2.201.1';
      net(d, 'net-vms').gateway = '10.2.246.1';
    },
    elements: [['ms01-vmbr0'], ['net-vms']],
    pass: unchanged,
  },
  'ip/multiple-default-gateways': {
    fail: (d) =>
      ms01(d).vlans.push({
        id: 'ms01-vlan245',
        name: 'vmbr1.245',
        parent: 'ms01-vmbr1',
        vlan: 245,
        autostart: 'auto',
        inet: { method: 'static', addresses: ['10.2.245.30/24'], gateway: '10.2.245.1' },
      }),
    elements: [['ms01-vmbr0', 'ms01-vlan245']],
    pass: (d) =>
      ms01(d).vlans.push({
        id: 'ms01-vlan245',
        name: 'vmbr1.245',
        parent: 'ms01-vmbr1',
        vlan: 245,
        autostart: 'auto',
        inet: { method: 'static', addresses: ['10.2.245.30/24'] },
      }),
  },
  'exposure/management-on-vm-bridge': {
    // The management address sits on the VLAN-aware bridge the VM plugs into.
    fail: (d) => (bridge(d, 'vmbr1').inet = { method: 'static', addresses: ['10.2.200.31/24'] }),
    elements: [['ms01-vmbr1', 'vm-100-net0', 'net-mgmt']],
    // An address in the VMs' network, on a bridge where the VM is tagged into another VLAN than the PVID.
    pass: (d) => (bridge(d, 'vmbr1').inet = { method: 'static', addresses: ['10.2.245.30/24'] }),
  },
  'exposure/management-on-vm-bridge (untagged VM)': {
    fail: (d) => {
      nic(d).bridge = 'ms01-vmbr0';
      delete nic(d).tag;
    },
    elements: [['ms01-vmbr0', 'vm-100-net0', 'net-mgmt']],
    pass: (d) => {
      nic(d).bridge = 'ms01-vmbr0';
      delete nic(d).tag;
      net(d, 'net-mgmt').purpose = 'other';
    },
  },
  'host/root-command': {
    fail: (d) => {
      port(d, 'enp88s0').extraLines = ['# comment', 'post_up ip link set $IFACE promisc on', 'ethtool-offload-tso off'];
      ms01(d).unmanaged = [['auto vxlan10', 'iface vxlan10 inet manual', '\tpre-down echo \\', '\t  bye']];
    },
    elements: [['ms01'], ['ms01-enp88s0']],
    // Extra lines that only set attributes, and a comment that names a command, run nothing.
    pass: (d) => {
      port(d, 'enp88s0').extraLines = [
        '# post-up ip link set $IFACE promisc on',
        'ethtool-offload-tso off',
        'ovs_type OVSBridge',
      ];
    },
  },
  'host/unmanaged-redefines-interface': {
    fail: (d) => {
      ms01(d).unmanaged = [
        ['auto vxlan10', 'iface vxlan10 inet manual'],
        ['# also kept', 'iface vmbr1 inet static', '\taddress 192.0.2.9/24', 'iface vmbr1 inet6 auto'],
      ];
    },
    elements: [['ms01-vmbr1', 'ms01']],
    // `auto` and `allow-*` lines only name an interface; a block of its own name defines nothing modelled.
    pass: (d) => {
      ms01(d).unmanaged = [['auto vxlan10', 'iface vxlan10 inet manual', 'allow-hotplug vmbr1']];
    },
  },
  'names/switch-text': {
    fail: (d) => {
      sw(d).vendor = 'cisco-ios';
      for (const p of sw(d).ports) p.name = p.name.replace('Tengigabitethernet', 'TenGigabitEthernet');
      net(d, 'net-vms').name = 'virtual machines';
      po(d, 9).description = 'why?';
    },
    elements: [
      ['net-vms', 'n4032'],
      ['n4032-po9', 'n4032'],
    ],
    // Dell OS6 quotes VLAN names, so spaces are fine there.
    pass: (d) => (net(d, 'net-vms').name = 'virtual machines'),
  },
  'names/proxmox-vm-bridge': {
    fail: (d) => (bridge(d, 'vmbr1').name = 'vmbr+1'),
    elements: [['ms01-vmbr1', 'vm-100-net0']],
    pass: (d) => (bridge(d, 'vmbr1').name = 'vmbr_1.x-1'),
  },
  'names/duplicate-device': {
    fail: (d) => (sw(d).name = 'MS01'),
    elements: [['n4032', 'ms01']],
    pass: unchanged,
  },
  ...IFUPDOWN2_CASES,
  ...FIREWALL_CASES,
  ...ESXI_CASES,
  ...VIRT_CASES,
};

/** Applies a mutation to the example and loads the result as a file would be loaded. */
function designWith(mutate: Mutate): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  mutate(raw);
  const result = restoreDesign(raw);
  if (!result.ok) throw new Error(`test design does not load: ${JSON.stringify(result.problems)}`);
  return result.design;
}

const diagnosticsOf = (rule: string, design: Design) => validateDesign(design).filter((d) => d.rule === rule);

describe('design rules', () => {
  it('has at least 20 rules with unique namespaced ids, each covered below', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    expect([...new Set(Object.keys(CASES).map(ruleOf))].sort()).toEqual([...ids].sort());
  });

  it('finds nothing to report on the example design', () => {
    expect(validateDesign(exampleDesign())).toEqual([]);
  });

  describe.each(Object.entries(CASES))('%s', (name, c) => {
    const id = ruleOf(name);
    const rule = RULES.find((r) => r.id === id)!;

    it('flags the failing design, naming the exact elements and the path of the first', () => {
      const design = designWith(c.fail);
      const found = diagnosticsOf(id, design);
      expect(found.map((d) => d.elements)).toEqual(c.elements);
      const index = indexDesign(design);
      for (const d of found) {
        expect(d.severity).toBe(rule.severity);
        expect(d.message.length).toBeGreaterThan(20);
        expect(d.path).toBe(formatPath(index.byId.get(d.elements[0])!.path));
      }
    });

    it('accepts the nearby passing design', () => {
      expect(diagnosticsOf(id, designWith(c.pass))).toEqual([]);
    });
  });
});
