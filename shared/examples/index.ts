/**
 * The example designs shipped in this folder, one line each: File > Examples
 * lists them (name and one-line description) and opens one as a new,
 * unsaved design. A new example is its `.netloom.json` file here and one
 * entry below; its id is the file name without `.netloom.json`.
 */
export interface Example {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export const EXAMPLES = [
  {
    id: 'homelab',
    name: 'Proxmox VE homelab',
    description: 'A Minisforum MS-01 with two LACP bonds to a Dell N4032 stack, VLAN-aware bridges and VMs.',
  },
  {
    id: 'kvm-bridged-nat',
    name: 'KVM host: bridged and NAT networks',
    description:
      'A Debian KVM host run by libvirt: VMs bridged onto the LAN and on a NAT network, with physdev FORWARD rules for bridged traffic.',
  },
  {
    id: 'vmware-dmz',
    name: 'VMware Workstation DMZ box',
    description:
      'A WAN NIC bridged to a VMnet used only by a router VM with two NICs, and an internal VMnet for the exposed server.',
  },
  {
    id: 'nested-esxi',
    name: 'Nested ESXi port group',
    description:
      'An ESXi vSwitch with active and standby uplinks, a port group that accepts promiscuous mode and forged transmits for a nested ESXi VM, and a normal one.',
  },
] as const satisfies readonly Example[];

export type ExampleId = (typeof EXAMPLES)[number]['id'];

export const EXAMPLE_IDS = EXAMPLES.map((e) => e.id) as [ExampleId, ...ExampleId[]];

/** The example's file name in this folder. */
export const exampleFile = (id: ExampleId): string => `${id}.netloom.json`;
