/**
 * KVM/libvirt hosts: virtual networks (NAT with a subnet and DHCP range,
 * isolated, or bridged onto a host bridge), and the host's filter for
 * bridged traffic (`net.bridge.bridge-nf-call-iptables` and FORWARD rules
 * with `-m physdev --physdev-is-bridged`), as the usual KVM guides set them up.
 */
import { z } from 'zod';
import { parseIpv4, parsePrefix, prefixContains } from './ip.js';
import { checkInterfaceName } from './names.js';

/** libvirt network names end up in file names and `virsh` arguments: a small alphabet. */
export const LibvirtNetworkName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/,
    'must be a libvirt network name: letters, digits, . _ -, up to 50 characters',
  );

const BridgeName = z.string().superRefine((name, ctx) => {
  const problem = checkInterfaceName(name);
  if (problem) ctx.addIssue({ code: 'custom', message: `bridge name ${problem}` });
});

const Ipv4 = z.string().refine((s) => parseIpv4(s) !== undefined, 'must be an IPv4 address such as 192.168.100.10');

/** The host's own address on a routed (NAT or isolated) network, with the prefix: `192.168.100.1/24`; DHCP hands out a range inside it. */
export const RoutedSubnet = z
  .strictObject({
    address: z
      .string()
      .refine(
        (s) => parsePrefix(s)?.address.family === 4,
        'must be an IPv4 address with prefix length, such as 192.168.100.1/24',
      ),
    dhcp: z.strictObject({ start: Ipv4, end: Ipv4 }).optional(),
  })
  .superRefine((subnet, ctx) => {
    const prefix = parsePrefix(subnet.address);
    if (!prefix || !subnet.dhcp) return;
    const [start, end] = [parseIpv4(subnet.dhcp.start), parseIpv4(subnet.dhcp.end)];
    for (const [key, address] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (address && !prefixContains(prefix, address))
        ctx.addIssue({
          code: 'custom',
          path: ['dhcp', key],
          message: `DHCP range ${key} ${subnet.dhcp[key]} is outside ${subnet.address}`,
        });
    }
    if (start && end && start.value > end.value)
      ctx.addIssue({
        code: 'custom',
        path: ['dhcp'],
        message: `DHCP range starts (${subnet.dhcp.start}) after it ends (${subnet.dhcp.end})`,
      });
    if (prefix && start && end && prefix.address.value >= start.value && prefix.address.value <= end.value) {
      ctx.addIssue({
        code: 'custom',
        path: ['dhcp'],
        message: `the DHCP range includes the host's own address ${subnet.address}`,
      });
    }
  });

/**
 * A libvirt virtual network. `nat`: VMs get addresses on a subnet of their
 * own behind the host (not on the LAN). `isolated`: the same subnet, no way
 * out. `bridge`: VMs sit on a host bridge that holds a physical port, in the
 * LAN's segment (the host's interfaces config carries the bridge).
 */
export const LibvirtNetwork = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('nat'), name: LibvirtNetworkName, bridgeName: BridgeName, ipv4: RoutedSubnet }),
  // Without an address the isolated network is a plain switch: the host is not on it.
  z.strictObject({
    mode: z.literal('isolated'),
    name: LibvirtNetworkName,
    bridgeName: BridgeName,
    ipv4: RoutedSubnet.optional(),
  }),
  z.strictObject({ mode: z.literal('bridge'), name: LibvirtNetworkName, bridgeName: BridgeName }),
]);

export const BRIDGE_FILTER_ACTIONS = ['ACCEPT', 'DROP', 'REJECT'] as const;
export const BRIDGE_FILTER_PROTOCOLS = ['tcp', 'udp', 'icmp'] as const;

const Cidr = z
  .string()
  .refine(
    (s) => parsePrefix(s)?.address.family === 4 || parseIpv4(s) !== undefined,
    'must be an IPv4 address or network such as 10.0.0.0/24',
  );

/** One FORWARD rule for bridged traffic (`-m physdev --physdev-is-bridged`). */
export const BridgeFilterRule = z
  .strictObject({
    /** Only frames that enter (`in`) or leave (`out`) the bridge through this port, such as the uplink `enp1s0` or a VM's `vnet0`. */
    physdevIn: BridgeName.optional(),
    physdevOut: BridgeName.optional(),
    source: Cidr.optional(),
    destination: Cidr.optional(),
    protocol: z.enum(BRIDGE_FILTER_PROTOCOLS).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    action: z.enum(BRIDGE_FILTER_ACTIONS),
    comment: z
      .string()
      .regex(
        /^[A-Za-z0-9 .,:;/_()+=@-]{1,200}$/,
        'must be one line of letters, digits, spaces and . , : ; / _ ( ) + = @ -, up to 200 characters',
      )
      .optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.port !== undefined && rule.protocol !== 'tcp' && rule.protocol !== 'udp') {
      ctx.addIssue({ code: 'custom', path: ['port'], message: 'a port needs the protocol tcp or udp' });
    }
  });

export const FORWARD_POLICIES = ['ACCEPT', 'DROP'] as const;

/** How a host treats bridged frames: whether iptables sees them at all, and what FORWARD does with what no rule matched. */
export const BridgeFilterSettings = z.strictObject({
  /** `net.bridge.bridge-nf-call-iptables = 1`: bridged IPv4 frames pass through iptables' FORWARD chain. */
  bridgeNetfilter: z.boolean().default(false),
  forwardPolicy: z.enum(FORWARD_POLICIES).default('ACCEPT'),
});

/** The settings and the FORWARD rules, in order. */
export const BridgeFilter = BridgeFilterSettings.extend({ rules: z.array(BridgeFilterRule).default([]) });

export type LibvirtNetwork = z.infer<typeof LibvirtNetwork>;
export type RoutedSubnet = z.infer<typeof RoutedSubnet>;
export type BridgeFilterRule = z.infer<typeof BridgeFilterRule>;
export type BridgeFilter = z.infer<typeof BridgeFilter>;
export type BridgeFilterSettings = z.infer<typeof BridgeFilterSettings>;
