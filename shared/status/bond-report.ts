/**
 * A bond's health from its `/proc/net/bonding` text alone (no design): what
 * `netloom bond-status` prints for saved files.
 */
import { bondFromProc } from './bond-observation.js';
import type { BondingInfo } from './bonding-proc.js';
import { evaluateBond } from './health.js';
import { describeLacpState } from './lacp-state.js';
import type { ReadHealth } from './live.js';

export interface BondMemberReport {
  readonly name: string;
  readonly mii: string;
  readonly speed?: string;
  readonly aggregator?: number | 'N/A';
  readonly actorState?: string;
  readonly partnerState?: string;
  readonly linkFailures?: number;
}

export interface BondReport {
  readonly bond: string;
  readonly health: ReadHealth;
  readonly reasons: readonly string[];
  readonly mode: string;
  readonly miiStatus: 'up' | 'down';
  readonly xmitHashPolicy?: string;
  readonly lacpRate?: string;
  readonly activeAggregator?: number | 'none';
  readonly members: readonly BondMemberReport[];
}

export function bondReport(bond: string, info: BondingInfo): BondReport {
  const { health, reasons } = evaluateBond(bond, bondFromProc(info));
  const active = info.lacp?.activeAggregator;
  return {
    bond,
    health,
    reasons,
    mode: info.mode,
    miiStatus: info.miiStatus,
    ...(info.xmitHashPolicy !== undefined && { xmitHashPolicy: info.xmitHashPolicy }),
    ...(info.lacp?.rate !== undefined && { lacpRate: info.lacp.rate }),
    ...(active === null
      ? { activeAggregator: 'none' as const }
      : active?.id !== undefined
        ? { activeAggregator: active.id }
        : {}),
    members: info.slaves.map((s) => ({
      name: s.name,
      mii: s.miiStatus ?? 'unknown',
      ...(s.speedMbps !== undefined && { speed: s.speedMbps === null ? 'unknown' : `${s.speedMbps} Mb/s` }),
      ...(s.aggregatorId !== undefined && { aggregator: s.aggregatorId ?? ('N/A' as const) }),
      ...(s.actor?.portState && { actorState: describeLacpState(s.actor.portState) }),
      ...(s.partner?.portState && { partnerState: describeLacpState(s.partner.portState) }),
      ...(s.linkFailureCount !== undefined && { linkFailures: s.linkFailureCount }),
    })),
  };
}
