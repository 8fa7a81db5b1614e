/**
 * The health model: from observed facts to ok / degraded / down with reasons
 * a person can act on. A bond is ok when every member is up, all members share
 * one aggregator, and actor and partner are in sync, collecting and
 * distributing; degraded when any of that fails while the bond still has
 * carrier; down when the bond's own MII status is down.
 */
import type { BondObservation, MemberObservation } from './bond-observation.js';
import { describeLacpState, missingForwardingBits } from './lacp-state.js';
import { healthOf, type ReadHealth } from './live.js';

export const ZERO_MAC = '00:00:00:00:00:00';

/**
 * Why a LACP member does not carry traffic; empty when it does (or when
 * nothing is known). `defaulted` is set on the actor's own state when it runs
 * on default partner values because no LACPDU arrived.
 */
export function lacpMemberReasons(m: MemberObservation): string[] {
  const reasons: string[] = [];
  if (m.aggregatorId === null) reasons.push(`${m.name} has no aggregator`);
  const defaulted = m.actor?.bits.defaulted === true || m.partner?.bits.defaulted === true;
  if (defaulted) reasons.push(`${m.name} partner is defaulted: no LACPDU received from the switch`);
  if (m.actor) {
    const missing = missingForwardingBits(m.actor);
    if (missing.length > 0)
      reasons.push(`${m.name} actor is not ${missing.join(', ')} (state ${describeLacpState(m.actor)})`);
  }
  if (m.partner && !defaulted) {
    const missing = missingForwardingBits(m.partner);
    if (missing.length > 0)
      reasons.push(`${m.name} partner is not ${missing.join(', ')} (state ${describeLacpState(m.partner)})`);
  }
  if (m.partnerMac === ZERO_MAC && !defaulted) reasons.push(`${m.name} partner MAC is ${ZERO_MAC}: no LACP partner`);
  if (m.actorChurn === 'churned') reasons.push(`${m.name} actor churned: it could not agree with the partner`);
  if (m.partnerChurn === 'churned') reasons.push(`${m.name} partner churned: the partner could not agree`);
  return reasons;
}

const listNames = (names: readonly string[]) => names.join(', ');

function aggregatorReasons(bond: string, obs: BondObservation): string[] {
  const reasons: string[] = [];
  const byAggregator = new Map<number, string[]>();
  for (const m of obs.members) {
    if (typeof m.aggregatorId === 'number')
      byAggregator.set(m.aggregatorId, [...(byAggregator.get(m.aggregatorId) ?? []), m.name]);
  }
  if (byAggregator.size > 1) {
    const groups = [...byAggregator].sort(([a], [b]) => a - b).map(([id, names]) => `${id} (${listNames(names)})`);
    reasons.push(`members are split across aggregators ${groups.join(' and ')}`);
  }
  const active = obs.activeAggregator;
  if (active === null) reasons.push(`${bond} has no active aggregator`);
  if (active?.id !== undefined) {
    const outside = obs.members
      .filter((m) => typeof m.aggregatorId === 'number' && m.aggregatorId !== active.id)
      .map((m) => m.name);
    if (outside.length > 0) reasons.push(`not in the active aggregator ${active.id}: ${listNames(outside)}`);
  }
  if (active?.partnerMac === ZERO_MAC) reasons.push(`${bond} partner MAC is ${ZERO_MAC}: no LACP partner answers`);
  return reasons;
}

function speedReasons(obs: BondObservation): string[] {
  const reasons: string[] = [];
  const up = obs.members.filter((m) => m.mii === 'up');
  const known = up.filter((m): m is MemberObservation & { speedMbps: number } => typeof m.speedMbps === 'number');
  if (new Set(known.map((m) => m.speedMbps)).size > 1) {
    reasons.push(`member speeds differ: ${known.map((m) => `${m.name} ${m.speedMbps} Mb/s`).join(', ')}`);
  }
  for (const m of up) if (m.duplex === 'half') reasons.push(`${m.name} runs at half duplex`);
  return reasons;
}

export interface BondExpectation {
  /** Kernel names of the members the design gives the bond. */
  readonly members?: readonly string[];
  /** min-links from the design, used when the live data does not say. */
  readonly minLinks?: number;
}

/** The health of one bond and the reasons for it. */
export function evaluateBond(
  bond: string,
  obs: BondObservation,
  expected: BondExpectation = {},
): { health: ReadHealth; reasons: string[] } {
  const fatal = obs.miiUp
    ? []
    : [obs.source === 'ovs' ? `${bond} has no enabled member` : `${bond} MII status is down`];
  const warnings: string[] = [];
  if (obs.members.length === 0) warnings.push(`${bond} has no members`);
  const present = new Set(obs.members.map((m) => m.name));
  for (const name of expected.members ?? [])
    if (!present.has(name)) warnings.push(`${name} is not a member of ${bond}`);
  for (const m of obs.members) if (m.mii !== 'up') warnings.push(`${m.name} MII status is ${m.mii}`);

  const upCount = obs.members.filter((m) => m.mii === 'up').length;
  const minLinks = obs.minLinks ?? expected.minLinks;
  if (minLinks !== undefined && upCount < minLinks)
    warnings.push(`only ${upCount} of the ${minLinks} links min-links requires are up`);
  warnings.push(...speedReasons(obs));

  if (obs.ovsLacp?.status === 'configured') {
    // ofproto/bond.c: a bond whose LACP is not negotiated sends nothing, unless lacp_fallback_ab makes it active-backup.
    if (obs.ovsLacp.fallbackAb)
      warnings.push(`${bond} has LACP configured but no partner negotiated it; it fell back to active-backup`);
    else
      fatal.push(
        `${bond} has LACP configured but no partner negotiated it, so it sends nothing (lacp_fallback_ab is off)`,
      );
  }
  if (obs.mode === '802.3ad') {
    warnings.push(...aggregatorReasons(bond, obs));
    for (const m of obs.members) warnings.push(...lacpMemberReasons(m));
  }
  return healthOf(fatal, [...new Set(warnings)]);
}
