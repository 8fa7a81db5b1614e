/**
 * The KVM and VMware Workstation examples, exported and read back: each
 * network XML and /etc/vmware/networking is parsed by Netloom's importer into
 * the very networks of the design, every XML passes libvirt's own schema
 * (`virt-xml-validate`), interface snippets and .vmx lines say what the VM
 * NICs are on, and the filter for bridged traffic holds the design's rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importLibvirtNetwork } from '../../../shared/importers/libvirt-network/index.js';
import { parseXml } from '../../../shared/importers/libvirt-network/xml.js';
import { importVmwareNetworking } from '../../../shared/importers/vmware-networking/index.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { Design } from '../../../shared/model/index.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { validateDesign } from '../../../shared/validate/index.js';
import { ROOT } from '../../helpers/cli.js';

const example = (file: string): Design => {
  const result = parseDesign(readFileSync(`${ROOT}shared/examples/${file}`, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
};
const filesOf = (design: Design) => new Map(renderDevice(design, design.hosts[0]!.id).map((f) => [f.path, f.content]));

const dir = mkdtempSync(join(tmpdir(), 'netloom-virt-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
function schemaCheck(xml: string, type: 'network' | 'domain'): string {
  const file = join(dir, `${type}-${serial++}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('virt-xml-validate', [file, type], { encoding: 'utf8' });
  return run.status === 0 ? 'valid' : `${run.stdout}${run.stderr}`;
}
const inDomain = (iface: string) =>
  `<domain type='kvm'>\n  <name>t</name>\n  <memory>131072</memory>\n  <os><type>hvm</type></os>\n  <devices>\n${iface}  </devices>\n</domain>\n`;

describe('KVM example: bridged and NAT networks, physdev rules', () => {
  const design = example('kvm-bridged-nat.netloom.json');
  const files = filesOf(design);

  it('checks clean and writes the interfaces file, one XML per network and NIC, and the bridge filter', () => {
    expect(validateDesign(design)).toEqual([]);
    expect([...files.keys()]).toEqual([
      'etc/network/interfaces',
      'libvirt/networks/lan.xml',
      'libvirt/networks/vm-nat.xml',
      'libvirt/interfaces/web-net0.xml',
      'libvirt/interfaces/build-net0.xml',
      'etc/sysctl.d/60-netloom-bridge-nf.conf',
      'etc/iptables/rules.v4',
    ]);
  });

  it('each network XML reads back into the design it came from, and passes libvirt’s schema', () => {
    for (const path of ['libvirt/networks/lan.xml', 'libvirt/networks/vm-nat.xml']) {
      const xml = files.get(path)!;
      expect(schemaCheck(xml, 'network')).toBe('valid');
      const back = importLibvirtNetwork(design, 'kvm1', xml);
      expect(back.ok && back.fileNotes).toEqual([]);
      expect(back.ok && back.design).toEqual(design);
    }
    const nat = parseXml(files.get('libvirt/networks/vm-nat.xml')!);
    expect(nat.children.find((c) => c.name === 'forward')?.attributes).toEqual({ mode: 'nat' });
  });

  it('the bridged VM is on the LAN network, the NAT one on vm-nat; both snippets pass the domain schema', () => {
    const web = parseXml(files.get('libvirt/interfaces/web-net0.xml')!);
    const build = parseXml(files.get('libvirt/interfaces/build-net0.xml')!);
    const facts = (e: ReturnType<typeof parseXml>) => ({
      type: e.attributes.type,
      ...Object.fromEntries(e.children.map((c) => [c.name, c.attributes])),
    });
    expect(facts(web)).toEqual({
      type: 'network',
      mac: { address: '52:54:00:12:34:56' },
      source: { network: 'lan' },
      model: { type: 'virtio' },
    });
    expect(facts(build)).toEqual({ type: 'network', source: { network: 'vm-nat' }, model: { type: 'virtio' } });
    for (const path of ['libvirt/interfaces/web-net0.xml', 'libvirt/interfaces/build-net0.xml'])
      expect(schemaCheck(inDomain(files.get(path)!), 'domain')).toBe('valid');
  });

  it('the filter turns bridge netfilter on and holds the two rules in order, bridged frames only', () => {
    expect(files.get('etc/sysctl.d/60-netloom-bridge-nf.conf')).toContain('net.bridge.bridge-nf-call-iptables = 1\n');
    const forward = files
      .get('etc/iptables/rules.v4')!
      .split('\n')
      .filter((l) => l.startsWith('-A FORWARD'));
    expect(forward.map((l) => [l.includes('-m physdev --physdev-is-bridged'), /-j (\w+)$/.exec(l)?.[1]])).toEqual([
      [true, 'REJECT'],
      [true, 'ACCEPT'],
    ]);
    expect(forward[0]).toContain('-s 192.168.1.50 -d 192.168.1.20 -p tcp --dport 80');
  });
});

describe('VMware Workstation example: the DMZ box', () => {
  const design = example('vmware-dmz.netloom.json');
  const files = filesOf(design);

  it('checks clean and writes the interfaces file, /etc/vmware/networking and one .vmx part per VM', () => {
    expect(validateDesign(design)).toEqual([]);
    expect([...files.keys()]).toEqual([
      'etc/network/interfaces',
      'etc/vmware/networking',
      'vmware/router.vmx-ethernet',
      'vmware/www.vmx-ethernet',
      'vmware/desktop.vmx-ethernet',
    ]);
    expect(files.get('etc/network/interfaces')).toContain('iface enp4s0 inet manual\n');
  });

  it('/etc/vmware/networking reads back into the design’s VMnets', () => {
    const back = importVmwareNetworking(design, 'ws1', files.get('etc/vmware/networking')!);
    expect(back.ok && back.fileNotes).toEqual([
      { line: 8, message: 'VNL_DEFAULT_BRIDGE_VNET is not modelled; left out' },
    ]);
    expect(back.ok && back.design).toEqual(design);
  });

  it('the router has a NIC on the WAN VMnet and one on the DMZ, the server only the DMZ', () => {
    const vmx = (vm: string) =>
      Object.fromEntries(
        files
          .get(`vmware/${vm}.vmx-ethernet`)!
          .split('\n')
          .flatMap((l) => {
            const m = /^(ethernet\d+\.\w+) = "([^"]*)"$/.exec(l);
            return m ? [[m[1], m[2]]] : [];
          }),
      );
    expect(vmx('router')).toMatchObject({
      'ethernet0.connectionType': 'custom',
      'ethernet0.vnet': 'vmnet2',
      'ethernet1.vnet': 'vmnet3',
      'ethernet1.virtualDev': 'e1000e',
    });
    expect(vmx('www')).toEqual({
      'ethernet0.present': 'TRUE',
      'ethernet0.connectionType': 'custom',
      'ethernet0.vnet': 'vmnet3',
      'ethernet0.virtualDev': 'vmxnet3',
      'ethernet0.addressType': 'static',
      'ethernet0.address': '00:50:56:00:10:01',
    });
  });
});
