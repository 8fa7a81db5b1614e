/**
 * What an ESXi host's standard networking must be, read once from the
 * design for both scripts (esxcli and PowerCLI): per vSwitch its MTU, its
 * uplinks by teaming role (port names, failover order), load balancing and
 * security policy, and its port groups with their VLAN id and the security
 * fields they override. The scripts only format this.
 */
import {
  SECURITY_FIELDS,
  uplinksOf,
  type LoadBalancing,
  type SecurityField,
  type SecurityVerdict,
  type UplinkRole,
} from '../../model/kinds/index.js';
import type { Host, PortGroup } from '../../model/schema.js';

export type SecurityPolicy = Readonly<Record<SecurityField, SecurityVerdict>>;

export interface PortGroupSettings {
  readonly name: string;
  readonly vlan: number;
  /** Only the fields the port group overrides; the rest come from its vSwitch. */
  readonly security: Partial<SecurityPolicy>;
}

export interface VswitchSettings {
  readonly name: string;
  readonly mtu: number;
  /** Port names by teaming role, each list in failover order. */
  readonly uplinks: Readonly<Record<UplinkRole, readonly string[]>>;
  readonly loadBalancing: LoadBalancing;
  readonly security: SecurityPolicy;
  readonly portGroups: readonly PortGroupSettings[];
}

/** The settings with the element each came from, for linking script lines to the canvas. */
export interface VswitchPlan extends VswitchSettings {
  readonly id: string;
  readonly portGroups: readonly (PortGroupSettings & { readonly id: string })[];
}

function overrides(group: PortGroup): Partial<SecurityPolicy> {
  const set: { -readonly [F in SecurityField]?: SecurityVerdict } = {};
  for (const field of SECURITY_FIELDS) {
    const verdict = group[field];
    if (verdict !== undefined) set[field] = verdict;
  }
  return set;
}

export function esxiSettings(host: Host): VswitchPlan[] {
  const portName = new Map(host.ports.map((p) => [p.id, p.name]));
  return host.vswitches.map((v) => {
    const uplinks: Record<UplinkRole, string[]> = { active: [], standby: [], unused: [] };
    for (const uplink of uplinksOf(v)) uplinks[uplink.role].push(portName.get(uplink.port)!);
    return {
      id: v.id,
      name: v.name,
      mtu: v.mtu,
      uplinks,
      loadBalancing: v.loadBalancing,
      security: {
        allowPromiscuous: v.allowPromiscuous,
        allowForgedTransmits: v.allowForgedTransmits,
        allowMacChange: v.allowMacChange,
      },
      portGroups: host.portGroups
        .filter((g) => g.vswitch === v.id)
        .map((g) => ({ id: g.id, name: g.name, vlan: g.vlan, security: overrides(g) })),
    };
  });
}
