/**
 * `netloom import libvirt-network` and `netloom import vmware-networking`:
 * a file's networks join a host of an existing design (the network of the
 * same name or VMnet number is replaced and keeps its VM NICs), notes and
 * problems name the file's line, and a refused import leaves the design as
 * it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDesign } from '../../../shared/load/index.js';
import { ROOT, runCli } from '../../helpers/cli.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(example: string, name: string, content: string) {
  dir = mkdtempSync(join(tmpdir(), 'netloom-net-import-'));
  const design = join(dir, 'lab.netloom.json');
  writeFileSync(design, readFileSync(`${ROOT}shared/examples/${example}`));
  const file = join(dir, name);
  writeFileSync(file, content);
  return { design, file };
}

const hostOf = (file: string) => {
  const result = parseDesign(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design.hosts[0]!;
};

const NAT_XML = `<network>
  <name>vm-nat</name>
  <forward mode='nat'/>
  <bridge name='virbr1' stp='on' delay='0'/>
  <ip address='192.168.150.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.150.10' end='192.168.150.99'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00::1' prefix='64'/>
</network>
`;

describe('netloom import libvirt-network', () => {
  it('replaces the network of the same name, keeps the VM on it, and exports the new subnet', () => {
    const { design, file } = setup('kvm-bridged-nat.netloom.json', 'vm-nat.xml', NAT_XML);
    const run = runCli(['import', 'libvirt-network', file, '--into', design, '--host', 'kvm1']);
    expect(run.stderr).toContain(`note: ${file}:10: IPv6 addresses are not modelled; left out`);
    expect(run.stderr).toContain(`replaced network vm-nat on host kvm1 in ${design}`);
    expect(run.status).toBe(0);
    const host = hostOf(design);
    expect(host.virtualNetworks.find((n) => n.name === 'vm-nat')).toMatchObject({
      id: 'kvm1-vm-nat',
      subnet: '192.168.150.1/24',
      dhcp: '192.168.150.10-192.168.150.99',
    });
    expect(host.vms.find((v) => v.name === 'build')!.nics[0]!.bridge).toBe('kvm1-vm-nat');
    expect(runCli(['export', design, '--out', join(dir, 'out')]).status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'kvm1', 'libvirt/networks/vm-nat.xml'), 'utf8')).toContain(
      "<ip address='192.168.150.1' prefix='24'>",
    );
  });

  it('refuses a network it cannot stand for, naming the line, and leaves the design as it was', () => {
    const { design, file } = setup(
      'kvm-bridged-nat.netloom.json',
      'routed.xml',
      "<network>\n  <name>r</name>\n  <forward mode='route'/>\n</network>\n",
    );
    const before = readFileSync(design, 'utf8');
    const run = runCli(['import', 'libvirt-network', file, '--into', design, '--host', 'kvm1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:3: forward mode 'route' is not modelled`);
    expect(readFileSync(design, 'utf8')).toBe(before);
  });

  it('refuses a host of another platform', () => {
    const { design, file } = setup('vmware-dmz.netloom.json', 'vm-nat.xml', NAT_XML);
    const run = runCli(['import', 'libvirt-network', file, '--into', design, '--host', 'ws1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('host ws1 is a vmware-workstation host; set its platform to libvirt');
  });
});

describe('netloom import vmware-networking', () => {
  it('replaces VMnets by number, keeping their names and VMs, and adds new ones', () => {
    const networking = [
      'VERSION=1,0',
      'answer VNET_3_VIRTUAL_ADAPTER no',
      'answer VNET_4_DHCP no',
      'answer VNET_4_HOSTONLY_NETMASK 255.255.255.0',
      'answer VNET_4_HOSTONLY_SUBNET 172.16.4.0',
      'answer VNET_4_VIRTUAL_ADAPTER yes',
      'answer VNET_8_DHCP yes',
      'answer VNET_8_HOSTONLY_NETMASK 255.255.0.0',
      'answer VNET_8_HOSTONLY_SUBNET 10.8.0.0',
      'answer VNET_8_NAT yes',
      'answer VNET_8_VIRTUAL_ADAPTER yes',
      'add_bridge_mapping enp3s0 0',
      'add_bridge_mapping enp4s0 2',
      '',
    ].join('\n');
    const { design, file } = setup('vmware-dmz.netloom.json', 'networking', networking);
    const run = runCli(['import', 'vmware-networking', file, '--into', design, '--host', 'ws1']);
    expect(run.stderr).toContain(`added network vmnet4 on host ws1 in ${design}`);
    expect(run.status).toBe(0);
    const host = hostOf(design);
    expect(host.virtualNetworks.map((n) => [n.vmnet, n.name, n.mode, n.zone, n.subnet])).toEqual([
      [0, 'lan', 'bridged', 'lan', undefined],
      [2, 'wan', 'bridged', 'wan', undefined],
      [3, 'dmz', 'isolated', 'dmz', undefined],
      [8, 'nat', 'nat', 'lan', '10.8.0.1/16'],
      [4, 'vmnet4', 'isolated', 'lan', '172.16.4.1/24'],
    ]);
    expect(host.virtualNetworks.find((n) => n.vmnet === 8)).toMatchObject({
      dhcp: '10.8.128.0-10.8.255.254',
    });
    expect(host.vms.find((v) => v.name === 'desktop')!.nics[0]!.bridge).toBe('ws1-nat');
  });

  it('refuses a bridge onto an interface the host does not have, naming the line', () => {
    const { design, file } = setup('vmware-dmz.netloom.json', 'networking', 'VERSION=1,0\nadd_bridge_mapping eth9 5\n');
    const before = readFileSync(design, 'utf8');
    const run = runCli(['import', 'vmware-networking', file, '--into', design, '--host', 'ws1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:2: host ws1 has no port, bond or bridge named eth9 for network vmnet5`);
    expect(readFileSync(design, 'utf8')).toBe(before);
  });
});
