/**
 * What the Proxmox VE firewall of a design lets through, as far as the checks
 * need it: which levels are on, the default input policy, what an address in
 * a rule stands for (aliases and IP sets resolved the way pve-firewall
 * resolves them) and whether some accepting rule admits traffic from a
 * network to a TCP port. pve-firewall's own built-in rules are part of it:
 * the `management` IP set (which always holds the host's local network)
 * may reach the API (8006) and SSH (22).
 */
import {
  parseFirewallReference,
  type AnyFirewallRule,
  type DatacenterFirewall,
  type FirewallAction,
  type FirewallReference,
  type IpSet,
  type VmFirewall,
} from '../model/firewall.js';
import { parseIp, parsePrefix, prefixContains, prefixNetwork, type IpPrefix } from '../model/ip.js';
import type { PathSegment } from '../model/paths.js';
import type { Design, Host, Vm } from '../model/schema.js';
import { PLATFORM_REGISTRY, type PlatformTargetId } from '../platforms/index.js';

/** Whether the host's platform runs the Proxmox VE firewall (its files are one of the platform's targets). */
export function runsPveFirewall(host: Host): boolean {
  const targets: readonly PlatformTargetId[] = PLATFORM_REGISTRY[host.platform].targets;
  return targets.includes('pve-firewall');
}

/** The ports a macro opens, for the macros the checks reason about. */
const MACRO_TCP_PORTS: Readonly<Record<string, readonly number[]>> = {
  SSH: [22],
  HTTP: [80],
  HTTPS: [443],
  Web: [80, 443],
};

/** Where a rule is evaluated: its own level's aliases and IP sets, then the datacenter's. */
export interface FirewallScope {
  readonly datacenter: DatacenterFirewall;
  readonly vm?: VmFirewall;
}

export function resolveReference(
  scope: FirewallScope,
  ref: FirewallReference,
): { aliasCidr?: string; ipset?: IpSet } | undefined {
  const local = ref.scope !== 'dc' ? scope.vm : undefined;
  const dc = ref.scope !== 'guest' ? scope.datacenter : undefined;
  if (ref.kind === 'alias') {
    const lower = ref.name.toLowerCase();
    const alias = [local, dc].flatMap((level) => level?.aliases ?? []).find((a) => a.name.toLowerCase() === lower);
    return alias && { aliasCidr: alias.cidr };
  }
  const ipset = [local, dc].flatMap((level) => level?.ipsets ?? []).find((s) => s.name === ref.name);
  return ipset && { ipset };
}

function asPrefix(text: string): IpPrefix | undefined {
  const address = parseIp(text);
  if (address) return { address, length: address.family === 4 ? 32 : 128 };
  return parsePrefix(text);
}

const covers = (outer: IpPrefix, inner: IpPrefix) =>
  outer.length <= inner.length && prefixContains(outer, inner.address);

/** Whether a rule's source (absent = anywhere) admits every address of `net`. */
export function sourceCovers(scope: FirewallScope, source: string | undefined, net: IpPrefix): boolean {
  if (source === undefined) return true;
  const ref = parseFirewallReference(source);
  if (ref) {
    const target = resolveReference(scope, ref);
    if (target?.aliasCidr) return sourceCovers(scope, target.aliasCidr, net);
    return target?.ipset ? ipsetCovers(scope, target.ipset, net) : false;
  }
  return source.split(',').some((element) => {
    const prefix = asPrefix(element);
    return prefix !== undefined && covers(prefix, net);
  });
}

function ipsetCovers(scope: FirewallScope, ipset: IpSet, net: IpPrefix): boolean {
  const excluded = ipset.entries.some((e) => e.nomatch && entryOverlaps(scope, e.cidr, net));
  return !excluded && ipset.entries.some((e) => !e.nomatch && sourceCovers(scope, e.cidr, net));
}

function entryOverlaps(scope: FirewallScope, cidr: string, net: IpPrefix): boolean {
  const ref = parseFirewallReference(cidr);
  const text = ref ? resolveReference(scope, ref)?.aliasCidr : cidr;
  const prefix = text === undefined ? undefined : asPrefix(text);
  return prefix !== undefined && (covers(prefix, net) || covers(net, prefix));
}

function portListHas(list: string, port: number): boolean {
  return list.split(',').some((item) => {
    const range = /^(\d+):(\d+)$/.exec(item);
    return range ? Number(range[1]) <= port && port <= Number(range[2]) : Number(item) === port;
  });
}

/** Whether one enabled IN rule (or the group it names) accepts TCP to `port` from all of `net`. */
function ruleAccepts(scope: FirewallScope, rule: AnyFirewallRule, port: number, net: IpPrefix): boolean {
  if (!rule.enabled) return false;
  if (rule.type === 'group') {
    const group = scope.datacenter.groups.find((g) => g.name === rule.group);
    return group?.rules.some((r) => ruleAccepts(scope, r, port, net)) ?? false;
  }
  if (rule.type !== 'in' || rule.action !== 'ACCEPT' || !sourceCovers(scope, rule.source, net)) return false;
  if (rule.macro !== undefined) return MACRO_TCP_PORTS[rule.macro]?.includes(port) ?? false;
  if (rule.proto === undefined) return rule.dport === undefined;
  return (rule.proto === 'tcp' || rule.proto === '6') && (rule.dport === undefined || portListHas(rule.dport, port));
}

export function rulesAccept(
  scope: FirewallScope,
  rules: readonly AnyFirewallRule[],
  port: number,
  net: IpPrefix,
): boolean {
  return rules.some((rule) => ruleAccepts(scope, rule, port, net));
}

/** Whether one enabled IN ACCEPT rule admits all traffic from `net` (any protocol and port), or the named macro. */
export function rulesAcceptAllFrom(
  scope: FirewallScope,
  rules: readonly AnyFirewallRule[],
  net: IpPrefix,
  macro?: string,
): boolean {
  return rules.some((rule) => {
    if (!rule.enabled) return false;
    if (rule.type === 'group') {
      const group = scope.datacenter.groups.find((g) => g.name === rule.group);
      return group !== undefined && rulesAcceptAllFrom(scope, group.rules, net, macro);
    }
    if (rule.type !== 'in' || rule.action !== 'ACCEPT' || !sourceCovers(scope, rule.source, net)) return false;
    return rule.macro === undefined ? rule.proto === undefined && rule.dport === undefined : rule.macro === macro;
  });
}

/** The host's own networks (its addresses' prefixes), which pve-firewall adds to the `management` IP set. */
export function hostNetworks(host: Host): IpPrefix[] {
  return [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans].flatMap((i) =>
    [
      ...(i.inet?.method === 'static' ? i.inet.addresses : []),
      ...(i.inet6?.method === 'static' ? i.inet6.addresses : []),
    ].flatMap((a) => {
      const prefix = parsePrefix(a);
      return prefix ? [prefixNetwork(prefix)] : [];
    }),
  );
}

/** Whether pve-firewall's built-in rules let `net` reach the host's API and SSH: `management` IP set or local network. */
export function managementAdmits(datacenter: DatacenterFirewall, host: Host, net: IpPrefix): boolean {
  const localNetwork = datacenter.aliases.find((a) => a.name.toLowerCase() === 'local_network');
  const local = localNetwork
    ? [asPrefix(localNetwork.cidr)].filter((p): p is IpPrefix => p !== undefined)
    : hostNetworks(host);
  if (local.some((p) => covers(p, net))) return true;
  const management = datacenter.ipsets.find((s) => s.name === 'management');
  return management !== undefined && ipsetCovers({ datacenter }, management, net);
}

/** The firewall as it applies to one Proxmox host, when the design manages it and it is on for that host. */
export interface HostFirewallState {
  readonly datacenter: DatacenterFirewall;
  readonly host: Host;
  /** Host rules first, then the datacenter's: both filter traffic to the host. */
  readonly rules: readonly AnyFirewallRule[];
  readonly policyIn: FirewallAction;
}

export function hostFirewallState(design: Design, host: Host): HostFirewallState | undefined {
  const datacenter = design.firewall;
  if (!datacenter || !runsPveFirewall(host) || datacenter.options.enable !== true) return undefined;
  if (host.firewall?.options.enable === false) return undefined;
  return {
    datacenter,
    host,
    rules: [...(host.firewall?.rules ?? []), ...datacenter.rules],
    policyIn: datacenter.options.policyIn ?? 'DROP',
  };
}

/** A VM's firewall when it is on (the datacenter switch too): its rules and input policy. */
export function vmFirewallState(
  design: Design,
  host: Host,
  vm: Vm,
): { scope: FirewallScope; rules: readonly AnyFirewallRule[]; policyIn: FirewallAction } | undefined {
  const datacenter = design.firewall;
  if (
    !datacenter ||
    !runsPveFirewall(host) ||
    datacenter.options.enable !== true ||
    vm.firewall?.options.enable !== true
  )
    return undefined;
  return {
    scope: { datacenter, vm: vm.firewall },
    rules: vm.firewall.rules,
    policyIn: vm.firewall.options.policyIn ?? 'DROP',
  };
}

/** One list of rules (or IP sets) of the design's firewall, with the elements it belongs to and where its names resolve. */
export interface FirewallLevel {
  /** `the datacenter firewall`, `security group web`, `host ms01`, `VM web01`. */
  readonly label: string;
  /** Elements to badge: the host or VM; for the datacenter, every Proxmox host (its files go to each). */
  readonly owners: readonly [string, ...string[]];
  /** JSON path of the object holding `rules` (and `ipsets`): `firewall`, `hosts[0].vms[1].firewall`, a group. */
  readonly path: readonly PathSegment[];
  readonly scope: FirewallScope;
  readonly rules: readonly AnyFirewallRule[];
  readonly ipsets: readonly IpSet[];
}

/** Every rule list of the design's firewall, when the design manages it and has Proxmox hosts. */
export function firewallLevels(design: Design): FirewallLevel[] {
  const datacenter = design.firewall;
  const proxmox = design.hosts.filter(runsPveFirewall);
  if (!datacenter || proxmox.length === 0) return [];
  const dcOwners = proxmox.map((h) => h.id) as [string, ...string[]];
  const dcScope: FirewallScope = { datacenter };
  return [
    {
      label: 'the datacenter firewall',
      owners: dcOwners,
      path: ['firewall'],
      scope: dcScope,
      rules: datacenter.rules,
      ipsets: datacenter.ipsets,
    },
    ...datacenter.groups.map((g, i) => ({
      label: `security group ${g.name}`,
      owners: dcOwners,
      path: ['firewall', 'groups', i],
      scope: dcScope,
      rules: g.rules,
      ipsets: [],
    })),
    ...proxmox.flatMap((host) => [
      ...(host.firewall
        ? [
            {
              label: `host ${host.name}`,
              owners: [host.id] as [string],
              path: ['hosts', design.hosts.indexOf(host), 'firewall'],
              scope: dcScope,
              rules: host.firewall.rules,
              ipsets: [],
            },
          ]
        : []),
      ...host.vms.flatMap((vm, v) =>
        vm.firewall
          ? [
              {
                label: `VM ${vm.name}`,
                owners: [vm.id] as [string],
                path: ['hosts', design.hosts.indexOf(host), 'vms', v, 'firewall'],
                scope: { datacenter, vm: vm.firewall },
                rules: vm.firewall.rules,
                ipsets: vm.firewall.ipsets,
              },
            ]
          : [],
      ),
    ]),
  ];
}
