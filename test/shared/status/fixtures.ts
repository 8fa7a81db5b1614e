/**
 * Synthetic `ip -j -d link show` / `ip -j addr show` output, written from the
 * key list in the corpus' iplink/IP-LINK-JSON-KEYS.md (no real bond fixture
 * exists), for the example design's host ms01.
 */

type Json = Record<string, unknown>;

export function physical(
  ifname: string,
  options: { up?: boolean; master?: string; slave?: Json; mtu?: number; address?: string } = {},
): Json {
  const up = options.up ?? true;
  return {
    ifindex: 2,
    ifname,
    flags: up
      ? ['BROADCAST', 'MULTICAST', ...(options.master ? ['SLAVE'] : []), 'UP', 'LOWER_UP']
      : ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
    mtu: options.mtu ?? 1500,
    qdisc: 'mq',
    operstate: up ? 'UP' : 'DOWN',
    ...(options.master && { master: options.master }),
    link_type: 'ether',
    address: options.address ?? '58:47:ca:00:00:01',
    ...(options.slave && { linkinfo: { info_slave_kind: 'bond', info_slave_data: options.slave } }),
  };
}

export function lacpSlave(aggregator: number, actor = 63, partner = 63, mii = 'UP'): Json {
  return {
    state: 'ACTIVE',
    mii_status: mii,
    link_failure_count: 0,
    perm_hwaddr: '58:47:ca:00:00:01',
    queue_id: 0,
    ad_aggregator_id: aggregator,
    ad_actor_oper_port_state: actor,
    ad_actor_oper_port_state_str: [],
    ad_partner_oper_port_state: partner,
    ad_partner_oper_port_state_str: [],
  };
}

export function bondLink(
  ifname: string,
  options: { up?: boolean; mode?: string; aggregator?: number; partnerMac?: string; mtu?: number } = {},
): Json {
  const up = options.up ?? true;
  return {
    ifindex: 10,
    ifname,
    flags: up
      ? ['BROADCAST', 'MULTICAST', 'MASTER', 'UP', 'LOWER_UP']
      : ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'MASTER', 'UP'],
    mtu: options.mtu ?? 1500,
    operstate: up ? 'UP' : 'DOWN',
    master: ifname === 'bond0' ? 'vmbr0' : 'vmbr1',
    address: '58:47:ca:00:00:01',
    linkinfo: {
      info_kind: 'bond',
      info_data: {
        mode: options.mode ?? '802.3ad',
        miimon: 100,
        updelay: 0,
        downdelay: 0,
        use_carrier: 1,
        arp_interval: 0,
        arp_validate: null,
        primary_reselect: 'always',
        fail_over_mac: 'none',
        xmit_hash_policy: 'layer3+4',
        min_links: 0,
        ad_lacp_active: 'on',
        ad_lacp_rate: 'fast',
        ad_select: 'stable',
        ad_info: {
          aggregator: options.aggregator ?? 1,
          num_ports: 2,
          actor_key: 9,
          partner_key: 1000,
          partner_mac: options.partnerMac ?? 'f8:b1:56:00:00:01',
        },
      },
    },
  };
}

export function bridgeLink(ifname: string, up = true): Json {
  return {
    ifindex: 20,
    ifname,
    flags: up ? ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'] : ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
    mtu: 1500,
    operstate: up ? 'UP' : 'DOWN',
    linkinfo: { info_kind: 'bridge', info_data: { stp_state: 0 } },
  };
}

/** The example host ms01, all healthy. */
export function ms01Links(overrides: Record<string, Json> = {}): Json[] {
  const links: Record<string, Json> = {
    lo: { ifindex: 1, ifname: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], mtu: 65536, operstate: 'UNKNOWN' },
    enp88s0: physical('enp88s0', { master: 'bond0', slave: lacpSlave(1) }),
    enp91s0: physical('enp91s0', { master: 'bond0', slave: lacpSlave(1) }),
    enp3s0f0np0: physical('enp3s0f0np0', { master: 'bond1', slave: lacpSlave(2) }),
    enp3s0f1np1: physical('enp3s0f1np1', { master: 'bond1', slave: lacpSlave(2) }),
    bond0: bondLink('bond0'),
    bond1: bondLink('bond1', { aggregator: 2 }),
    vmbr0: bridgeLink('vmbr0'),
    vmbr1: bridgeLink('vmbr1'),
    ...overrides,
  };
  return Object.values(links);
}

export function ms01Addresses(vmbr0 = ['10.2.200.30/24']): Json[] {
  return [
    { ifname: 'lo', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host' }] },
    {
      ifname: 'vmbr0',
      addr_info: [
        ...vmbr0.map((cidr) => ({
          family: 'inet',
          local: cidr.split('/')[0],
          prefixlen: Number(cidr.split('/')[1]),
          scope: 'global',
        })),
        { family: 'inet6', local: 'fe80::5a47:caff:fe00:1', prefixlen: 64, scope: 'link' },
      ],
    },
  ];
}

export const MS01_SYSFS = [
  'lo ? ?',
  'enp88s0 2500 full',
  'enp91s0 2500 full',
  'enp3s0f0np0 10000 full',
  'enp3s0f1np1 10000 full',
  'bond0 5000 full',
  'bond1 20000 full',
  'vmbr0 ? ?',
  'vmbr1 ? ?',
];

/** The status script's output for ms01, as the poller receives it. */
export function scriptOutput(
  parts: { links?: Json[]; addresses?: Json[]; sysfs?: string[]; bonding?: Record<string, string> } = {},
): string {
  const bonding = Object.entries(parts.bonding ?? {}).flatMap(([name, text]) => [`@@netloom bonding ${name}`, text]);
  return [
    ...bonding,
    '@@netloom ip-link',
    JSON.stringify(parts.links ?? ms01Links()),
    '@@netloom ip-addr',
    JSON.stringify(parts.addresses ?? ms01Addresses()),
    '@@netloom sysfs',
    ...(parts.sysfs ?? MS01_SYSFS),
    '@@netloom end',
    '',
  ].join('\n');
}
