/**
 * Reads the subset of Dell OS6 and Cisco IOS running-configs that Netloom
 * writes: hostname, VLANs and their names, and interface blocks with
 * description, switchport, channel-group and mtu lines. Everything else is
 * skipped. Port names come back in the vendor's canonical form (any case,
 * long or short), so a config read from a switch and one Netloom wrote
 * compare in meaning. How blocks end and what a port's default mode is come
 * from the vendor registry.
 */
import type { SwitchVendor } from '../model/schema.js';
import {
  formatVlanSet,
  normalizeRanges,
  parseVlanSet,
  VlanSetSyntaxError,
  ALL_VLANS,
  type VlanRange,
} from '../model/vlan-set.js';
import { canonicalPortName, VENDORS } from '../vendors/index.js';

export interface ReadVlan {
  readonly vlan: number;
  name?: string;
  /** 1-based line of the first mention. */
  readonly line: number;
}

export interface ReadInterface {
  /** Ports in the model's long form (`Tengigabitethernet1/0/17`), `port-channel 8`, or the name as written. */
  readonly name: string;
  readonly kind: 'port' | 'port-channel' | 'other';
  readonly line: number;
  description?: string;
  /** As written after `switchport mode`: `trunk`, `access`, ... */
  mode?: string;
  accessVlan?: number;
  native?: number;
  /** Absent means the default (every VLAN). */
  allowed?: VlanRange[];
  channelGroup?: { readonly number: number; readonly mode?: string };
  mtu?: number;
  /** As written after `spanning-tree portfast` (`''` or `trunk`); absent when the line is not there. */
  portfast?: string;
}

export interface ReadProblem {
  readonly line: number;
  readonly message: string;
}

export interface SwitchConfig {
  hostname?: string;
  readonly vlans: ReadVlan[];
  readonly interfaces: ReadInterface[];
  readonly problems: ReadProblem[];
}

const unquote = (text: string) => /^"(.*)"$/.exec(text)?.[1] ?? text;

function applyAllowed(current: readonly VlanRange[] | undefined, words: string): VlanRange[] {
  const [verb, ...rest] = words.split(/\s+/);
  const list = rest.join(' ');
  const base = current ?? ALL_VLANS;
  const minus = (from: readonly VlanRange[], remove: readonly VlanRange[]) => {
    const ids = new Set<number>();
    for (const r of from) for (let v = r.from; v <= r.to; v++) ids.add(v);
    for (const r of remove) for (let v = r.from; v <= r.to; v++) ids.delete(v);
    return normalizeRanges([...ids].map((v) => ({ from: v, to: v })));
  };
  switch (verb) {
    case 'all':
      return [...ALL_VLANS];
    case 'none':
      return [];
    case 'add':
      return normalizeRanges([...(current ?? []), ...parseVlanSet(list)]);
    case 'remove':
      return minus(base, parseVlanSet(list));
    case 'except':
      return minus(ALL_VLANS, parseVlanSet(list));
    default:
      return parseVlanSet(words);
  }
}

function interfaceOf(vendor: SwitchVendor, name: string, line: number): ReadInterface {
  const channel = /^port-channel\s*(\d+)$/i.exec(name);
  if (channel) return { name: `port-channel ${Number(channel[1])}`, kind: 'port-channel', line };
  const port = canonicalPortName(vendor, name);
  return port ? { name: port, kind: 'port', line } : { name, kind: 'other', line };
}

/** Applies one line inside an interface block; `false` when the line is not one Netloom reads. */
function readInterfaceLine(iface: ReadInterface, text: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^description\s+(.+)$/.exec(text))) iface.description = unquote(m[1]!.trim());
  else if ((m = /^switchport mode\s+(.+)$/.exec(text))) iface.mode = m[1]!;
  else if ((m = /^switchport access vlan\s+(\d+)$/.exec(text))) iface.accessVlan = Number(m[1]);
  else if ((m = /^switchport trunk native vlan\s+(\d+)$/.exec(text))) iface.native = Number(m[1]);
  else if ((m = /^switchport trunk allowed vlan\s+(.+)$/.exec(text)))
    iface.allowed = applyAllowed(iface.allowed, m[1]!.trim());
  else if ((m = /^channel-group\s+(\d+)(?:\s+mode\s+(\S+))?/.exec(text)))
    iface.channelGroup = { number: Number(m[1]), mode: m[2] };
  else if ((m = /^mtu\s+(\d+)$/.exec(text))) iface.mtu = Number(m[1]);
  else if ((m = /^spanning-tree portfast(?:\s+(\S+))?$/.exec(text))) iface.portfast = m[1] ?? '';
  else return false;
  return true;
}

export function readSwitchConfig(text: string, vendor: SwitchVendor): SwitchConfig {
  const config: SwitchConfig = { vlans: [], interfaces: [], problems: [] };
  const vlanById = new Map<number, ReadVlan>();
  const vlanAt = (vlan: number, line: number) => {
    let found = vlanById.get(vlan);
    if (!found) {
      found = { vlan, line };
      vlanById.set(vlan, found);
      config.vlans.push(found);
    }
    return found;
  };

  type Block = { kind: 'interface'; iface: ReadInterface } | { kind: 'vlan'; vlans: ReadVlan[] } | undefined;
  let block: Block;
  const endsAtUnindented = VENDORS[vendor].blocksEndAtUnindented;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const indented = /^\s/.test(raw);
    const line = raw.trim();
    // IOS ends a block at the first line that is not indented; OS6 at `exit`.
    if (block && endsAtUnindented && !indented && line !== '') block = undefined;
    if (line === '' || line.startsWith('!')) {
      if (line.startsWith('!')) block = undefined;
      return;
    }
    if (line === 'exit' || line === 'end') {
      block = undefined;
      return;
    }
    // A header opens a new block even where the previous one lacked its `exit`.
    if (/^(interface|vlan)\s/.test(line)) block = undefined;
    try {
      if (block?.kind === 'interface') {
        readInterfaceLine(block.iface, line);
        return;
      }
      if (block?.kind === 'vlan') {
        const name = /^name\s+(.+)$/.exec(line);
        if (name) for (const v of block.vlans) v.name = unquote(name[1]!.trim());
        return;
      }
      let m: RegExpExecArray | null;
      if ((m = /^interface\s+(.+)$/.exec(line))) {
        const iface = interfaceOf(vendor, m[1]!.trim(), lineNo);
        config.interfaces.push(iface);
        block = { kind: 'interface', iface };
      } else if ((m = /^vlan\s+([\d,\-\s]+)$/.exec(line))) {
        const ids = parseVlanSet(m[1]!).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, k) => r.from + k));
        block = { kind: 'vlan', vlans: ids.map((id) => vlanAt(id, lineNo)) };
      } else if ((m = /^hostname\s+(.+)$/.exec(line))) {
        config.hostname = unquote(m[1]!.trim());
      }
    } catch (e) {
      if (!(e instanceof VlanSetSyntaxError)) throw e;
      config.problems.push({ line: lineNo, message: e.message });
    }
  });
  config.vlans.sort((a, b) => a.vlan - b.vlan);
  return config;
}

/** The interface's layer-2 settings in the model's terms, as the vendor defaults them. */
export function switchportOf(
  vendor: SwitchVendor,
  iface: ReadInterface,
): { mode: 'access'; vlan: number } | { mode: 'trunk'; allowed: string; native?: number } | undefined {
  const mode = iface.mode ?? (iface.kind !== 'other' ? VENDORS[vendor].defaultSwitchportMode : undefined);
  if (mode === 'trunk') {
    const all =
      iface.allowed === undefined ||
      (iface.allowed.length === 1 && iface.allowed[0]!.from === 1 && iface.allowed[0]!.to === 4094);
    return {
      mode: 'trunk',
      allowed: all ? 'all' : formatVlanSet(iface.allowed!),
      ...(iface.native === undefined ? {} : { native: iface.native }),
    };
  }
  if (mode === 'access') return { mode: 'access', vlan: iface.accessVlan ?? 1 };
  return undefined;
}
