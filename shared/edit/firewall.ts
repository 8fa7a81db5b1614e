/**
 * Editing the Proxmox VE firewall of a design, level by level: the
 * datacenter (`cluster.fw`), a host (`host.fw`) or a VM (`<vmid>.fw`). Each
 * function returns the next design (unchecked; the caller runs
 * `checkedEdit`), so one user edit is one history step.
 */
import {
  DatacenterFirewall,
  HostFirewall,
  parseFirewallReference,
  VmFirewall,
  type AnyFirewallRule,
  type FirewallAlias,
  type FirewallReference,
  type FirewallRule,
  type IpSet,
  type VmFirewallRule,
} from '../model/firewall.js';
import type { PathSegment } from '../model/paths.js';
import type { Design } from '../model/schema.js';
import { updateElement } from './update.js';

/** Which firewall: the datacenter's, or the one of the host or VM with that id. */
export type FirewallLevelRef =
  | { readonly kind: 'datacenter' }
  | { readonly kind: 'host'; readonly id: string }
  | { readonly kind: 'vm'; readonly id: string };

export type FirewallLevelKind = FirewallLevelRef['kind'];

/** The firewall object of each level. */
export interface LevelFirewall {
  readonly datacenter: DatacenterFirewall;
  readonly host: HostFirewall;
  readonly vm: VmFirewall;
}
export type AnyLevelFirewall = LevelFirewall[FirewallLevelKind];
/** A rule of any level's list: the VM's take `-i netN`, the others a host interface. */
export type LevelRule = FirewallRule | VmFirewallRule;

const EMPTY: { readonly [K in FirewallLevelKind]: () => LevelFirewall[K] } = {
  datacenter: () => DatacenterFirewall.parse({}),
  host: () => HostFirewall.parse({}),
  vm: () => VmFirewall.parse({}),
};

/** A level's firewall as the design has it; `undefined` when the design does not manage it. */
export function firewallAt(design: Design, ref: FirewallLevelRef): AnyLevelFirewall | undefined {
  switch (ref.kind) {
    case 'datacenter':
      return design.firewall;
    case 'host':
      return design.hosts.find((h) => h.id === ref.id)?.firewall;
    case 'vm':
      return design.hosts.flatMap((h) => h.vms).find((v) => v.id === ref.id)?.firewall;
  }
}

/** The design with the level's firewall replaced (`undefined`: no longer managed). */
export function setFirewall(design: Design, ref: FirewallLevelRef, firewall: AnyLevelFirewall | undefined): Design {
  if (ref.kind === 'datacenter') {
    const { firewall: _old, ...rest } = design;
    return firewall ? { ...rest, firewall: firewall as DatacenterFirewall } : rest;
  }
  return updateElement(design, ref.id, { firewall });
}

/** The design with `fn` applied to the level's firewall, made empty first when the design has none. */
export function editFirewall(
  design: Design,
  ref: FirewallLevelRef,
  fn: (firewall: AnyLevelFirewall) => AnyLevelFirewall,
): Design {
  return setFirewall(design, ref, fn(firewallAt(design, ref) ?? EMPTY[ref.kind]()));
}

/** `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  if (from < 0 || from >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item!);
  return copy;
}

/** Replaces the level's rules (the caller checks them: a VM's rules differ from the others'). */
export const withRules = (firewall: AnyLevelFirewall, rules: readonly LevelRule[]): AnyLevelFirewall =>
  ({ ...firewall, rules }) as AnyLevelFirewall;

/** Levels that hold aliases and IP sets (pve-firewall: the datacenter and VMs, not hosts). */
export function hasSets(firewall: AnyLevelFirewall): firewall is DatacenterFirewall | VmFirewall {
  return 'ipsets' in firewall;
}

export const withIpSets = (firewall: DatacenterFirewall | VmFirewall, ipsets: readonly IpSet[]) => ({
  ...firewall,
  ipsets: [...ipsets],
});
export const withAliases = (firewall: DatacenterFirewall | VmFirewall, aliases: readonly FirewallAlias[]) => ({
  ...firewall,
  aliases: [...aliases],
});

/** A place in the firewall panel: a level, and in it a rule or an IP set (by index). */
export interface FirewallPlace {
  readonly level: FirewallLevelRef;
  readonly rule?: number;
  readonly ipset?: number;
}

/**
 * The panel place a JSON path points into (a diagnostic's `at`): `firewall...`,
 * `hosts[h].firewall...`, `hosts[h].vms[v].firewall...`; a security group's rules
 * open the datacenter level. `undefined` for paths outside a firewall.
 */
export function firewallPlaceOf(design: Design, at: readonly PathSegment[]): FirewallPlace | undefined {
  let level: FirewallLevelRef;
  let rest: readonly PathSegment[];
  if (at[0] === 'firewall') {
    level = { kind: 'datacenter' };
    rest = at.slice(1);
  } else if (at[0] === 'hosts' && typeof at[1] === 'number') {
    const host = design.hosts[at[1]];
    if (!host) return undefined;
    if (at[2] === 'firewall') {
      level = { kind: 'host', id: host.id };
      rest = at.slice(3);
    } else if (at[2] === 'vms' && typeof at[3] === 'number' && at[4] === 'firewall') {
      const vm = host.vms[at[3]];
      if (!vm) return undefined;
      level = { kind: 'vm', id: vm.id };
      rest = at.slice(5);
    } else return undefined;
  } else return undefined;
  if (rest[0] === 'rules' && typeof rest[1] === 'number') return { level, rule: rest[1] };
  if (rest[0] === 'ipsets' && typeof rest[1] === 'number') return { level, ipset: rest[1] };
  return { level };
}

/** Which kind of named set a rule's source or destination (or an IP set entry) refers to. */
export type FirewallSetKind = FirewallReference['kind'];

/** pve-firewall matches alias names ignoring case, IP set names exactly. */
const sameName = (kind: FirewallSetKind, a: string, b: string) =>
  kind === 'alias' ? a.toLowerCase() === b.toLowerCase() : a === b;

const definesSet = (firewall: DatacenterFirewall | VmFirewall, kind: FirewallSetKind, name: string) =>
  (kind === 'alias' ? firewall.aliases : firewall.ipsets).some((s) => sameName(kind, s.name, name));

/** `list` mapped by `fn`, or `list` itself when `fn` changed no item (untouched parts keep their identity). */
function mapKept<T>(list: T[], fn: (item: T) => T): T[] {
  const next = list.map(fn);
  return next.every((item, i) => item === list[i]) ? list : next;
}

/** How a reference written at one level is renamed: whether it means the renamed set, and whether it needs `dc/` to keep doing so. */
interface Resolution {
  readonly resolves: (ref: FirewallReference) => boolean;
  readonly dcPrefix: boolean;
}

/**
 * The design with every reference to the alias or IP set `from` of `level`
 * (the datacenter or a VM) written as `to`: rules' sources and destinations
 * and IP set entries naming an alias, at every level where `from` resolves
 * to that set as pve-firewall looks it up (the VM's own first, then the
 * datacenter's). A `dc/` or `guest/` prefix is kept; a VM that has its own
 * set called `to` gets `dc/to`, so its rules keep meaning the datacenter's.
 * The set itself is renamed by the caller (its list edit).
 */
export function renameReferences(
  design: Design,
  level: FirewallLevelRef & { readonly kind: 'datacenter' | 'vm' },
  kind: FirewallSetKind,
  from: string,
  to: string,
): Design {
  const renamed = (value: string, how: Resolution): string => {
    const ref = parseFirewallReference(value);
    if (!ref || ref.kind !== kind || !sameName(kind, ref.name, from) || !how.resolves(ref)) return value;
    const scope = ref.scope ?? (how.dcPrefix ? 'dc' : undefined);
    return `${kind === 'ipset' ? '+' : ''}${scope ? `${scope}/` : ''}${to}`;
  };
  const inRules = <R extends AnyFirewallRule>(rules: R[], how: Resolution): R[] =>
    mapKept(rules, (rule) => {
      if (rule.type === 'group') return rule;
      const source = rule.source === undefined ? undefined : renamed(rule.source, how);
      const dest = rule.dest === undefined ? undefined : renamed(rule.dest, how);
      if (source === rule.source && dest === rule.dest) return rule;
      return { ...rule, ...(source !== undefined && { source }), ...(dest !== undefined && { dest }) };
    });
  /** The level's rules and (for an alias) its IP set entries renamed; the same object when nothing was. */
  const inLevel = <F extends DatacenterFirewall | HostFirewall | VmFirewall>(firewall: F, how: Resolution): F => {
    const rules = inRules(firewall.rules, how);
    const ipsets =
      'ipsets' in firewall && kind === 'alias'
        ? mapKept(firewall.ipsets, (set) => {
            const entries = mapKept(set.entries, (e) => {
              const cidr = renamed(e.cidr, how);
              return cidr === e.cidr ? e : { ...e, cidr };
            });
            return entries === set.entries ? set : { ...set, entries };
          })
        : undefined;
    const setsSame = ipsets === undefined || ('ipsets' in firewall && ipsets === firewall.ipsets);
    if (rules === firewall.rules && setsSame) return firewall;
    return { ...firewall, rules, ...(ipsets && { ipsets }) };
  };

  if (level.kind === 'vm') {
    const local: Resolution = { resolves: (ref) => ref.scope !== 'dc', dcPrefix: false };
    return editFirewall(design, level, (fw) => inLevel(fw as VmFirewall, local));
  }
  const datacenter = design.firewall;
  if (!datacenter) return design;
  const atDatacenter: Resolution = { resolves: (ref) => ref.scope !== 'guest', dcPrefix: false };
  const groups = mapKept(datacenter.groups, (g) => {
    const rules = inRules(g.rules, atDatacenter);
    return rules === g.rules ? g : { ...g, rules };
  });
  const ownLevel = inLevel(datacenter, atDatacenter);
  const hosts = mapKept(design.hosts, (host) => {
    const firewall = host.firewall && inLevel(host.firewall, atDatacenter);
    const vms = mapKept(host.vms, (vm) => {
      if (!vm.firewall) return vm;
      const own = vm.firewall;
      // A VM's own set of that name hides the datacenter's unless the reference says dc/.
      const how: Resolution = {
        resolves: (ref) => ref.scope === 'dc' || (ref.scope === undefined && !definesSet(own, kind, from)),
        dcPrefix: definesSet(own, kind, to),
      };
      const next = inLevel(own, how);
      return next === own ? vm : { ...vm, firewall: next };
    });
    return firewall === host.firewall && vms === host.vms ? host : { ...host, ...(firewall && { firewall }), vms };
  });
  return {
    ...design,
    firewall: groups === datacenter.groups ? ownLevel : { ...ownLevel, groups },
    hosts,
  };
}
