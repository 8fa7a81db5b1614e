import { describe, expect, it } from 'vitest';
import { readVmwareNetworking } from '../../../../shared/importers/vmware-networking/index.js';

/** A Workstation host's file after the Virtual Network Editor: VMnet1 host-only, VMnet8 NAT, two bridges. */
const NETWORKING = `VERSION=1,0
answer VNET_1_DHCP yes
answer VNET_1_DHCP_CFG_HASH 0123456789ABCDEF0123456789ABCDEF01234567
answer VNET_1_HOSTONLY_NETMASK 255.255.255.0
answer VNET_1_HOSTONLY_SUBNET 172.16.5.0
answer VNET_1_VIRTUAL_ADAPTER yes
answer VNET_3_VIRTUAL_ADAPTER no
answer VNET_8_DHCP yes
answer VNET_8_HOSTONLY_NETMASK 255.255.255.0
answer VNET_8_HOSTONLY_SUBNET 192.168.168.0
answer VNET_8_NAT yes
answer VNET_8_NAT_PARAM_UDP_TIMEOUT 30
answer VNET_8_VIRTUAL_ADAPTER yes
answer VNL_DEFAULT_BRIDGE_VNET -1
add_bridge_mapping br0 0
add_bridge_mapping enp4s0 2
`;

describe('/etc/vmware/networking import', () => {
  it('reads each VMnet: bridged by its mapping, NAT, host-only with and without a host adapter', () => {
    const read = readVmwareNetworking(NETWORKING);
    expect(read.ok && read.value).toEqual([
      { name: 'vmnet0', vmnet: 0, mode: 'bridged', uplinkName: 'br0', line: 15 },
      {
        name: 'vmnet1',
        vmnet: 1,
        mode: 'isolated',
        subnet: '172.16.5.1/24',
        dhcp: '172.16.5.128-172.16.5.254',
        line: 2,
      },
      { name: 'vmnet2', vmnet: 2, mode: 'bridged', uplinkName: 'enp4s0', line: 16 },
      { name: 'vmnet3', vmnet: 3, mode: 'isolated', line: 7 },
      {
        name: 'vmnet8',
        vmnet: 8,
        mode: 'nat',
        subnet: '192.168.168.1/24',
        dhcp: '192.168.168.128-192.168.168.254',
        line: 8,
      },
    ]);
    expect(read.ok && read.notes).toEqual([
      { line: 12, message: 'VNET_8_NAT_PARAM_UDP_TIMEOUT is not modelled; left out' },
      { line: 14, message: 'VNL_DEFAULT_BRIDGE_VNET is not modelled; left out' },
    ]);
  });

  it.each([
    ['answer VNET_1_DHCP yes\n', 1, 'expected VERSION=1,0 first'],
    ['VERSION=1,0\nanswer VNET_1_DHCP yes\nanswer VNET_1_DHCP no\n', 3, 'VNET_1_DHCP is answered twice'],
    ['VERSION=1,0\nadd_bridge_mapping eth0 300\n', 2, '"300" is not a VMnet number'],
    [
      'VERSION=1,0\nadd_bridge_mapping eth0 2\nadd_bridge_mapping eth1 2\n',
      3,
      'VMnet2 is bridged twice (also on line 2)',
    ],
    ['VERSION=1,0\n\nbridge eth0 2\n', 3, 'expected "answer VNET_<n>_<KEY> <value>"'],
    ['VERSION=1,0\nanswer VNET_8_NAT yes\nanswer VNET_8_HOSTONLY_SUBNET 192.168.1\n', 3, 'is not an IPv4 address'],
  ])('refuses a line it cannot read, naming it: %#', (text, line, message) => {
    const read = readVmwareNetworking(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.line).toBe(line);
    expect(read.message).toContain(message);
  });
});
