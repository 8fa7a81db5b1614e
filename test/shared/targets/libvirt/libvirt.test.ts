/**
 * libvirt network and interface XML, judged by libvirt's own schemas
 * (`virt-xml-validate`, Debian's libvirt-clients), plus the sysctl drop-in
 * and the iptables rules as text (the system test applies them for real).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BridgeFilterRule, LibvirtNetwork } from '../../../../shared/model/libvirt.js';
import { formatBridgeRules, formatBridgeSysctl } from '../../../../shared/targets/libvirt/bridge-filter.js';
import { formatInterfaceXml, formatNetworkXml } from '../../../../shared/targets/libvirt/network-xml.js';
import { bridged, filter, isolated, nat } from './designs.js';

const dir = mkdtempSync(join(tmpdir(), 'netloom-libvirt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string, type: 'network' | 'domain'): { ok: boolean; output: string } {
  const file = join(dir, `${type}-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('virt-xml-validate', [file, type], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** A minimal domain around one interface, so libvirt's domain schema can judge the snippet. */
const domainWith = (iface: string) =>
  `<domain type='kvm'>\n  <name>t</name>\n  <memory>131072</memory>\n  <os><type>hvm</type></os>\n  <devices>\n${iface.replace(/^/gm, '    ')}  </devices>\n</domain>\n`;

describe('libvirt network XML', () => {
  it('writes a NAT network with its subnet and DHCP range', () => {
    expect(formatNetworkXml(nat)).toBe(
      [
        '<network>',
        '  <name>vm-nat</name>',
        "  <forward mode='nat'/>",
        "  <bridge name='virbr1' stp='on' delay='0'/>",
        "  <ip address='192.168.100.1' prefix='24'>",
        '    <dhcp>',
        "      <range start='192.168.100.100' end='192.168.100.200'/>",
        '    </dhcp>',
        '  </ip>',
        '</network>',
        '',
      ].join('\n'),
    );
  });

  it('writes a bridged network onto a host bridge, and an isolated one without forward', () => {
    expect(formatNetworkXml(bridged)).toBe(
      "<network>\n  <name>lan</name>\n  <forward mode='bridge'/>\n  <bridge name='br0'/>\n</network>\n",
    );
    expect(formatNetworkXml(isolated)).not.toContain('<forward');
  });

  it.each([nat, bridged, isolated])("passes libvirt's network schema: $name", (network) => {
    const result = validate(formatNetworkXml(network), 'network');
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('the schema check can fail: libvirt refuses a network with an unknown forward mode', () => {
    expect(validate(formatNetworkXml(nat).replace("mode='nat'", "mode='teleport'"), 'network').ok).toBe(false);
  });

  it.each([
    { source: { network: 'vm-nat' }, model: 'virtio', mac: '52:54:00:AB:CD:EF' },
    { source: { bridge: 'br0' }, model: 'e1000' },
    { source: { bridge: 'ovsbr0', vlan: 30 }, model: 'virtio' },
  ])("writes VM interfaces that pass libvirt's domain schema ($source)", (spec) => {
    const xml = formatInterfaceXml(spec);
    const result = validate(domainWith(xml), 'domain');
    expect(result.output).toContain('validates');
    if ('vlan' in spec.source) expect(xml).toContain("<tag id='30'/>");
    if (spec.mac) expect(xml).toContain("<mac address='52:54:00:ab:cd:ef'/>");
  });

  it('refuses names, DHCP ranges and ports that would not work', () => {
    const issues = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) =>
      schema.safeParse(value).error?.issues.map((i) => i.message);
    expect(
      issues(LibvirtNetwork, { mode: 'nat', name: 'a b', bridgeName: 'virbr1', ipv4: { address: '192.168.100.1/24' } }),
    ).toEqual(['must be a libvirt network name: letters, digits, . _ -, up to 50 characters']);
    expect(
      issues(LibvirtNetwork, {
        mode: 'nat',
        name: 'n',
        bridgeName: 'virbr1',
        ipv4: { address: '192.168.100.1/24', dhcp: { start: '192.168.100.1', end: '192.168.101.9' } },
      }),
    ).toEqual([
      'DHCP range end 192.168.101.9 is outside 192.168.100.1/24',
      "the DHCP range includes the host's own address 192.168.100.1/24",
    ]);
    expect(issues(BridgeFilterRule, { port: 80, action: 'DROP' })).toEqual(['a port needs the protocol tcp or udp']);
    expect(issues(BridgeFilterRule, { action: 'DROP', comment: 'x" -j ACCEPT #' })?.length).toBe(1);
  });
});

describe('bridged traffic filter', () => {
  it('turns bridge netfilter on in a sysctl drop-in', () => {
    expect(formatBridgeSysctl(filter)).toContain('net.bridge.bridge-nf-call-iptables = 1\n');
  });

  it('writes FORWARD rules that match bridged frames only', () => {
    expect(formatBridgeRules(filter, 'kvm1')).toBe(
      [
        '# Written by Netloom for kvm1: filter for bridged VM traffic (iptables-restore format).',
        '*filter',
        ':INPUT ACCEPT [0:0]',
        ':FORWARD DROP [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        '-A FORWARD -m physdev --physdev-is-bridged -s 192.168.1.50 -d 192.168.1.20 -p tcp --dport 80 -m comment --comment "no web from the kiosk" -j REJECT',
        '-A FORWARD -m physdev --physdev-is-bridged --physdev-in enp1s0 -m comment --comment "from the LAN" -j ACCEPT',
        '-A FORWARD -m physdev --physdev-is-bridged -j ACCEPT',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });
});
