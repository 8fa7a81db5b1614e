import { describe, expect, it } from 'vitest';
import { readLibvirtNetwork } from '../../../../shared/importers/libvirt-network/index.js';

/** What `virsh net-dumpxml default` prints on a fresh Debian host, with an IPv6 address and a static lease added. */
const DEFAULT_NAT = `<network connections='1'>
  <name>default</name>
  <uuid>6b4a1c3e-2f0d-4a8e-9c41-0f7a3c2b1d55</uuid>
  <forward mode='nat'>
    <nat>
      <port start='1024' end='65535'/>
    </nat>
  </forward>
  <bridge name='virbr0' stp='on' delay='0'/>
  <mac address='52:54:00:3a:5e:11'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.122.2' end='192.168.122.254'/>
      <host mac='52:54:00:aa:bb:cc' name='db' ip='192.168.122.10'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:122::1' prefix='64'/>
</network>
`;

describe('libvirt network XML import', () => {
  it('reads a NAT network with its address, netmask and DHCP range, and names what it leaves out', () => {
    const read = readLibvirtNetwork(DEFAULT_NAT);
    expect(read).toEqual({
      ok: true,
      value: {
        name: 'default',
        mode: 'nat',
        bridgeName: 'virbr0',
        subnet: '192.168.122.1/24',
        dhcp: '192.168.122.2-192.168.122.254',
        line: 1,
      },
      notes: [
        { line: 5, message: '<forward> <nat> is not modelled; left out' },
        { line: 14, message: 'DHCP <host> is not modelled; left out' },
        { line: 17, message: 'IPv6 addresses are not modelled; left out' },
      ],
    });
  });

  it('reads a bridged network onto a host bridge, and an isolated one without forward', () => {
    const bridged = readLibvirtNetwork(
      `<?xml version="1.0"?>\n<network>\n  <name>lan</name>\n  <forward mode="bridge"/>\n  <bridge name="br0"/>\n</network>\n`,
    );
    expect(bridged.ok && bridged.value).toEqual({ name: 'lan', mode: 'bridged', uplinkName: 'br0', line: 4 });
    const isolated = readLibvirtNetwork(
      `<network><name>lab</name><bridge name='virbr2'/><ip address='10.10.10.1' prefix='24'/></network>`,
    );
    expect(isolated.ok && isolated.value).toEqual({
      name: 'lab',
      mode: 'isolated',
      bridgeName: 'virbr2',
      subnet: '10.10.10.1/24',
      line: 1,
    });
  });

  it.each([
    ["<network>\n  <name>r</name>\n  <forward mode='route'/>\n</network>", 3, "forward mode 'route' is not modelled"],
    [
      "<network>\n  <name>m</name>\n  <forward mode='bridge'>\n    <interface dev='eth0'/>\n  </forward>\n</network>",
      3,
      'macvtap',
    ],
    ['<network>\n  <name>x</name>\n  <bridge name="a"/>\n', 1, '<network> is never closed'],
    ['<network>\n  <name>x</name>\n</netwrk>', 3, '</netwrk> closes <network> (opened on line 1)'],
    ['<network>\n  <name>a &amp b</name>\n</network>', 2, 'is not an XML entity'],
    [
      "<network>\n  <name>n</name>\n  <ip address='10.0.0.1' netmask='255.0.255.0'/>\n</network>",
      3,
      'not an IPv4 prefix',
    ],
    ['<domain><name>vm</name></domain>', 1, 'the root element is <domain>, not <network>'],
  ])('refuses what it cannot stand for, naming the line: %#', (xml, line, message) => {
    const read = readLibvirtNetwork(xml);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.line).toBe(line);
    expect(read.message).toContain(message);
  });
});
