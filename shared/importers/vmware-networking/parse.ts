/**
 * `/etc/vmware/networking` as `vmware-networks` reads it: `VERSION=1,0`,
 * `answer VNET_<n>_<KEY> <value>` per VMnet, `add_bridge_mapping <interface>
 * <n>`. A VMnet with a bridge mapping is bridged, one with `NAT yes` NAT,
 * any other host-only (isolated). The host's adapter takes the first address
 * of the subnet, and VMware's DHCP hands out the upper half of it (.128 to
 * .254 on a /24), as its own defaults do.
 */
import { formatIp, parseIpv4, prefixOfNetmask } from '../../model/ip.js';
import type { ImportedNetwork, LineNote, ReadResult } from '../virtual-networks.js';

interface Vmnet {
  line: number;
  answers: Map<string, { value: string; line: number }>;
  bridge?: { interfaceName: string; line: number };
}

/** Keys that say how VMware runs a VMnet rather than what it is; left out without a note. */
const SILENT = new Set(['DHCP_CFG_HASH']);
const MODELLED = new Set(['DHCP', 'HOSTONLY_NETMASK', 'HOSTONLY_SUBNET', 'NAT', 'VIRTUAL_ADAPTER']);

class Refused extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function addressing(n: number, vmnet: Vmnet, notes: LineNote[]): Pick<ImportedNetwork, 'subnet' | 'dhcp'> {
  const subnet = vmnet.answers.get('HOSTONLY_SUBNET');
  const netmask = vmnet.answers.get('HOSTONLY_NETMASK');
  const adapter = vmnet.answers.get('VIRTUAL_ADAPTER')?.value !== 'no';
  const nat = vmnet.answers.get('NAT')?.value === 'yes';
  if (!subnet) return {};
  if (!adapter && !nat) {
    notes.push({ line: subnet.line, message: `VMnet${n} has a subnet but no host adapter; the subnet is left out` });
    return {};
  }
  const network = parseIpv4(subnet.value);
  if (!network) throw new Refused(subnet.line, `VNET_${n}_HOSTONLY_SUBNET ${subnet.value} is not an IPv4 address`);
  const length = netmask ? prefixOfNetmask(netmask.value) : 24;
  if (length === undefined || length > 30)
    throw new Refused(netmask!.line, `VNET_${n}_HOSTONLY_NETMASK ${netmask!.value} is not a netmask of /30 or wider`);
  const size = 1n << BigInt(32 - length);
  const base = network.value & ~(size - 1n);
  const at = (offset: bigint) => formatIp({ family: 4, value: base + offset });
  if (!adapter)
    notes.push({ line: subnet.line, message: `VMnet${n} has no host adapter; Netloom writes NAT networks with one` });
  return {
    subnet: `${at(1n)}/${length}`,
    ...(vmnet.answers.get('DHCP')?.value === 'yes' ? { dhcp: `${at(size / 2n)}-${at(size - 2n)}` } : {}),
  };
}

function networkOf(n: number, vmnet: Vmnet, notes: LineNote[]): ImportedNetwork {
  for (const [key, { line }] of vmnet.answers)
    if (!MODELLED.has(key) && !SILENT.has(key))
      notes.push({ line, message: `VNET_${n}_${key} is not modelled; left out` });
  const name = `vmnet${n}`;
  if (vmnet.bridge) {
    for (const [key, { line }] of vmnet.answers)
      if (MODELLED.has(key)) notes.push({ line, message: `VMnet${n} is bridged; its VNET_${n}_${key} is left out` });
    return { name, vmnet: n, mode: 'bridged', uplinkName: vmnet.bridge.interfaceName, line: vmnet.bridge.line };
  }
  const mode = vmnet.answers.get('NAT')?.value === 'yes' ? 'nat' : 'isolated';
  return { name, vmnet: n, mode, ...addressing(n, vmnet, notes), line: vmnet.line };
}

/** Reads the file into its VMnets in number order; a problem names its line. */
export function readVmwareNetworking(text: string): ReadResult<ImportedNetwork[]> {
  const notes: LineNote[] = [];
  const vmnets = new Map<number, Vmnet>();
  const vmnet = (n: number, line: number): Vmnet => {
    const found: Vmnet = vmnets.get(n) ?? { line, answers: new Map() };
    vmnets.set(n, found);
    return found;
  };
  let version = false;
  try {
    text.split('\n').forEach((raw, i) => {
      const line = i + 1;
      const words = raw.trim().split(/\s+/);
      if (raw.trim() === '' || raw.trim().startsWith('#')) return;
      if (!version) {
        if (raw.trim() !== 'VERSION=1,0')
          throw new Refused(
            line,
            `expected VERSION=1,0 first (the format vmware-networks reads), found "${raw.trim()}"`,
          );
        version = true;
        return;
      }
      const number = (text: string | undefined) => {
        const n = Number(text);
        if (!/^\d{1,3}$/.test(text ?? '') || n > 254)
          throw new Refused(line, `"${text}" is not a VMnet number (0-254)`);
        return n;
      };
      if (words[0] === 'answer' && words.length === 3) {
        const m = /^VNET_(\d+)_([A-Z0-9_]+)$/.exec(words[1]!);
        if (!m) {
          notes.push({ line, message: `${words[1]} is not modelled; left out` });
          return;
        }
        const entry = vmnet(number(m[1]), line);
        if (entry.answers.has(m[2]!)) throw new Refused(line, `VNET_${m[1]}_${m[2]} is answered twice`);
        entry.answers.set(m[2]!, { value: words[2]!, line });
      } else if (words[0] === 'add_bridge_mapping' && words.length === 3) {
        const entry = vmnet(number(words[2]), line);
        if (entry.bridge)
          throw new Refused(line, `VMnet${words[2]} is bridged twice (also on line ${entry.bridge.line})`);
        entry.bridge = { interfaceName: words[1]!, line };
      } else {
        throw new Refused(
          line,
          `expected "answer VNET_<n>_<KEY> <value>" or "add_bridge_mapping <interface> <n>", found "${raw.trim()}"`,
        );
      }
    });
    if (!version) throw new Refused(1, 'the file is empty: expected VERSION=1,0 and the VMnets');
    const value = [...vmnets.entries()].sort(([a], [b]) => a - b).map(([n, v]) => networkOf(n, v, notes));
    return { ok: true, value, notes: notes.sort((a, b) => a.line - b.line) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
}
