import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDevice } from '../../../../shared/targets/index.js';
import { proxmoxVmTarget, VM_NICS_PATH } from '../../../../shared/targets/proxmox-vm/index.js';
import { exampleDesign } from '../../../helpers/design.js';
import { restored } from '../ifupdown2/designs.js';

function withVms(): ReturnType<typeof exampleDesign> {
  const json = JSON.parse(JSON.stringify(exampleDesign()));
  json.hosts[0].vms.push({
    id: 'vm-101',
    vmid: 101,
    name: 'db01',
    nics: [
      {
        id: 'vm-101-net1',
        slot: 1,
        bridge: 'ms01-vmbr0',
        model: 'e1000',
        mac: 'BC:24:11:00:00:01',
        rate: 12.5,
        mtu: 9000,
      },
      { id: 'vm-101-net0', slot: 0, bridge: 'ms01-vmbr1', tag: 240 },
    ],
  });
  return restored(json);
}

describe('proxmox-vm target', () => {
  it('writes one qm set line per NIC, with a comment naming each VM', () => {
    const [file] = proxmoxVmTarget.render(withVms(), 'ms01');
    expect(file!.path).toBe('vm-nics.sh');
    expect(file!.content).toBe(
      [
        '#!/bin/sh',
        '# VM network interfaces on ms01, written by Netloom. Review, then run on the host.',
        'set -e',
        '',
        '# VM 100 web01',
        'qm set 100 --net0 virtio,bridge=vmbr1,tag=245,firewall=1',
        '',
        '# VM 101 db01',
        'qm set 101 --net0 virtio,bridge=vmbr1,tag=240',
        'qm set 101 --net1 e1000=BC:24:11:00:00:01,bridge=vmbr0,rate=12.5,mtu=9000',
        '',
      ].join('\n'),
    );
    expect(file!.lineElements![9]).toBe('vm-101-net1');
    expect(file!.lineElements![7]).toBe('vm-101');
  });

  it('is a script sh can parse', () => {
    const [file] = proxmoxVmTarget.render(withVms(), 'ms01');
    const run = spawnSync('sh', ['-n'], { input: file!.content, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('writes a script for Proxmox hosts with VMs only (the platform names the target)', () => {
    const design = exampleDesign();
    const paths = () => renderDevice(design, 'ms01').map((f) => f.path);
    expect(paths()).toEqual(['etc/network/interfaces', VM_NICS_PATH]);
    expect(proxmoxVmTarget.appliesTo(design, 'n4032')).toBe(false);
    design.hosts[0]!.platform = 'debian';
    expect(paths()).toEqual(['etc/network/interfaces']);
    design.hosts[0]!.platform = 'proxmox';
    design.hosts[0]!.vms = [];
    expect(proxmoxVmTarget.appliesTo(design, 'ms01')).toBe(false);
    expect(paths()).toEqual(['etc/network/interfaces']);
  });

  it('refuses a value that slipped past validation rather than write it into a script', () => {
    const design = exampleDesign();
    design.hosts[0]!.vms[0]!.name = 'web;reboot';
    expect(() => proxmoxVmTarget.render(design, 'ms01')).toThrow(/refusing to write "web;reboot"/);
  });

  it('puts a NIC on an OVS bridge by its name, with its tag', () => {
    const json = JSON.parse(JSON.stringify(exampleDesign()));
    json.hosts[0].ovsBridges = [{ id: 'ms01-vmbr9', name: 'vmbr9', ports: [] }];
    json.hosts[0].vms[0].nics[0].bridge = 'ms01-vmbr9';
    const [file] = proxmoxVmTarget.render(restored(json), 'ms01');
    expect(file!.content).toContain('qm set 100 --net0 virtio,bridge=vmbr9,tag=245,firewall=1\n');
  });
});
