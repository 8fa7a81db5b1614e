/**
 * One shape for what is known about a bond, whichever source it came from:
 * its `/proc/net/bonding` file (richest: LACP details, churn), the
 * `ip -j -d link` data of the bond and its slaves, or `ovs-appctl bond/show`
 * for an Open vSwitch bond. The health model reads only this shape.
 */
import type { BondingInfo, ChurnState, Duplex } from './bonding-proc.js';
import type { IpLink } from './ip-link.js';
import type { LacpState } from './lacp-state.js';
import type { OvsBondInfo, OvsLacpStatus } from './ovs-bond-show.js';
import type { SysfsLink } from './sysfs-link.js';

export type MemberMii = 'up' | 'down' | 'going down' | 'going back' | 'unknown';

export interface MemberObservation {
  readonly name: string;
  readonly mii: MemberMii;
  readonly speedMbps?: number | null;
  readonly duplex?: Duplex | null;
  readonly linkFailureCount?: number;
  /** null: the port has no aggregator. */
  readonly aggregatorId?: number | null;
  readonly actor?: LacpState;
  readonly partner?: LacpState;
  readonly partnerMac?: string;
  readonly actorChurn?: ChurnState;
  readonly partnerChurn?: ChurnState;
}

export interface BondObservation {
  readonly source: 'proc' | 'ip' | 'ovs';
  readonly mode?: string;
  readonly miiUp: boolean;
  readonly xmitHashPolicy?: string;
  readonly lacpRate?: string;
  readonly minLinks?: number;
  /** null: the bond has no active aggregator; absent: not known. */
  readonly activeAggregator?: { readonly id?: number; readonly partnerMac?: string } | null;
  readonly members: readonly MemberObservation[];
  /** Open vSwitch only: where LACP negotiation stands, and whether the bond falls back to active-backup without a partner. */
  readonly ovsLacp?: { readonly status: OvsLacpStatus; readonly fallbackAb: boolean };
}

export function bondFromProc(info: BondingInfo): BondObservation {
  const aggregator = info.lacp?.activeAggregator;
  return {
    source: 'proc',
    mode: info.mode,
    miiUp: info.miiStatus === 'up',
    xmitHashPolicy: info.xmitHashPolicy,
    lacpRate: info.lacp?.rate,
    minLinks: info.lacp?.minLinks,
    activeAggregator:
      aggregator === null ? null : aggregator && { id: aggregator.id, partnerMac: aggregator.partnerMac },
    members: info.slaves.map((s) => ({
      name: s.name,
      mii: s.miiStatus ?? 'unknown',
      speedMbps: s.speedMbps,
      duplex: s.duplex,
      linkFailureCount: s.linkFailureCount,
      aggregatorId: s.aggregatorId,
      actor: s.actor?.portState,
      partner: s.partner?.portState,
      partnerMac: s.partner?.systemMac,
      actorChurn: s.actorChurn,
      partnerChurn: s.partnerChurn,
    })),
  };
}

const MII_FROM_IP: Readonly<Record<string, MemberMii>> = {
  UP: 'up',
  DOWN: 'down',
  GOING_DOWN: 'going down',
  GOING_BACK: 'going back',
};
const CHURN_FROM_IP: Readonly<Record<string, ChurnState>> = {
  MONITOR: 'monitoring',
  CHURN: 'churned',
  NO_CHURN: 'none',
};

/** A bond seen only through `ip -j -d link`; undefined when the link is not a bond. */
export function bondFromIpLink(
  bond: IpLink,
  links: ReadonlyMap<string, IpLink>,
  sysfs: ReadonlyMap<string, SysfsLink>,
): BondObservation | undefined {
  if (bond.kind !== 'bond') return undefined;
  const info = bond.bond ?? {};
  const members = [...links.values()].filter((l) => l.master === bond.name && l.bondSlave);
  return {
    source: 'ip',
    mode: info.mode,
    miiUp: bond.flags.includes('LOWER_UP'),
    xmitHashPolicy: info.xmitHashPolicy,
    lacpRate: info.lacpRate,
    minLinks: info.minLinks,
    activeAggregator: info.adInfo && { id: info.adInfo.aggregator, partnerMac: info.adInfo.partnerMac },
    members: members.map((l) => {
      const s = l.bondSlave!;
      return {
        name: l.name,
        mii: (s.miiStatus === undefined ? undefined : MII_FROM_IP[s.miiStatus]) ?? 'unknown',
        speedMbps: sysfs.get(l.name)?.speedMbps,
        duplex: sysfs.get(l.name)?.duplex,
        linkFailureCount: s.linkFailureCount,
        aggregatorId: s.aggregatorId,
        actor: s.actorState,
        partner: s.partnerState,
        actorChurn: s.actorChurn === undefined ? undefined : CHURN_FROM_IP[s.actorChurn],
        partnerChurn: s.partnerChurn === undefined ? undefined : CHURN_FROM_IP[s.partnerChurn],
      };
    }),
  };
}

/** An Open vSwitch bond from `ovs-appctl bond/show`: a member carries traffic when OVS says enabled. */
export function bondFromOvs(info: OvsBondInfo): BondObservation {
  return {
    source: 'ovs',
    mode: info.mode,
    miiUp: info.members.some((m) => m.enabled),
    members: info.members.map((m) => ({ name: m.name, mii: m.enabled ? 'up' : 'down' })),
    ...(info.lacpStatus !== undefined && {
      ovsLacp: { status: info.lacpStatus, fallbackAb: info.lacpFallbackAb ?? false },
    }),
  };
}
