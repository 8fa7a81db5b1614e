/**
 * Rule cases for ESXi standard vSwitches: the example design gains an ESXi
 * host esx01 whose vSwitch1 has two uplinks cabled to n4032, a port group
 * for a nested ESXi VM and one for an ordinary VM. `rules.test.ts` runs them
 * like every other rule case.
 */
type Mutate = (d: any) => void;

interface EsxiCase {
  readonly fail: Mutate;
  readonly elements: readonly (readonly string[])[];
  readonly pass: Mutate;
}

interface Options {
  /** What n4032's ports at the uplinks' other ends do. */
  readonly switchPorts: 'access' | 'trunk' | 'one trunk';
  /** The nested ESXi VM's port group overrides (absent: as the vSwitch, which rejects all). */
  readonly nested?: Record<string, 'accept' | 'reject'>;
  readonly nestedVlan?: number;
}

function esxiHost(d: any, options: Options): void {
  d.hosts.push({
    id: 'esx01',
    name: 'esx01',
    platform: 'esxi',
    ports: [
      { id: 'esx01-vmnic0', name: 'vmnic0' },
      { id: 'esx01-vmnic1', name: 'vmnic1' },
    ],
    vswitches: [
      {
        id: 'esx01-vswitch1',
        name: 'vSwitch1',
        activeUplinks: ['esx01-vmnic0'],
        standbyUplinks: ['esx01-vmnic1'],
      },
    ],
    portGroups: [
      {
        id: 'esx01-pg-nested',
        name: 'Nested ESXi',
        vswitch: 'esx01-vswitch1',
        vlan: options.nestedVlan ?? 245,
        ...options.nested,
      },
      { id: 'esx01-pg-vms', name: 'VM Network', vswitch: 'esx01-vswitch1', vlan: 245 },
    ],
    vms: [
      {
        id: 'vm-300',
        vmid: 300,
        name: 'nested-esx',
        nestedHypervisor: true,
        nics: [
          { id: 'vm-300-net0', slot: 0, bridge: 'esx01-pg-nested', model: 'vmxnet3' },
          { id: 'vm-300-net1', slot: 1, bridge: 'esx01-pg-nested', model: 'vmxnet3' },
        ],
      },
      { id: 'vm-301', vmid: 301, name: 'web02', nics: [{ id: 'vm-301-net0', slot: 0, bridge: 'esx01-pg-vms' }] },
    ],
  });
  const access = { mode: 'access', vlan: 245 };
  const trunk = { mode: 'trunk', allowed: 'all', native: 240 };
  const sw = d.switches[0];
  sw.ports.push(
    {
      id: 'n4032-te1-0-1',
      name: 'Tengigabitethernet1/0/1',
      switchport: options.switchPorts === 'access' ? access : trunk,
    },
    {
      id: 'n4032-te2-0-1',
      name: 'Tengigabitethernet2/0/1',
      switchport: options.switchPorts === 'trunk' ? trunk : access,
    },
  );
  d.cables.push(
    { id: 'cable-esx01-vmnic0', hostPort: 'esx01-vmnic0', switchPort: 'n4032-te1-0-1' },
    { id: 'cable-esx01-vmnic1', hostPort: 'esx01-vmnic1', switchPort: 'n4032-te2-0-1' },
  );
}

const ACCEPT_BOTH = { allowPromiscuous: 'accept', allowForgedTransmits: 'accept' } as const;

export const ESXI_CASES: Record<string, EsxiCase> = {
  'esxi/nested-hypervisor-security': {
    // Both NICs of the nested ESXi sit on one port group that inherits the vSwitch's rejects: one warning.
    fail: (d) => esxiHost(d, { switchPorts: 'trunk' }),
    elements: [['vm-300', 'esx01-pg-nested']],
    pass: (d) => esxiHost(d, { switchPorts: 'trunk', nested: ACCEPT_BOTH }),
  },
  'esxi/nested-hypervisor-security (forged transmits still rejected)': {
    fail: (d) => esxiHost(d, { switchPorts: 'trunk', nested: { allowPromiscuous: 'accept' } }),
    elements: [['vm-300', 'esx01-pg-nested']],
    // Accepted on the vSwitch and inherited: no traffic is lost (the rule is about the VM's traffic).
    pass: (d) => {
      esxiHost(d, { switchPorts: 'trunk', nested: { allowPromiscuous: 'accept' } });
      d.hosts[1].vswitches[0].allowForgedTransmits = 'accept';
    },
  },
  'esxi/vswitch-not-exported': {
    fail: (d) => {
      esxiHost(d, { switchPorts: 'trunk', nested: ACCEPT_BOTH });
      d.hosts[1].platform = 'proxmox';
    },
    elements: [['esx01-vswitch1', 'esx01']],
    pass: (d) => esxiHost(d, { switchPorts: 'trunk', nested: ACCEPT_BOTH }),
  },
  'esxi/all-vlans-on-access-uplink': {
    fail: (d) => esxiHost(d, { switchPorts: 'access', nested: ACCEPT_BOTH, nestedVlan: 4095 }),
    elements: [['esx01-pg-nested', 'esx01-vswitch1', 'n4032-te1-0-1', 'n4032-te2-0-1']],
    // One trunk among the uplinks is enough for the guest's tagged VLANs.
    pass: (d) => esxiHost(d, { switchPorts: 'one trunk', nested: ACCEPT_BOTH, nestedVlan: 4095 }),
  },
};
