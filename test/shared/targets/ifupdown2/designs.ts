import { restoreDesign } from '../../../../shared/load/index.js';
import { type Design } from '../../../../shared/model/index.js';
import { exampleDesign } from '../../../helpers/design.js';

/** Parses raw JSON through the one restore step, so defaults are filled as when loading a file. */
export function restored(json: unknown): Design {
  const result = restoreDesign(json);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

/**
 * A second host with every line kind the ifupdown2 target writes: each bond
 * mode, IPv4/IPv6 static and DHCP, dotted and free-named VLAN interfaces,
 * hotplug and off autostart, MTU, bond primary and min-links, a VLAN-aware
 * bridge with STP on, extra lines and an unmanaged stanza kept verbatim.
 */
export function richDesign(): Design {
  const json = JSON.parse(JSON.stringify(exampleDesign())) as Record<string, any>;
  const port = (name: string, extra: Record<string, unknown> = {}) => ({ id: `pve2-${name}`, name, ...extra });
  const modes = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];
  json.hosts.push({
    id: 'pve2',
    name: 'pve2',
    platform: 'debian',
    ports: [
      ...modes.flatMap((_, i) => [port(`eth${2 * i}`), port(`eth${2 * i + 1}`)]),
      port('eno1', { mtu: 9000, autostart: 'hotplug', inet: { method: 'dhcp' } }),
      port('eno2', {
        autostart: 'off',
        inet6: { method: 'static', addresses: ['fd00:20::2/64'], gateway: 'fd00:20::1' },
      }),
      port('eno3', {
        inet6: { method: 'dhcp' },
        extraLines: ['post-up ethtool -K eno3 tso off', '# keep offload off'],
      }),
    ],
    bonds: modes.map((mode, i) => ({
      id: `pve2-bond${i}`,
      name: `bond${i}`,
      members: [`pve2-eth${2 * i}`, `pve2-eth${2 * i + 1}`],
      mode,
      ...(mode === 'active-backup' ? { primary: `pve2-eth${2 * i + 1}` } : {}),
      ...(mode === '802.3ad' ? { xmitHashPolicy: 'layer2+3', lacpRate: 'slow', minLinks: 1 } : {}),
      ...(mode === 'balance-xor' ? { xmitHashPolicy: 'layer2', mtu: 9000 } : {}),
    })),
    bridges: [
      {
        id: 'pve2-vmbr0',
        name: 'vmbr0',
        ports: ['pve2-bond4'],
        vlanAware: true,
        vids: '2-4094',
        stp: true,
        forwardDelay: 4,
        inet: { method: 'static', addresses: ['192.0.2.10/24', '192.0.2.11/24'], gateway: '192.0.2.1' },
        inet6: { method: 'static', addresses: ['2001:db8::10/64'], gateway: '2001:db8::1' },
      },
      { id: 'pve2-vmbr1', name: 'vmbr1', ports: ['pve2-bond1', 'pve2-storage'], comment: 'storage and backup' },
    ],
    vlans: [
      {
        id: 'pve2-vmbr0.50',
        name: 'vmbr0.50',
        parent: 'pve2-vmbr0',
        vlan: 50,
        inet: { method: 'static', addresses: ['198.51.100.2/24'] },
      },
      { id: 'pve2-storage', name: 'storage', parent: 'pve2-bond0', vlan: 60, mtu: 9000 },
      {
        id: 'pve2-bond2.70',
        name: 'bond2.70',
        parent: 'pve2-bond2',
        vlan: 70,
        autostart: 'hotplug',
        inet: { method: 'dhcp' },
      },
    ],
    vms: [],
    unmanaged: [['auto vxlan10', 'iface vxlan10 inet manual', '\tvxlan-id 10', '\tvxlan-local-tunnelip 192.0.2.10']],
  });
  return restored(json);
}
