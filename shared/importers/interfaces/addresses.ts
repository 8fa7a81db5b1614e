/**
 * Addresses and gateways of an interface's stanzas, as ifupdown2 applies
 * them: `address` lines (several addresses per line allowed), a lone
 * `netmask` folded into a lone prefix-less IPv4 address, one gateway per
 * family. A stanza without family takes both families.
 */
import { parseIp, parsePrefix, type IpFamily } from '../../model/ip.js';
import { canonicalKey } from './vocabulary.js';
import { isAttribute, type Attribute, type IfaceStanza } from './parse.js';

export interface StaticConfig {
  readonly addresses: string[];
  gateway?: string;
}

export type StaticConfigs = Record<IpFamily, StaticConfig>;

export function emptyStatics(): StaticConfigs {
  return { 4: { addresses: [] }, 6: { addresses: [] } };
}

function netmaskLength(mask: string): number | undefined {
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= 32 ? Number(mask) : undefined;
  const v4 = parseIp(mask);
  if (v4?.family !== 4) return undefined;
  const bits = v4.value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return undefined;
  return bits.includes('0') ? bits.indexOf('0') : 32;
}

/**
 * A reader for one stanza: `take(attribute)` returns true when the line was an
 * address, netmask or gateway it recorded in `statics`, false when the line
 * must be kept as written.
 */
export function addressReader(stanza: IfaceStanza, statics: StaticConfigs): (entry: Attribute) => boolean {
  const family: IpFamily | undefined = stanza.family === 'inet' ? 4 : stanza.family === 'inet6' ? 6 : undefined;
  const fits = (ip: { family: IpFamily } | undefined): ip is { family: IpFamily } =>
    ip !== undefined && (family === undefined || ip.family === family);
  const own = stanza.body.filter(isAttribute).map((a) => ({ ...a, key: canonicalKey(a.key) }));
  const addressLines = own.filter((a) => a.key === 'address');
  const netmasks = own.filter((a) => a.key === 'netmask');
  const single = addressLines.length === 1 && netmasks.length === 1 ? addressLines[0]!.value : undefined;
  const foldedMask =
    single !== undefined &&
    /^\S+$/.test(single) &&
    !single.includes('/') &&
    parseIp(single)?.family === 4 &&
    fits(parseIp(single))
      ? netmaskLength(netmasks[0]!.value)
      : undefined;

  const cidrOf = (token: string): { family: IpFamily; cidr: string } | undefined => {
    if (token.includes('/')) {
      const prefix = parsePrefix(token);
      return fits(prefix?.address) ? { family: prefix!.address.family, cidr: token } : undefined;
    }
    const ip = parseIp(token);
    if (!fits(ip)) return undefined;
    if (netmasks.length > 0)
      return foldedMask === undefined ? undefined : { family: 4, cidr: `${token}/${foldedMask}` };
    return { family: ip.family, cidr: `${token}/${ip.family === 4 ? 32 : 128}` };
  };

  return (entry) => {
    const key = canonicalKey(entry.key);
    if (key === 'address') {
      const cidrs = entry.value.split(/\s+/).filter(Boolean).map(cidrOf);
      if (cidrs.length === 0 || cidrs.some((c) => c === undefined)) return false;
      for (const c of cidrs) statics[c!.family].addresses.push(c!.cidr);
      return true;
    }
    if (key === 'netmask') return foldedMask !== undefined;
    if (key === 'gateway') {
      const ip = parseIp(entry.value);
      if (!fits(ip) || statics[ip.family].gateway !== undefined) return false;
      statics[ip.family].gateway = entry.value;
      return true;
    }
    return false;
  };
}
