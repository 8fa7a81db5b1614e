/**
 * Parser for `ip -j addr show`: the addresses on each interface, as
 * `address/prefix` text, with family and scope.
 */
import { z } from 'zod';
import { firstIssue, parseJsonText } from './ip-link.js';
import type { Parsed } from './parse-result.js';

export interface LiveAddress {
  /** `10.2.200.30/24`, `fd00::30/64`. */
  readonly cidr: string;
  readonly family: 'inet' | 'inet6';
  /** `global`, `link`, `host`. */
  readonly scope?: string;
}

const AddrInfo = z.looseObject({
  family: z.string().optional(),
  local: z.string().optional(),
  prefixlen: z.number().int().min(0).max(128).optional(),
  scope: z.string().optional(),
});
const Entry = z.looseObject({ ifname: z.string().min(1), addr_info: z.array(AddrInfo).default([]) });

/** Parses the output of `ip -j addr show` into addresses by interface name. */
export function parseIpAddr(text: string): Parsed<ReadonlyMap<string, readonly LiveAddress[]>> {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { message: json.message } };
  if (!Array.isArray(json.json))
    return { ok: false, error: { path: '(document)', message: 'expected a JSON array of interfaces' } };
  const byName = new Map<string, LiveAddress[]>();
  for (const [i, raw] of json.json.entries()) {
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) return { ok: false, error: firstIssue(parsed.error, [i]) };
    const addresses: LiveAddress[] = [];
    for (const a of parsed.data.addr_info) {
      if ((a.family !== 'inet' && a.family !== 'inet6') || a.local === undefined || a.prefixlen === undefined) continue;
      addresses.push({
        cidr: `${a.local}/${a.prefixlen}`,
        family: a.family,
        ...(a.scope !== undefined && { scope: a.scope }),
      });
    }
    byName.set(parsed.data.ifname, addresses);
  }
  return { ok: true, value: byName, warnings: [] };
}
