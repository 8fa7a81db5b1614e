/** A Proxmox VM on a host; its NICs are `vm-nic` elements. */
import type { AttributeTable } from '../attributes.js';
import type { Host, Vm } from '../schema.js';
import { defineKind } from './define.js';

export const vmAttributes = {
  nestedHypervisor: {
    type: 'bool',
    label: 'Nested hypervisor',
    help: 'The guest runs a hypervisor of its own (a nested ESXi, Proxmox VE or KVM), whose VMs send from their own MAC addresses.',
  },
} as const satisfies AttributeTable;

export const VM_ICON = 'M4 5h16v11H4zM9 20h6M12 16v4';

export const vm = defineKind<Vm, Host>()({
  id: 'vm',
  owner: 'host',
  collection: 'vms',
  label: 'VM',
  title: (v) => v.name,
  attributes: vmAttributes,
  unique: [{ field: 'vmid', group: 'vmid', message: (vmid, host) => `VM id ${vmid} is used twice on host ${host}` }],
  create: ({ design, nextFree }) => {
    // VM ids are unique in a Proxmox cluster: free across every host of the design.
    const vmid = nextFree(
      design.hosts.flatMap((h) => h.vms.map((v) => v.vmid)),
      100,
    );
    return { idBase: `vm-${vmid}`, fields: { vmid, name: `vm${vmid}`, nics: [] } };
  },
  canvas: { row: 0, size: { width: 176, height: 60 } },
  palette: { hint: 'A Proxmox VM; drag its NIC handle to a bridge' },
  icon: VM_ICON,
});
