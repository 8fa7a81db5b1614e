/** A VM's network device (net0, net1, ...), attached to a bridge of the VM's host. */
import type { AttributeTable } from '../attributes.js';
import type { Vm, VmNic } from '../schema.js';
import { MTU } from './common.js';
import { defineKind } from './define.js';
import { VM_ICON } from './vm.js';

export const NIC_MODELS = ['virtio', 'e1000', 'e1000e', 'rtl8139', 'vmxnet3'] as const;

export const vmNicAttributes = {
  model: {
    type: 'enum',
    values: NIC_MODELS,
    default: 'virtio',
    label: 'Model',
    help: 'Emulated NIC; virtio is the fastest.',
    keys: { 'proxmox-vm': 'model' },
  },
  mac: {
    type: 'text',
    pattern: /^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/,
    patternHelp: 'must be a MAC address in upper case, as Proxmox writes it (BC:24:11:00:00:01)',
    label: 'MAC address',
    help: 'Leave empty to let Proxmox pick one.',
    keys: { 'proxmox-vm': 'macaddr' },
  },
  firewall: {
    type: 'bool',
    default: false,
    label: 'Firewall',
    help: 'Put the NIC behind the Proxmox firewall.',
    keys: { 'proxmox-vm': 'firewall' },
  },
  rate: {
    type: 'number',
    min: 0.01,
    max: 100000,
    unit: 'MB/s',
    label: 'Rate limit',
    help: 'Traffic limit in megabytes per second.',
    keys: { 'proxmox-vm': 'rate' },
  },
  mtu: { ...MTU, min: 1, keys: { 'proxmox-vm': 'mtu' } },
} as const satisfies AttributeTable;

export const vmNic = defineKind<VmNic, Vm>()({
  id: 'vm-nic',
  owner: 'vm',
  collection: 'nics',
  label: 'VM NIC',
  title: (n) => `net${n.slot}`,
  references: [
    {
      field: 'bridge',
      to: ['bridge', 'ovs-bridge', 'virtual-network', 'port-group'],
      sameDevice: true,
      onDelete: 'delete-self',
    },
  ],
  link: { kind: 'vm-nic', label: 'VM NIC', source: 'owner', target: 'bridge', edge: 'nic' },
  attributes: vmNicAttributes,
  unique: [{ field: 'slot', group: 'slot', message: (slot, vm) => `net${slot} is used twice on VM ${vm}` }],
  icon: VM_ICON,
});
