/**
 * The output of one status read of a host (the status script's sections,
 * each opened by a marker line) turned into facts: links, addresses, speeds,
 * the bonding files by bond name, and Open vSwitch's bonds where it runs.
 */
import { parseBondingProc, type BondingInfo } from './bonding-proc.js';
import { parseIpAddr, type LiveAddress } from './ip-addr.js';
import { parseIpLink, type IpLink } from './ip-link.js';
import { parseOvsBondShow, type OvsBondInfo } from './ovs-bond-show.js';
import { formatProblem, type Parsed } from './parse-result.js';
import { parseSysfsLinks, type SysfsLink } from './sysfs-link.js';

/** Every section starts with a line `@@netloom <section>[ <name>]`; the last is `@@netloom end`. */
export const SECTION_MARKER = '@@netloom';
export const SECTIONS = {
  bonding: 'bonding',
  ipLink: 'ip-link',
  ipAddr: 'ip-addr',
  sysfs: 'sysfs',
  ovsBonds: 'ovs-bonds',
  end: 'end',
} as const;

export interface HostFacts {
  readonly links: ReadonlyMap<string, IpLink>;
  readonly addresses: ReadonlyMap<string, readonly LiveAddress[]>;
  readonly sysfs: ReadonlyMap<string, SysfsLink>;
  /** Each bonding file's parse, by bond name; a file that does not parse keeps its error. */
  readonly bonding: ReadonlyMap<string, Parsed<BondingInfo>>;
  /** `ovs-appctl bond/show`; absent when the host has no ovs-appctl. */
  readonly ovsBonds?: Parsed<OvsBondInfo[]>;
}

interface Sections {
  bonding: Map<string, string>;
  single: Map<string, string>;
  ended: boolean;
}

function splitSections(output: string): Sections {
  const sections: Sections = { bonding: new Map(), single: new Map(), ended: false };
  let current: string[] | undefined;
  const flush = (key: { bond?: string; section?: string }, lines: string[]) => {
    const text = lines.join('\n');
    // The script ends each bonding file with a newline of its own (a saved copy may lack one), and the end marker proves the output whole.
    if (key.bond !== undefined) sections.bonding.set(key.bond, `${text}\n`);
    else if (key.section !== undefined) sections.single.set(key.section, text);
  };
  let key: { bond?: string; section?: string } = {};
  for (const line of output.split('\n')) {
    if (line.startsWith(`${SECTION_MARKER} `)) {
      if (current) flush(key, current);
      const [, section = '', ...rest] = line.split(' ');
      current = [];
      key = section === SECTIONS.bonding ? { bond: rest.join(' ') } : { section };
      if (section === SECTIONS.end) sections.ended = true;
      continue;
    }
    current?.push(line);
  }
  if (current) flush(key, current);
  return sections;
}

/** Turns one run of the status script into facts, or says which part could not be read. */
export function readHostFacts(output: string): { ok: true; facts: HostFacts } | { ok: false; message: string } {
  const sections = splitSections(output);
  if (!sections.ended) return { ok: false, message: 'the status output was cut short (no end marker)' };
  const section = (name: string) => sections.single.get(name) ?? '';

  const links = parseIpLink(section(SECTIONS.ipLink));
  if (!links.ok) return { ok: false, message: formatProblem('ip -j -d link show', links.error) };
  const addresses = parseIpAddr(section(SECTIONS.ipAddr));
  if (!addresses.ok) return { ok: false, message: formatProblem('ip -j addr show', addresses.error) };
  const sysfs = parseSysfsLinks(section(SECTIONS.sysfs));
  if (!sysfs.ok) return { ok: false, message: formatProblem('/sys/class/net', sysfs.error) };

  const bonding = new Map<string, Parsed<BondingInfo>>();
  for (const [bond, text] of sections.bonding) bonding.set(bond, parseBondingProc(text));
  const ovs = sections.single.get(SECTIONS.ovsBonds);
  return {
    ok: true,
    facts: {
      links: links.value,
      addresses: addresses.value,
      sysfs: sysfs.value,
      bonding,
      ...(ovs !== undefined && { ovsBonds: parseOvsBondShow(ovs) }),
    },
  };
}
