/**
 * Drift: where the host's live state differs from the design. Only what the
 * design states is compared; an attribute the design leaves to the kernel's
 * default is not drift.
 */
import { formatPrefix, parsePrefix } from '../model/ip.js';
import type { Bond, HostInterface } from '../model/schema.js';
import type { BondObservation } from './bond-observation.js';
import type { LiveAddress } from './ip-addr.js';
import type { IpLink } from './ip-link.js';

const canonical = (cidr: string) => {
  const prefix = parsePrefix(cidr);
  return prefix ? formatPrefix(prefix) : cidr;
};

export function compareSet(what: string, designed: readonly string[], live: readonly string[]): string[] {
  const want = new Set(designed);
  const have = new Set(live);
  const missing = [...want].filter((x) => !have.has(x));
  const extra = [...have].filter((x) => !want.has(x));
  return [
    ...(missing.length > 0 ? [`${what} ${missing.join(', ')} missing on the host`] : []),
    ...(extra.length > 0 ? [`${what} ${extra.join(', ')} not in the design`] : []),
  ];
}

export function bondDrift(bond: Bond, obs: BondObservation, memberNames: readonly string[]): string[] {
  const drift: string[] = [];
  const differs = (what: string, live: string | number | undefined, designed: string | number | undefined) => {
    if (designed !== undefined && live !== undefined && String(live) !== String(designed)) {
      drift.push(`${what} is ${live}; the design says ${designed}`);
    }
  };
  differs('mode', obs.mode, bond.mode);
  drift.push(
    ...compareSet(
      'member',
      memberNames,
      obs.members.map((m) => m.name),
    ),
  );
  differs('transmit hash policy', obs.xmitHashPolicy, bond.xmitHashPolicy);
  differs('LACP rate', obs.lacpRate, bond.lacpRate);
  differs('min-links', obs.minLinks, bond.minLinks);
  return drift;
}

/** A bridge's ports in the design against the links whose master it is (taps of running VMs excluded). */
export function bridgePortDrift(designed: readonly string[], live: readonly string[]): string[] {
  return compareSet(
    'bridge port',
    designed,
    live.filter((name) => !/^(tap|fwpr|fwln|veth)\d/.test(name)),
  );
}

export function mtuDrift(designed: number | undefined, link: IpLink | undefined): string[] {
  if (designed === undefined || link?.mtu === undefined || link.mtu === designed) return [];
  return [`MTU is ${link.mtu}; the design says ${designed}`];
}

/** Static addresses against the live ones; global scope only, so link-local and SLAAC noise is not drift. */
export function addressDrift(iface: HostInterface, live: readonly LiveAddress[] | undefined): string[] {
  const global = (family: LiveAddress['family']) =>
    (live ?? []).filter((a) => a.family === family && (a.scope ?? 'global') === 'global').map((a) => canonical(a.cidr));
  const drift: string[] = [];
  if (iface.inet?.method === 'static')
    drift.push(...compareSet('address', iface.inet.addresses.map(canonical), global('inet')));
  else if (iface.inet === undefined) drift.push(...compareSet('address', [], global('inet')));
  if (iface.inet6?.method === 'static')
    drift.push(...compareSet('address', iface.inet6.addresses.map(canonical), global('inet6')));
  return drift;
}
