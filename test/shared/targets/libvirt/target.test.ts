/**
 * The libvirt and VMware Workstation targets on hosts beyond the examples:
 * a tagged NIC on an Open vSwitch bridge gets `<vlan>`, one on a Linux bridge
 * a comment saying why it has none (both pass libvirt's domain schema); a
 * VMware NIC that is not on a VMnet is named, not written as an adapter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../../shared/load/index.js';
import type { Design } from '../../../../shared/model/index.js';
import { renderDevice } from '../../../../shared/targets/index.js';
import { ROOT } from '../../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'netloom-libvirt-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(file: string, change: (host: any) => void): Design {
  const raw = JSON.parse(readFileSync(`${ROOT}shared/examples/${file}`, 'utf8'));
  change(raw.hosts[0]);
  const result = restoreDesign(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}
const file = (design: Design, path: string) => renderDevice(design, design.hosts[0]!.id).find((f) => f.path === path)!;

function domainValid(iface: string): boolean {
  const path = join(dir, `d-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(
    path,
    `<domain type='kvm'>\n  <name>t</name>\n  <memory>131072</memory>\n  <os><type>hvm</type></os>\n  <devices>\n${iface}  </devices>\n</domain>\n`,
  );
  return spawnSync('virt-xml-validate', [path, 'domain'], { encoding: 'utf8' }).status === 0;
}

describe('libvirt target: VM NICs straight on host bridges', () => {
  const design = load('kvm-bridged-nat.netloom.json', (h) => {
    h.ovsBridges = [{ id: 'kvm1-ovsbr0', name: 'ovsbr0', ports: [] }];
    h.vms[0].nics.push({ id: 'kvm1-web-net1', slot: 1, bridge: 'kvm1-ovsbr0', tag: 30 });
    h.vms[0].nics.push({ id: 'kvm1-web-net2', slot: 2, bridge: 'kvm1-br0', tag: 40, model: 'e1000' });
  });

  it('tags on an Open vSwitch bridge with <vlan>, and passes the domain schema', () => {
    const xml = file(design, 'libvirt/interfaces/web-net1.xml').content;
    expect(xml).toContain("<source bridge='ovsbr0'/>");
    expect(xml).toContain("<tag id='30'/>");
    expect(domainValid(xml)).toBe(true);
  });

  it('on a Linux bridge says in a comment that the tag is not applied, and still passes the schema', () => {
    const xml = file(design, 'libvirt/interfaces/web-net2.xml').content;
    expect(xml.split('\n')[0]).toBe(
      '<!-- VLAN 40: libvirt tags only on Open vSwitch bridges; tag inside the VM, or use an OVS bridge -->',
    );
    expect(xml).not.toContain('<vlan>');
    expect(xml).toContain("<source bridge='br0'/>");
    expect(domainValid(xml)).toBe(true);
  });

  it('writes no filter files for a host without one', () => {
    const plain = load('kvm-bridged-nat.netloom.json', (h) => {
      h.bridgeRules = [];
      delete h.bridgeFilter;
    });
    expect(renderDevice(plain, 'kvm1').map((f) => f.path)).not.toContain('etc/iptables/rules.v4');
  });
});

describe('vmware-workstation target', () => {
  it('names a NIC that is not on a VMnet instead of writing an adapter for it', () => {
    const design = load('vmware-dmz.netloom.json', (h) => {
      h.bridges = [{ id: 'ws1-br9', name: 'br9', ports: [] }];
      h.vms[2].nics.push({ id: 'ws1-desktop-net1', slot: 1, bridge: 'ws1-br9' });
    });
    const lines = file(design, 'vmware/desktop.vmx-ethernet').content.split('\n');
    expect(lines).toContain('# ethernet1: not on a VMnet (VMware Workstation attaches adapters to VMnets only)');
    expect(lines.filter((l) => l.startsWith('ethernet1.'))).toEqual([]);
  });
});
