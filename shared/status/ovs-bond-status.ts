/**
 * The live status of an Open vSwitch bond from `ovs-appctl bond/show`: the
 * same health model as a kernel bond, its members and mode against the
 * design. OVS bonds are no kernel links, so nothing else is read for them.
 */
import type { OvsBond } from '../model/schema.js';
import { bondFromOvs } from './bond-observation.js';
import { compareSet } from './drift.js';
import { evaluateBond } from './health.js';
import type { HostFacts } from './host-facts.js';
import type { ElementLive } from './live.js';
import { formatProblem } from './parse-result.js';

export const OVS_BOND_SHOW = 'ovs-appctl bond/show';

export function ovsBondStatus(
  bond: OvsBond,
  facts: HostFacts,
  memberNames: readonly string[],
  readAt: string,
): ElementLive {
  const read = facts.ovsBonds;
  if (read === undefined)
    return {
      health: 'unknown',
      reasons: [`${OVS_BOND_SHOW} cannot run: Open vSwitch is not installed on the host`],
      readAt,
    };
  if (!read.ok) return { health: 'unknown', reasons: [formatProblem(OVS_BOND_SHOW, read.error)], readAt };
  const info = read.value.find((b) => b.name === bond.name);
  if (!info)
    return {
      health: 'down',
      reasons: [`${bond.name} is not an OVS bond on the host`],
      drift: [`${bond.name} is missing on the host`],
      readAt,
    };
  const obs = bondFromOvs(info);
  const { health, reasons } = evaluateBond(bond.name, obs, { members: memberNames });
  const drift = compareSet(
    'member',
    memberNames,
    obs.members.map((m) => m.name),
  );
  if (bond.bondMode !== undefined && info.mode !== undefined && info.mode !== bond.bondMode)
    drift.push(`bond_mode is ${info.mode}; the design says ${bond.bondMode}`);
  const enabled = info.members.filter((m) => m.enabled);
  return {
    health,
    reasons,
    ...(drift.length > 0 && { drift }),
    facts: {
      source: OVS_BOND_SHOW,
      ...(info.mode !== undefined && { mode: info.mode }),
      ...(info.lacpStatus !== undefined && { 'LACP status': info.lacpStatus }),
      'members enabled': `${enabled.length} of ${info.members.length}`,
      ...(info.activeMac?.member && { 'active member': info.activeMac.member }),
    },
    readAt,
  };
}
