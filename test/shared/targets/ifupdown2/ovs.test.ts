/**
 * Open vSwitch on Proxmox VE, both ways: the ifupdown2 target writes OVS
 * bridges, bonds, internal ports and host ports on an OVS bridge as Proxmox
 * writes them, real ifupdown2 accepts the file (`ifup -a -s`) and reads it
 * (`ifquery -o json`), and the importer reads the same file back into the
 * same elements, which export to the same ifupdown2 meaning.
 *
 * ifupdown2 here (Debian's 3.0.0) skips its openvswitch addons when
 * /usr/bin/ovs-vsctl is absent, so it judges the file's grammar and meaning,
 * not OVS values; the kind tables check those.
 */
import { describe, expect, it } from 'vitest';
import { importInterfaces } from '../../../../shared/importers/index.js';
import { renderInterfaces } from '../../../../shared/targets/ifupdown2/index.js';
import { judgeInterfaces, meaningOf } from '../../../helpers/ifupdown2.js';
import { restored } from './designs.js';

const HOST = 'pve-ovs';

/** Proxmox's "LACP (balance-tcp)" OVS bond on an OVS bridge, a tagged internal port with an address, a VM-facing bridge. */
function ovsDesign() {
  const id = (name: string) => `${HOST}-${name}`;
  return restored({
    format: 'netloom/1',
    name: 'ovs',
    hosts: [
      {
        id: HOST,
        name: HOST,
        ports: [
          { id: id('enp1s0'), name: 'enp1s0' },
          { id: id('enp2s0'), name: 'enp2s0' },
          { id: id('eno1'), name: 'eno1' },
        ],
        ovsBonds: [
          {
            id: id('bond0'),
            name: 'bond0',
            members: [id('enp1s0'), id('enp2s0')],
            bondMode: 'balance-tcp',
            lacp: 'active',
            lacpTime: 'fast',
            mtu: 9000,
          },
        ],
        ovsBridges: [
          { id: id('vmbr1'), name: 'vmbr1', ports: [id('bond0'), id('vlan50')], mtu: 9000 },
          { id: id('vmbr2'), name: 'vmbr2', ports: [id('eno1')], comment: 'lab uplink' },
        ],
        ovsIntPorts: [
          {
            id: id('vlan50'),
            name: 'vlan50',
            tag: 50,
            inet: { method: 'static', addresses: ['10.0.50.2/24'], gateway: '10.0.50.1' },
          },
          { id: id('dmz'), name: 'dmz', tag: 60, otherOptions: 'vlan_mode=access', autostart: 'off' },
        ],
      },
    ],
  });
}

const EXPECTED = `auto lo
iface lo inet loopback

# port enp1s0
auto enp1s0
iface enp1s0 inet manual

# port enp2s0
auto enp2s0
iface enp2s0 inet manual

# port eno1
auto eno1
iface eno1 inet manual
\tovs_type OVSPort
\tovs_bridge vmbr2

# ovs-bond bond0
auto bond0
iface bond0 inet manual
\tovs_bonds enp1s0 enp2s0
\tovs_type OVSBond
\tovs_bridge vmbr1
\tovs_mtu 9000
\tovs_options bond_mode=balance-tcp lacp=active other_config:lacp-time=fast

# ovs-bridge vmbr1
auto vmbr1
iface vmbr1 inet manual
\tovs_type OVSBridge
\tovs_ports bond0 vlan50
\tovs_mtu 9000

# lab uplink
auto vmbr2
iface vmbr2 inet manual
\tovs_type OVSBridge
\tovs_ports eno1

# ovs-int-port vlan50
auto vlan50
iface vlan50 inet static
\taddress 10.0.50.2/24
\tgateway 10.0.50.1
\tovs_type OVSIntPort
\tovs_bridge vmbr1
\tovs_options tag=50

# ovs-int-port dmz
iface dmz inet manual
\tovs_type OVSIntPort
\tovs_options tag=60 vlan_mode=access

source /etc/network/interfaces.d/*
`;

describe('Open vSwitch in the ifupdown2 target and importer', () => {
  const design = ovsDesign();
  const text = renderInterfaces(design, HOST);
  const imported = importInterfaces(text, { hostName: HOST });
  const reloaded = restored({ format: 'netloom/1', name: 'ovs', hosts: [imported.host] });
  const again = renderInterfaces(reloaded, HOST);
  const [judged, judgedAgain] = judgeInterfaces([text, again]);

  it('writes OVS stanzas as Proxmox VE writes them', () => {
    expect(text).toBe(EXPECTED);
  });

  it('is accepted by ifupdown2, which reads every OVS key', () => {
    expect(judged!.check).toMatchObject({ status: 0, stderr: '' });
    const meaning = meaningOf(judged!.all!);
    expect(meaning.bond0).toEqual({
      auto: true,
      methods: ['configured'],
      config: {
        'ovs-bonds': ['enp1s0', 'enp2s0'],
        'ovs-bridge': ['vmbr1'],
        'ovs-mtu': ['9000'],
        'ovs-options': ['bond_mode=balance-tcp lacp=active other_config:lacp-time=fast'],
        'ovs-type': ['OVSBond'],
      },
    });
    expect(meaning.vmbr1?.config).toEqual({
      'ovs-mtu': ['9000'],
      'ovs-ports': ['bond0', 'vlan50'],
      'ovs-type': ['OVSBridge'],
    });
    expect(meaning.vlan50?.config).toMatchObject({
      address: ['10.0.50.2/24'],
      'ovs-bridge': ['vmbr1'],
      'ovs-options': ['tag=50'],
      'ovs-type': ['OVSIntPort'],
    });
    expect(meaning.eno1?.config).toEqual({ 'ovs-bridge': ['vmbr2'], 'ovs-type': ['OVSPort'] });
    expect(meaning.dmz?.auto).toBe(false);
  });

  it('imports its own output as OVS elements, with nothing kept verbatim', () => {
    expect(imported.notes).toEqual([]);
    expect(imported.host.unmanaged).toEqual([]);
    const { host } = imported;
    expect(host.ovsBonds).toEqual([
      {
        id: `${HOST}-bond0`,
        name: 'bond0',
        autostart: 'auto',
        members: [`${HOST}-enp1s0`, `${HOST}-enp2s0`],
        mtu: 9000,
        bondMode: 'balance-tcp',
        lacp: 'active',
        lacpTime: 'fast',
      },
    ]);
    expect(host.ovsBridges.map((b) => [b.name, b.ports, b.comment])).toEqual([
      ['vmbr1', [`${HOST}-bond0`, `${HOST}-vlan50`], undefined],
      ['vmbr2', [`${HOST}-eno1`], 'lab uplink'],
    ]);
    expect(host.ovsIntPorts.map((p) => [p.name, p.tag, p.otherOptions, p.autostart])).toEqual([
      ['vlan50', 50, undefined, 'auto'],
      ['dmz', 60, 'vlan_mode=access', 'off'],
    ]);
    expect(host.ports.map((p) => p.extraLines)).toEqual([undefined, undefined, undefined]);
  });

  it('exports the import byte for byte, and ifupdown2 reads both the same', () => {
    expect(again).toBe(text);
    expect(meaningOf(judgedAgain!.all!)).toEqual(meaningOf(judged!.all!));
  });
});

describe('importing OVS stanzas Netloom cannot hold', () => {
  const importOf = (text: string) => importInterfaces(text, { hostName: 'h' });

  it('keeps an OVS bond whose bridge does not list it verbatim, and says why', () => {
    const { host, notes } = importOf(
      'auto vmbr1\niface vmbr1 inet manual\n\tovs_type OVSBridge\n\nauto bond0\niface bond0 inet manual\n\tovs_bonds eth0 eth1\n\tovs_type OVSBond\n\tovs_bridge vmbr1\n',
    );
    expect(host.ovsBonds).toEqual([]);
    expect(host.ovsBridges.map((b) => b.name)).toEqual(['vmbr1']);
    expect(notes).toContainEqual({
      line: 6,
      message: 'bond0 kept verbatim: its ovs_bridge vmbr1 is not an OVS bridge that lists it in ovs_ports',
      severity: 'info',
    });
  });

  it('keeps a port listed in ovs_ports without OVSPort lines verbatim with its bridge', () => {
    const { host, notes } = importOf(
      'auto eth0\niface eth0 inet manual\n\nauto vmbr0\niface vmbr0 inet manual\n\tovs_type OVSBridge\n\tovs_ports eth0\n',
    );
    expect(host.ovsBridges).toEqual([]);
    expect(notes).toContainEqual({
      line: 5,
      message: 'vmbr0 kept verbatim: it lists eth0, which does not name it in ovs_bridge',
      severity: 'info',
    });
  });

  it('keeps OVS types and settings it does not model verbatim', () => {
    const tunnel = importOf('auto gre1\niface gre1 inet manual\n\tovs_type OVSTunnel\n\tovs_bridge vmbr0\n');
    expect(tunnel.notes).toContainEqual({
      line: 2,
      message: 'gre1 kept verbatim: it is an Open vSwitch OVSTunnel, which Netloom does not model',
      severity: 'info',
    });
    const extra = importOf(
      'auto vmbr0\niface vmbr0 inet manual\n\tovs_type OVSBridge\n\tovs_extra set bridge vmbr0 stp_enable=true\n',
    );
    expect(extra.notes).toContainEqual({
      line: 2,
      message: 'vmbr0 kept verbatim: it is an Open vSwitch interface with settings Netloom does not model (ovs-extra)',
      severity: 'info',
    });
    const noType = importOf('auto vmbr0\niface vmbr0\n\tovs_ports ln0\n');
    expect(noType.notes).toContainEqual({
      line: 2,
      message: 'vmbr0 kept verbatim: it has Open vSwitch lines but no ovs_type',
      severity: 'info',
    });
  });

  it('keeps ovs_options settings it does not model beside the ones it does', () => {
    const { host } = importOf(
      'auto vmbr0\niface vmbr0 inet manual\n\tovs_type OVSBridge\n\tovs_ports sv0\n\nauto sv0\niface sv0\n\tovs_type OVSIntPort\n\tovs_bridge vmbr0\n\tovs_options vlan_mode=dot1q-tunnel tag=10 other_config:qinq-ethtype=802.1q\n',
    );
    expect(host.ovsIntPorts).toMatchObject([
      { name: 'sv0', tag: 10, otherOptions: 'vlan_mode=dot1q-tunnel other_config:qinq-ethtype=802.1q' },
    ]);
  });
});
