/**
 * A libvirt network's XML (`virsh net-dumpxml NAME`) as a virtual network:
 * NAT, isolated (no `<forward>`) or bridged onto a host bridge, with the
 * host's IPv4 address and the first DHCP range. What Netloom does not model
 * (IPv6, DNS, static leases, port ranges) is named in a note with its line;
 * what it cannot stand for (routed, open or macvtap networks) is refused.
 */
import { formatIp, parseIpv4, prefixOfNetmask } from '../../model/ip.js';
import type { ImportedNetwork, LineNote, ReadResult } from '../virtual-networks.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

/** Elements libvirt adds by itself (`net-define` generates them), left out without a note. */
const GENERATED = new Set(['uuid', 'mac']);

class Refused extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

function ipv4Of(ip: XmlElement, notes: LineNote[]): Pick<ImportedNetwork, 'subnet' | 'dhcp'> {
  const address = ip.attributes.address;
  if (address === undefined || !parseIpv4(address)) throw new Refused(ip.line, `<ip> needs an IPv4 address='...'`);
  const prefix =
    ip.attributes.prefix !== undefined
      ? Number(ip.attributes.prefix)
      : ip.attributes.netmask !== undefined
        ? prefixOfNetmask(ip.attributes.netmask)
        : 24;
  if (prefix === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
    throw new Refused(ip.line, `<ip>: the prefix or netmask is not an IPv4 prefix`);
  const dhcp = child(ip, 'dhcp');
  const ranges = dhcp?.children.filter((c) => c.name === 'range') ?? [];
  for (const c of dhcp?.children ?? [])
    if (c.name !== 'range') notes.push({ line: c.line, message: `DHCP <${c.name}> is not modelled; left out` });
  for (const extra of ranges.slice(1))
    notes.push({ line: extra.line, message: 'only the first DHCP range is modelled; this one is left out' });
  const range = ranges[0];
  const canonical = formatIp(parseIpv4(address)!);
  return {
    subnet: `${canonical}/${prefix}`,
    ...(range?.attributes.start !== undefined && range.attributes.end !== undefined
      ? { dhcp: `${range.attributes.start}-${range.attributes.end}` }
      : {}),
  };
}

function networkOf(root: XmlElement, notes: LineNote[]): ImportedNetwork {
  if (root.name !== 'network') throw new Refused(root.line, `the root element is <${root.name}>, not <network>`);
  const name = child(root, 'name')?.text;
  if (!name) throw new Refused(root.line, '<network> has no <name>');
  const forward = child(root, 'forward');
  const mode = forward?.attributes.mode ?? (forward ? 'nat' : 'isolated');
  const bridge = child(root, 'bridge');
  for (const c of root.children) {
    if (['name', 'forward', 'bridge', 'ip'].includes(c.name) || GENERATED.has(c.name)) continue;
    notes.push({ line: c.line, message: `<${c.name}> is not modelled; left out` });
  }
  if (mode === 'bridge') {
    const hostBridge = bridge?.attributes.name;
    if (hostBridge === undefined)
      throw new Refused(
        forward!.line,
        'a bridge network without <bridge name=...> hands VMs a host port through macvtap, which Netloom does not model',
      );
    return { name, mode: 'bridged', uplinkName: hostBridge, line: forward!.line };
  }
  if (mode !== 'nat' && mode !== 'isolated')
    throw new Refused(
      forward!.line,
      `forward mode '${mode}' is not modelled: Netloom knows nat, bridge, and none (isolated)`,
    );
  if (forward)
    for (const c of forward.children)
      notes.push({ line: c.line, message: `<forward> <${c.name}> is not modelled; left out` });
  const ips = root.children.filter((c) => c.name === 'ip');
  const v4 = ips.filter((ip) => (ip.attributes.family ?? 'ipv4') === 'ipv4');
  for (const ip of ips)
    if (!v4.includes(ip)) notes.push({ line: ip.line, message: 'IPv6 addresses are not modelled; left out' });
  for (const ip of v4.slice(1))
    notes.push({ line: ip.line, message: 'only the first IPv4 address is modelled; this one is left out' });
  const bridgeName = bridge?.attributes.name;
  return {
    name,
    mode,
    ...(bridgeName === undefined ? {} : { bridgeName }),
    ...(v4[0] ? ipv4Of(v4[0], notes) : {}),
    line: root.line,
  };
}

/** Reads one network XML; a problem names its line. */
export function readLibvirtNetwork(text: string): ReadResult<ImportedNetwork> {
  try {
    const notes: LineNote[] = [];
    const value = networkOf(parseXml(text), notes);
    return { ok: true, value, notes: notes.sort((a, b) => a.line - b.line) };
  } catch (e) {
    if (e instanceof XmlSyntaxError || e instanceof Refused) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
}
