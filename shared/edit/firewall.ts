/**
 * Editing the Proxmox VE firewall of a design, level by level: the
 * datacenter (`cluster.fw`), a host (`host.fw`) or a VM (`<vmid>.fw`). Each
 * function returns the next design (unchecked; the caller runs
 * `checkedEdit`), so one user edit is one history step.
 */
import {
  DatacenterFirewall,
  HostFirewall,
  VmFirewall,
  type FirewallAlias,
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
