import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDevice } from '../../../../shared/targets/index.js';
import { ifupdown2Target, renderInterfaces } from '../../../../shared/targets/ifupdown2/index.js';
import { exampleDesign } from '../../../helpers/design.js';
import { judgeInterfaces, meaningOf } from '../../../helpers/ifupdown2.js';
import { restored, richDesign } from './designs.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('ifupdown2 target', () => {
  const example = renderInterfaces(exampleDesign(), 'ms01');
  const rich = renderInterfaces(richDesign(), 'pve2');
  const [exampleJudged, richJudged] = judgeInterfaces([example, rich]);

  it('writes the MS-01 configuration, as ifupdown2 reads it', () => {
    expect(exampleJudged!.check).toMatchObject({ status: 0, stderr: '' });
    const meaning = meaningOf(exampleJudged!.auto!);
    expect(meaning.bond0).toEqual({
      auto: true,
      methods: ['configured'],
      config: {
        'bond-lacp-rate': ['fast'],
        'bond-miimon': ['100'],
        'bond-mode': ['802.3ad'],
        'bond-slaves': ['enp88s0', 'enp91s0'],
        'bond-xmit-hash-policy': ['layer3+4'],
      },
    });
    expect(meaning.bond1?.config).toEqual({ ...meaning.bond0!.config, 'bond-slaves': ['enp3s0f0np0', 'enp3s0f1np1'] });
    expect(meaning.vmbr0).toEqual({
      auto: true,
      methods: ['configured'],
      config: {
        address: ['10.2.200.30/24'],
        gateway: ['10.2.200.1'],
        'bridge-fd': ['0'],
        'bridge-ports': ['bond0'],
        'bridge-stp': ['no'],
        'bridge-vlan-aware': ['no'],
      },
    });
    expect(meaning.vmbr1).toEqual({
      auto: true,
      methods: ['configured'],
      config: {
        'bridge-fd': ['0'],
        'bridge-ports': ['bond1'],
        'bridge-pvid': ['240'],
        'bridge-stp': ['no'],
        'bridge-vids': [
          [...Array.from({ length: 239 }, (_, i) => i + 1), ...Array.from({ length: 15 }, (_, i) => i + 241)].join(','),
        ],
        'bridge-vlan-aware': ['yes'],
      },
    });
    expect(Object.keys(meaning).sort()).toEqual([
      'bond0',
      'bond1',
      'enp3s0f0np0',
      'enp3s0f1np1',
      'enp88s0',
      'enp91s0',
      'vmbr0',
      'vmbr1',
    ]);
  });

  it('matches the golden files byte for byte, and is deterministic', () => {
    expect(example).toBe(fixture('homelab.interfaces'));
    expect(rich).toBe(fixture('rich.interfaces'));
    expect(renderInterfaces(richDesign(), 'pve2')).toBe(rich);
  });

  it('writes every bond mode, address family, VLAN style and autostart that ifupdown2 accepts', () => {
    expect(richJudged!.check).toMatchObject({ status: 0, stderr: '' });
    const all = meaningOf(richJudged!.all!);
    ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'].forEach(
      (mode, i) => {
        expect(all[`bond${i}`]?.config['bond-mode']).toEqual([mode]);
        expect(all[`bond${i}`]?.config['bond-slaves']).toEqual([`eth${2 * i}`, `eth${2 * i + 1}`]);
      },
    );
    expect(all.bond1?.config['bond-primary']).toEqual(['eth3']);
    expect(all.bond4?.config).toMatchObject({
      'bond-xmit-hash-policy': ['layer2+3'],
      'bond-lacp-rate': ['slow'],
      'bond-min-links': ['1'],
    });
    expect(all.bond2?.config.mtu).toEqual(['9000']);
    expect(all.vmbr0).toEqual({
      auto: true,
      methods: ['configured'],
      config: {
        address: ['192.0.2.10/24', '192.0.2.11/24', '2001:db8::10/64'],
        gateway: ['192.0.2.1', '2001:db8::1'],
        'bridge-fd': ['4'],
        'bridge-ports': ['bond4'],
        'bridge-stp': ['yes'],
        'bridge-vids': [Array.from({ length: 4093 }, (_, i) => i + 2).join(',')],
        'bridge-vlan-aware': ['yes'],
      },
    });
    const methods = (name: string) =>
      richJudged!.all!.filter((s) => s.name === name).map((s) => `${s.addr_family} ${s.addr_method}`);
    expect(methods('vmbr0')).toEqual(['inet static', 'inet6 static']);
    expect(methods('eno2')).toEqual(['inet6 static']);
    expect(methods('bond0')).toEqual(['inet manual']);
    expect(all.vmbr1?.config['bridge-ports']).toEqual(['bond1', 'storage']);
    expect(all['vmbr0.50']).toEqual({ auto: true, methods: ['configured'], config: { address: ['198.51.100.2/24'] } });
    expect(all.storage?.config).toEqual({ 'vlan-raw-device': ['bond0'], 'vlan-id': ['60'], mtu: ['9000'] });
    expect(all['bond2.70']).toEqual({ auto: false, methods: ['inet dhcp'], config: {} });
    expect(all.eno1).toEqual({ auto: false, methods: ['inet dhcp'], config: { mtu: ['9000'] } });
    expect(all.eno2).toEqual({
      auto: false,
      methods: ['configured'],
      config: { address: ['fd00:20::2/64'], gateway: ['fd00:20::1'] },
    });
    expect(all.eno3?.methods).toEqual(['inet6 dhcp']);
    expect(all.eno3?.config).toEqual({ 'post-up': ['ethtool -K eno3 tso off'] });
    expect(all.vxlan10?.config).toEqual({ 'vxlan-id': ['10'], 'vxlan-local-tunnelip': ['192.0.2.10'] });
    // `auto` and `allow-hotplug` as written: only `auto` interfaces come up with -a.
    expect(meaningOf(richJudged!.auto!)).not.toHaveProperty('eno1');
  });

  it('writes the stanzas Proxmox VE writes: loopback first, a comment naming each element, source last', () => {
    expect(rich.startsWith('auto lo\niface lo inet loopback\n\n')).toBe(true);
    expect(rich.endsWith('\nsource /etc/network/interfaces.d/*\n')).toBe(true);
    expect(rich).toContain(
      '# bond bond1\nauto bond1\niface bond1 inet manual\n\tbond-slaves eth2 eth3\n\tbond-primary eth3\n',
    );
    expect(rich).toContain('# storage and backup\nauto vmbr1\n');
    expect(rich).toContain(
      '# vlan storage\nauto storage\niface storage inet manual\n\tvlan-raw-device bond0\n\tvlan-id 60\n',
    );
    expect(rich).toContain('allow-hotplug eno1\n');
    expect(rich).not.toContain('auto eno2\n');
    // Dependency order: every port before any bond, bonds before bridges, bridges before VLAN interfaces.
    const at = (text: string) => rich.indexOf(text);
    expect(at('iface eno3 ')).toBeLessThan(at('iface bond0 '));
    expect(at('iface bond6 ')).toBeLessThan(at('iface vmbr0 '));
    expect(at('iface vmbr1 ')).toBeLessThan(at('iface vmbr0.50 '));
    expect(at('iface bond2.70 ')).toBeLessThan(at('iface vxlan10 '));
  });

  it('links every stanza line to its element for the preview', () => {
    const [file] = ifupdown2Target.render(richDesign(), 'pve2');
    const lines = file!.content.split('\n');
    const owner = (text: string) => file!.lineElements![lines.indexOf(text)];
    expect(owner('iface vmbr0 inet static')).toBe('pve2-vmbr0');
    expect(owner('\tbridge-vids 2-4094')).toBe('pve2-vmbr0');
    expect(owner('iface vmbr0 inet6 static')).toBe('pve2-vmbr0');
    expect(owner('\tpost-up ethtool -K eno3 tso off')).toBe('pve2-eno3');
    expect(owner('# bond bond6')).toBe('pve2-bond6');
    expect(owner('\tvxlan-id 10')).toBe('pve2');
    expect(file!.lineElements).toHaveLength(lines.length - 1);
  });

  it('writes the Proxmox forms for bridges without ports and IPv6 autoconfiguration', () => {
    // Proxmox VE's ifupdown2 (3.1+) reads these; Debian bookworm's 3.0.0 does not, so they are not judged here.
    const design = exampleDesign();
    const host = design.hosts[0]!;
    host.bridges.push({
      id: 'ms01-vmbr9',
      name: 'vmbr9',
      ports: [],
      vlanAware: false,
      stp: false,
      forwardDelay: 0,
      autostart: 'auto',
      inet6: { method: 'auto' },
    });
    const text = renderInterfaces(design, 'ms01');
    expect(text).toContain(
      'auto vmbr9\niface vmbr9 inet6 auto\n\tbridge-ports none\n\tbridge-stp off\n\tbridge-fd 0\n',
    );
  });

  it('lets an unmanaged loopback stanza replace the default one', () => {
    const design = restored({
      format: 'netloom/1',
      name: 'lo',
      hosts: [{ id: 'h', name: 'h', unmanaged: [['auto lo', 'iface lo inet loopback', '\taddress 10.255.0.1/32']] }],
    });
    const text = renderInterfaces(design, 'h');
    expect(text.match(/iface lo /g)).toHaveLength(1);
    expect(judgeInterfaces([text])[0]!.check.status).toBe(0);
  });

  it('is part of every host device, not of switches', () => {
    const design = exampleDesign();
    expect(renderDevice(design, 'ms01').map((f) => f.path)).toEqual(['etc/network/interfaces', 'vm-nics.sh']);
    expect(ifupdown2Target.appliesTo(design, 'n4032')).toBe(false);
  });
});
