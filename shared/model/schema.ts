/**
 * The design document, as zod schemas. Field order here is the key order of
 * saved files. Attribute fields come from the kind tables in `kinds/`;
 * cross-element integrity (unique ids, references) is checked in
 * `integrity.ts` as part of the one `restore` step.
 */
import { z } from 'zod';
import { attributeShape, attributeValueSchema } from './attributes.js';
import { DatacenterFirewall, HostFirewall, VmFirewall } from './firewall.js';
import { parseIp, parseIpv4, parseIpv6, parsePrefix } from './ip.js';
import { bondAttributes } from './kinds/bond.js';
import { bridgeAttributes } from './kinds/bridge.js';
import { networkAttributes } from './kinds/network.js';
import { portChannelAttributes } from './kinds/port-channel.js';
import { portAttributes } from './kinds/port.js';
import { switchPortAttributes } from './kinds/switch-port.js';
import { vlanInterfaceAttributes } from './kinds/vlan.js';
import { vmNicAttributes } from './kinds/vm-nic.js';
import { ovsBondAttributes } from './kinds/ovs-bond.js';
import { ovsBridgeAttributes } from './kinds/ovs-bridge.js';
import { ovsIntPortAttributes } from './kinds/ovs-int-port.js';
import { portGroupAttributes } from './kinds/port-group.js';
import { vmAttributes } from './kinds/vm.js';
import { vswitchAttributes } from './kinds/vswitch.js';
import { bridgeRuleAttributes } from './kinds/bridge-rule.js';
import { virtualNetworkAttributes } from './kinds/virtual-network.js';
import { BridgeFilterSettings, LibvirtNetworkName } from './libvirt.js';
import type { ElementKind, ShapeOf } from './kinds/index.js';
import { checkDescription, checkDeviceName, checkInterfaceName } from './names.js';
import { extraLinesProblems, splitBlockText, splitContinuedLine, unmanagedBlockProblems } from './verbatim.js';
import { VLAN_MAX, VLAN_MIN } from './vlan-set.js';

export const FORMAT = 'netloom/1';

/**
 * A refinement by a check that names what is wrong (or `undefined`): the check runs once per value,
 * and again only for a value that fails, to word the problem; a half-million-element design
 * passes through it without a problem object made per value.
 */
function checkedBy(check: (value: string) => string | undefined, prefix = '') {
  return [
    (value: string) => check(value) === undefined,
    { error: (issue: { readonly input?: unknown }) => `${prefix}${check(String(issue.input))}` },
  ] as const;
}

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'must be an id: letters, digits and . _ -, up to 80 characters');

export const InterfaceName = z.string().refine(...checkedBy(checkInterfaceName, 'interface name '));
export const DeviceName = z.string().refine(...checkedBy(checkDeviceName, 'device name '));
const Label = z
  .string()
  .min(1, 'must not be empty')
  .refine(...checkedBy(checkDescription));

export const VlanId = z
  .number()
  .int()
  .min(VLAN_MIN, `VLAN id must be between ${VLAN_MIN} and ${VLAN_MAX}`)
  .max(VLAN_MAX, `VLAN id must be between ${VLAN_MIN} and ${VLAN_MAX}`);

const Ipv4Address = z.string().refine((s) => parseIpv4(s) !== undefined, 'must be an IPv4 address such as 10.2.200.1');
const Ipv6Address = z.string().refine((s) => parseIpv6(s) !== undefined, 'must be an IPv6 address such as fd00::1');
const Ipv4Cidr = z
  .string()
  .refine(
    (s) => parsePrefix(s)?.address.family === 4,
    'must be an IPv4 address with prefix length, such as 10.2.200.30/24',
  );
const Ipv6Cidr = z
  .string()
  .refine(
    (s) => parsePrefix(s)?.address.family === 6,
    'must be an IPv6 address with prefix length, such as fd00::30/64',
  );
export const IpAddressText = z.string().refine((s) => parseIp(s) !== undefined, 'must be an IPv4 or IPv6 address');
const CidrText = z.string().refine((s) => parsePrefix(s) !== undefined, 'must be a prefix such as 10.2.240.0/24');

/** IPv4 configuration of an interface; absent means `inet manual`. */
export const Inet = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('static'), addresses: z.array(Ipv4Cidr).min(1), gateway: Ipv4Address.optional() }),
  z.strictObject({ method: z.literal('dhcp') }),
]);
/** IPv6 configuration of an interface; absent means no inet6 stanza. */
export const Inet6 = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('static'), addresses: z.array(Ipv6Cidr).min(1), gateway: Ipv6Address.optional() }),
  z.strictObject({ method: z.literal('dhcp') }),
  z.strictObject({ method: z.literal('auto') }),
]);

export const AUTOSTART = ['auto', 'hotplug', 'off'] as const;

/**
 * Attribute lines Netloom does not model (post-up, unknown keys), kept verbatim
 * from an import: one line per entry, none reaching outside its interface (see
 * `verbatim.ts`). A continued line stored the older way, with its following
 * lines in one entry, loads as its lines.
 */
const ExtraLines = z
  .array(z.string())
  .superRefine((entries, ctx) => {
    const lines = entries.flatMap((entry, index) =>
      (splitContinuedLine(entry) ?? [entry]).map((line) => ({ line, index })),
    );
    const reported = new Set<number>();
    for (const p of extraLinesProblems(lines.map((l) => l.line))) {
      const index = lines[p.index]!.index;
      if (!reported.has(index)) ctx.addIssue({ code: 'custom', path: [index], message: p.message });
      reported.add(index);
    }
  })
  .transform((entries) => entries.flatMap((entry) => splitContinuedLine(entry) ?? [entry]));

/**
 * Whole stanzas Netloom does not model (OVS, vxlan, ...), kept verbatim from an
 * import: one line per entry (see `verbatim.ts`). A block stored the older
 * way, as one string, loads as its lines.
 */
const UnmanagedBlock = z.preprocess(
  (block) => (typeof block === 'string' ? splitBlockText(block) : block),
  z.array(z.string()).superRefine((lines, ctx) => {
    for (const p of unmanagedBlockProblems(lines))
      ctx.addIssue({ code: 'custom', path: [p.index], message: p.message });
  }),
);

/** What every host interface (port, bond, bridge, VLAN interface) has beside its kind's attributes. */
const interfaceCommon = {
  inet: Inet.optional(),
  inet6: Inet6.optional(),
  autostart: z.enum(AUTOSTART).default('auto'),
  extraLines: ExtraLines.optional(),
};

export const Port = z.strictObject({
  id: Id,
  name: InterfaceName,
  ...attributeShape(portAttributes),
  ...interfaceCommon,
});

export const Bond = z.strictObject({
  id: Id,
  name: InterfaceName,
  members: z.array(Id),
  primary: Id.optional(),
  ...attributeShape(bondAttributes),
  ...interfaceCommon,
});

export const Bridge = z.strictObject({
  id: Id,
  name: InterfaceName,
  ports: z.array(Id),
  ...attributeShape(bridgeAttributes),
  ...interfaceCommon,
});

export const VlanInterface = z.strictObject({
  id: Id,
  name: InterfaceName,
  parent: Id,
  vlan: VlanId,
  ...attributeShape(vlanInterfaceAttributes),
  ...interfaceCommon,
});

/** An Open vSwitch bridge; its ports are host ports, OVS bonds and OVS internal ports. */
export const OvsBridge = z.strictObject({
  id: Id,
  name: InterfaceName,
  ports: z.array(Id),
  ...attributeShape(ovsBridgeAttributes),
  ...interfaceCommon,
});

export const OvsBond = z.strictObject({
  id: Id,
  name: InterfaceName,
  members: z.array(Id),
  ...attributeShape(ovsBondAttributes),
  ...interfaceCommon,
});

export const OvsIntPort = z.strictObject({
  id: Id,
  name: InterfaceName,
  ...attributeShape(ovsIntPortAttributes),
  ...interfaceCommon,
});

/** ESXi takes up to 32 characters for a vSwitch name; Netloom keeps to a plain alphabet. */
const VswitchName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'must be a vSwitch name: letters, digits, . _ -, up to 32 characters');

/** Port group names such as "VM Network": letters, digits, spaces and . _ -, up to 59 characters as vSphere allows. */
const PortGroupName = z
  .string()
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9 _.-]{0,57}[A-Za-z0-9_.-])?$/,
    'must be a port group name: letters, digits, spaces and . _ -, up to 59 characters, no space at either end',
  );

/** An ESXi standard vSwitch; its uplinks are host ports, one list per teaming role. */
export const Vswitch = z.strictObject({
  id: Id,
  name: VswitchName,
  activeUplinks: z.array(Id),
  standbyUplinks: z.array(Id).default([]),
  unusedUplinks: z.array(Id).default([]),
  ...attributeShape(vswitchAttributes),
});

/** An ESXi port group on a vSwitch of the same host. */
export const PortGroup = z.strictObject({
  id: Id,
  name: PortGroupName,
  vswitch: Id,
  ...attributeShape(portGroupAttributes),
});

export const VmNic = z.strictObject({
  id: Id,
  slot: z.number().int().min(0).max(31),
  bridge: Id,
  tag: VlanId.optional(),
  ...attributeShape(vmNicAttributes),
});

export const Vm = z.strictObject({
  id: Id,
  vmid: z.number().int().min(100).max(999999999),
  name: DeviceName,
  nics: z.array(VmNic),
  ...attributeShape(vmAttributes),
  /** `<vmid>.fw`: the VM's firewall options, aliases, IP sets and rules. */
  firewall: VmFirewall.optional(),
});

/** A libvirt network or VMware VMnet on its host; VM NICs attach to it as to a bridge. */
export const VirtualNetwork = z.strictObject({
  id: Id,
  name: LibvirtNetworkName,
  /** Bridged networks: the host port, bond or bridge the VMs share. */
  uplink: Id.optional(),
  ...attributeShape(virtualNetworkAttributes),
});

/** One FORWARD rule for bridged VM traffic on a libvirt host. */
export const BridgeRule = z.strictObject({
  id: Id,
  ...attributeShape(bridgeRuleAttributes),
});

export const PLATFORMS = ['proxmox', 'debian', 'libvirt', 'vmware-workstation', 'esxi'] as const;

export const SshTarget = z.strictObject({
  address: z
    .string()
    .refine(
      (s) =>
        parseIp(s) !== undefined ||
        /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(
          s,
        ),
      'must be an IP address or a DNS name',
    ),
  port: z.number().int().min(1).max(65535).default(22),
  user: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'must be a Unix user name such as root'),
});

export const Host = z.strictObject({
  id: Id,
  name: DeviceName,
  platform: z.enum(PLATFORMS).default('proxmox'),
  ssh: SshTarget.optional(),
  ports: z.array(Port).default([]),
  bonds: z.array(Bond).default([]),
  bridges: z.array(Bridge).default([]),
  vlans: z.array(VlanInterface).default([]),
  ovsBridges: z.array(OvsBridge).default([]),
  ovsBonds: z.array(OvsBond).default([]),
  ovsIntPorts: z.array(OvsIntPort).default([]),
  vswitches: z.array(Vswitch).default([]),
  portGroups: z.array(PortGroup).default([]),
  vms: z.array(Vm).default([]),
  virtualNetworks: z.array(VirtualNetwork).default([]),
  bridgeRules: z.array(BridgeRule).default([]),
  /** libvirt hosts: whether bridged frames pass through iptables (`bridgeRules`), and FORWARD's policy. */
  bridgeFilter: BridgeFilterSettings.optional(),
  /** `host.fw`: the node's own firewall options and rules. */
  firewall: HostFirewall.optional(),
  /** Whole stanzas Netloom does not model (OVS, vxlan, ...), kept verbatim from an import. */
  unmanaged: z.array(UnmanagedBlock).default([]),
});

export const SWITCH_VENDORS = ['dell-os6', 'cisco-ios'] as const;
export type SwitchVendor = (typeof SWITCH_VENDORS)[number];

/** Layer-2 mode of a switch port or port-channel; absent means the vendor default (access VLAN 1). */
export const Switchport = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('access'), vlan: VlanId }),
  z.strictObject({
    mode: z.literal('trunk'),
    allowed: z.union([
      z.literal('all'),
      attributeValueSchema({ type: 'vlan-list', label: 'Allowed VLANs', help: '' } as const),
    ]),
    native: VlanId.optional(),
  }),
]);

export const SwitchPort = z.strictObject({
  id: Id,
  name: z.string(),
  ...attributeShape(switchPortAttributes),
  switchport: Switchport.optional(),
});

export const PortChannel = z.strictObject({
  id: Id,
  number: z.number().int().min(1).max(128),
  members: z.array(Id),
  ...attributeShape(portChannelAttributes),
  switchport: Switchport.optional(),
});

export const Switch = z.strictObject({
  id: Id,
  name: DeviceName,
  vendor: z.enum(SWITCH_VENDORS),
  management: IpAddressText.optional(),
  /** Where `netloom deploy` logs in to the switch's CLI; passwords and enable secrets are asked at deploy time, never stored. */
  ssh: SshTarget.optional(),
  /** Units in the stack (1 for a lone switch); ports of every unit belong to this one switch. */
  stackUnits: z.number().int().min(1).max(12).default(1),
  /** The other switch of an MLAG / MC-LAG pair, if any. */
  mlagPeer: Id.optional(),
  ports: z.array(SwitchPort).default([]),
  portChannels: z.array(PortChannel).default([]),
});

export const Network = z.strictObject({
  id: Id,
  vlan: VlanId,
  name: Label,
  subnet: CidrText.optional(),
  gateway: IpAddressText.optional(),
  ...attributeShape(networkAttributes),
});

export const Cable = z.strictObject({
  id: Id,
  hostPort: Id,
  switchPort: Id,
});

export const Position = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const Design = z.strictObject({
  format: z.literal(FORMAT),
  name: Label,
  networks: z.array(Network).default([]),
  hosts: z.array(Host).default([]),
  switches: z.array(Switch).default([]),
  cables: z.array(Cable).default([]),
  /** `cluster.fw`: the datacenter firewall (options, aliases, IP sets, rules, security groups) of the Proxmox hosts. */
  firewall: DatacenterFirewall.optional(),
  /** Canvas positions by element id; part of the document, never live state. */
  layout: z.record(Id, Position).default({}),
});

/** Compiling `Design` takes zod about 60 ms, once; from a few MiB of design text the compiled parser has paid for it. */
export const COMPILE_FROM_CHARS = 4 * 2 ** 20;
let compiledDesign: typeof Design | undefined;

/**
 * The parser for a design of `size` characters: zod's compiled parser
 * (straight-line code, about half the runtime parser's time) once a design
 * that large has been met in this process, else `Design` itself, as it is
 * where code cannot be generated (a page whose CSP forbids eval). Input the
 * compiled parser rejects goes through the runtime parser, so problems read
 * the same either way.
 */
export function designParser(size = 0): typeof Design {
  if (!compiledDesign && size >= COMPILE_FROM_CHARS && z.util.allowsEval.value) compiledDesign = z.compile(Design);
  return compiledDesign ?? Design;
}

/** The schema of each element kind the palette creates, to fill in defaults and check a new element. */
export const ELEMENT_SCHEMAS: { readonly [K in ElementKind]?: z.ZodType<ShapeOf<K>, unknown> } = {
  port: Port,
  bond: Bond,
  bridge: Bridge,
  vlan: VlanInterface,
  'ovs-bond': OvsBond,
  'ovs-bridge': OvsBridge,
  'ovs-int-port': OvsIntPort,
  vswitch: Vswitch,
  'port-group': PortGroup,
  vm: Vm,
  'virtual-network': VirtualNetwork,
  'bridge-rule': BridgeRule,
  'switch-port': SwitchPort,
  'port-channel': PortChannel,
};

export type Port = z.infer<typeof Port>;
export type Bond = z.infer<typeof Bond>;
export type Bridge = z.infer<typeof Bridge>;
export type VlanInterface = z.infer<typeof VlanInterface>;
export type OvsBridge = z.infer<typeof OvsBridge>;
export type OvsBond = z.infer<typeof OvsBond>;
export type OvsIntPort = z.infer<typeof OvsIntPort>;
export type Vswitch = z.infer<typeof Vswitch>;
export type PortGroup = z.infer<typeof PortGroup>;
export type VmNic = z.infer<typeof VmNic>;
export type Vm = z.infer<typeof Vm>;
export type VirtualNetwork = z.infer<typeof VirtualNetwork>;
export type BridgeRule = z.infer<typeof BridgeRule>;
export type Host = z.infer<typeof Host>;
export type SshTarget = z.infer<typeof SshTarget>;
export type Switchport = z.infer<typeof Switchport>;
export type SwitchPort = z.infer<typeof SwitchPort>;
export type PortChannel = z.infer<typeof PortChannel>;
export type Switch = z.infer<typeof Switch>;
export type Network = z.infer<typeof Network>;
export type Cable = z.infer<typeof Cable>;
export type Position = z.infer<typeof Position>;
export type Design = z.infer<typeof Design>;
export type Inet = z.infer<typeof Inet>;
export type Inet6 = z.infer<typeof Inet6>;
export type PlatformId = (typeof PLATFORMS)[number];

export type { HostInterface } from './kinds/index.js';
