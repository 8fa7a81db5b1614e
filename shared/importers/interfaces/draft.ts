/**
 * One interface read from its stanzas (one per address family) into a draft
 * element: the kind, the attributes the model knows, references by name, and
 * every other line kept verbatim. When the model cannot hold the interface
 * faithfully, the draft says why, and the stanzas are kept whole instead.
 */
import { bondAttributes, bridgeAttributes, portAttributes, vlanInterfaceAttributes } from '../../model/kinds/index.js';
import { ovsBondAttributes } from '../../model/kinds/ovs-bond.js';
import { ovsBridgeAttributes } from '../../model/kinds/ovs-bridge.js';
import { ovsIntPortAttributes } from '../../model/kinds/ovs-int-port.js';
import { OvsOptionsSyntaxError, parseOvsOptions } from '../../model/ovs-options.js';
import { OVS_TYPES } from '../../model/ifupdown2-keys.js';
import { checkAttribute, type Attribute as AttributeSpec, type AttributeTable } from '../../model/attributes.js';
import { parseIp } from '../../model/ip.js';
import { checkInterfaceName } from '../../model/names.js';
import { extraLinesProblems } from '../../model/verbatim.js';
import { formatVlanSet, parseVlanSet, VlanSetSyntaxError } from '../../model/vlan-set.js';
import { addressReader, emptyStatics } from './addresses.js';
import { isAttribute, type Attribute, type IfaceStanza } from './parse.js';
import type { LogicalLine } from './lines.js';
import {
  BOND_PRIMARY,
  BOND_SLAVES,
  BRIDGE_PORTS,
  canonicalKey,
  IFUPDOWN2_DEFAULTS,
  keysOf,
  OVS_KEYS,
  readBondMode,
  readBool,
  readLacpRate,
  unmodelledKind,
  VLAN_ID,
  VLAN_RAW_DEVICE,
} from './vocabulary.js';

export type DraftKind = 'port' | 'bond' | 'bridge' | 'vlan' | 'ovs-bridge' | 'ovs-bond' | 'ovs-int-port';
type OvsKind = Extract<DraftKind, `ovs-${string}`>;
const isOvsKind = (kind: DraftKind): kind is OvsKind => kind.startsWith('ovs-');

export interface Note {
  readonly line: number;
  readonly message: string;
  /** `warning`: ifupdown2 would refuse or misread the line; `info`: kept verbatim because Netloom does not model it. */
  readonly severity: 'warning' | 'info';
}

type Family = { method: 'static'; addresses: string[]; gateway?: string } | { method: 'dhcp' } | { method: 'auto' };

export interface Draft {
  readonly name: string;
  readonly kind: DraftKind;
  readonly line: number;
  /** Attribute values by model attribute name (mode, miimon, vids, mtu...). */
  readonly attributes: Record<string, unknown>;
  readonly inet?: Family;
  readonly inet6?: Family;
  /** References by interface name. */
  readonly members: readonly string[];
  readonly primary?: string;
  readonly parent?: string;
  readonly vlan?: number;
  /** `ovs_bridge`: the OVS bridge a port, OVS bond or internal port says it sits on. */
  readonly ovsBridge?: string;
  readonly comment?: string;
  readonly extraLines: readonly string[];
}

export type DraftResult =
  | { readonly ok: true; readonly draft: Draft; readonly notes: Note[] }
  | { readonly ok: false; readonly reason: string; readonly notes: Note[] };

const METHODS: Readonly<Record<string, readonly string[]>> = {
  inet: ['static', 'dhcp', 'manual'],
  inet6: ['static', 'dhcp', 'auto', 'manual'],
};
/** Methods ifupdown2 itself reads (ifupdown/networkinterfaces.py). */
const IFUPDOWN2_METHODS = ['static', 'manual', 'loopback', 'dhcp', 'dhcp6', 'ppp', 'tunnel'];

class Unmodelled extends Error {}

function dottedVlan(name: string): { parent: string; vlan: number } | undefined {
  const m = /^(.+)\.(\d{1,4})$/.exec(name);
  if (!m) return undefined;
  const vlan = Number(m[2]);
  return vlan >= 1 && vlan <= 4094 ? { parent: m[1]!, vlan } : undefined;
}

/** What ifupdown2 would complain about in a stanza header, if anything. */
export function headerProblem(stanza: IfaceStanza): string | undefined {
  if (stanza.name === '') return 'iface names no interface';
  if (stanza.family !== undefined && stanza.family !== 'inet' && stanza.family !== 'inet6')
    return `iface ${stanza.name}: unsupported address family "${stanza.family}"`;
  if (stanza.method !== undefined && !IFUPDOWN2_METHODS.includes(stanza.method))
    return `iface ${stanza.name}: unsupported address method "${stanza.method}"`;
  return undefined;
}

/** The comment above a stanza, if it is one line that fits the model and is not Netloom's own label. */
function commentOf(stanza: IfaceStanza, kind: DraftKind, name: string): string | undefined {
  if (stanza.leadingComments.length !== 1) return undefined;
  const text = stanza.leadingComments[0]!.text.replace(/^#\s*/, '');
  if (text === '' || text === `${kind} ${name}` || checkAttribute(portAttributes.comment, text)) return undefined;
  return text;
}

/** The kind an `ovs_type` value means; OVSPort is a host port on an OVS bridge. */
const OVS_KIND_OF: ReadonlyMap<string, DraftKind> = new Map(
  Object.entries(OVS_TYPES).map(([kind, type]) => [type, kind as DraftKind]),
);

function kindOf(name: string, keys: ReadonlySet<string>, ovsType: string | undefined): DraftKind {
  const bond = keys.has(BOND_SLAVES);
  const bridge = keys.has(BRIDGE_PORTS);
  const ovs = [...keys].some((k) => k.startsWith('ovs-'));
  if (ovs && (bond || bridge || keys.has(VLAN_RAW_DEVICE) || keys.has(VLAN_ID)))
    throw new Unmodelled('it mixes Open vSwitch lines with Linux bond, bridge or VLAN lines');
  if (ovs) {
    if (ovsType === undefined) throw new Unmodelled('it has Open vSwitch lines but no ovs_type');
    const kind = OVS_KIND_OF.get(ovsType);
    if (!kind) throw new Unmodelled(`it is an Open vSwitch ${ovsType}, which Netloom does not model`);
    return kind;
  }
  if (bond && bridge) throw new Unmodelled('it has both bond-slaves and bridge-ports');
  if (bond) return 'bond';
  if (bridge) return 'bridge';
  if (keys.has(VLAN_RAW_DEVICE) || keys.has(VLAN_ID) || dottedVlan(name)) return 'vlan';
  return 'port';
}

/** Each kind's attribute table: ifupdown2 keys and value checks come from shared/model/kinds.ts. */
const TABLES: Readonly<Record<DraftKind, AttributeTable>> = {
  port: portAttributes,
  bond: bondAttributes,
  bridge: bridgeAttributes,
  vlan: vlanInterfaceAttributes,
  'ovs-bridge': ovsBridgeAttributes,
  'ovs-bond': ovsBondAttributes,
  'ovs-int-port': ovsIntPortAttributes,
};
/** One value per kind, read from its table. */
function perKind<T>(f: (table: AttributeTable) => T): Readonly<Record<DraftKind, T>> {
  const t = TABLES;
  return {
    port: f(t.port),
    bond: f(t.bond),
    bridge: f(t.bridge),
    vlan: f(t.vlan),
    'ovs-bridge': f(t['ovs-bridge']),
    'ovs-bond': f(t['ovs-bond']),
    'ovs-int-port': f(t['ovs-int-port']),
  };
}
const KEYS = perKind(keysOf);
/** Model attribute name by `ovs_options` column. */
const OVS_COLUMNS = perKind(
  (table) =>
    new Map(
      Object.entries(table).flatMap(([name, a]) =>
        a.keys?.['ovs-vsctl'] ? [[a.keys['ovs-vsctl'], name] as const] : [],
      ),
    ),
);

/** Reads one value for a model attribute, in ifupdown2's spellings; undefined when it does not fit. */
function readValue(name: string, spec: AttributeSpec, value: string): unknown {
  let parsed: unknown;
  if (name === 'mode') parsed = readBondMode(value);
  else if (name === 'lacpRate') parsed = readLacpRate(value);
  else if (spec.type === 'bool') parsed = readBool(value);
  else if (spec.type === 'int') parsed = /^\d+$/.test(value) ? Number(value) : undefined;
  else if (spec.type === 'vlan-list') {
    try {
      parsed = formatVlanSet(parseVlanSet(value));
    } catch (e) {
      if (!(e instanceof VlanSetSyntaxError)) throw e;
    }
  } else parsed = value;
  return parsed !== undefined && checkAttribute(spec, parsed) === undefined ? parsed : undefined;
}

/** What ifupdown2's syntax check (Debian's 3.0.0) refuses in a line Netloom still imports. */
function ifupdown2Refuses(isBridge: boolean, key: string, value: string): string | undefined {
  if (isBridge && key === 'mtu') return "ifupdown2 refuses an mtu on a bridge, which takes its ports' MTU";
  if (key === BRIDGE_PORTS && value === 'none')
    return 'ifupdown2 before 3.1 refuses "bridge-ports none" (Proxmox VE\'s 3.1+ reads it)';
  if (key === 'address' && value.split(/\s+/).some((t) => parseIp(t.replace(/\/\d+$/, '')) === undefined))
    return `"${value}" is not an address ifupdown2 accepts`;
  return undefined;
}

export function readInterface(name: string, stanzas: readonly IfaceStanza[]): DraftResult {
  const notes: Note[] = [];
  try {
    const nameProblem = checkInterfaceName(name);
    if (nameProblem) throw new Unmodelled(`the interface name ${nameProblem}`);
    const families = new Set<string>();
    // `iface swp1` without a family (ifupdown2 reads it, Cumulus writes it) configures addresses of either family.
    if (stanzas.length === 1 && stanzas[0]!.family === undefined) families.add('any');
    for (const s of families.has('any') ? [] : stanzas) {
      if (s.family === undefined || !METHODS[s.family])
        throw new Unmodelled(`iface ${name} has an address family Netloom does not model`);
      if (families.has(s.family)) throw new Unmodelled(`${name} has more than one ${s.family} stanza`);
      families.add(s.family);
      if (!METHODS[s.family]!.includes(s.method ?? ''))
        throw new Unmodelled(`${s.family} ${s.method ?? '(none)'} is not a method Netloom models`);
    }
    const attributes = stanzas.flatMap((s) =>
      s.body.filter(isAttribute).map((a) => ({ ...a, key: canonicalKey(a.key), stanza: s })),
    );
    const isBridge = attributes.some((a) => a.key === BRIDGE_PORTS);
    for (const a of attributes) {
      const refused = ifupdown2Refuses(isBridge, a.key, a.value);
      if (refused) notes.push({ line: a.line, message: `iface ${name}: ${refused}`, severity: 'warning' });
    }
    for (const a of attributes) {
      const other = unmodelledKind(a.key);
      if (other) throw new Unmodelled(`it is ${other} (${a.key})`);
      if (a.value === '') {
        notes.push({
          line: a.line,
          message: `iface ${name}: "${a.key}" has no value; ifupdown2 refuses it`,
          severity: 'warning',
        });
        throw new Unmodelled(`"${a.key}" has no value`);
      }
    }
    const ovsTypes = attributes.filter((a) => a.key === OVS_KEYS.type);
    if (ovsTypes.length > 1) throw new Unmodelled('it has more than one ovs_type line');
    const kind = kindOf(name, new Set(attributes.map((a) => a.key)), ovsTypes[0]?.value);
    const ovsPort = kind === 'port' && ovsTypes.length === 1;
    let ovsBridge: string | undefined;
    const values: Record<string, unknown> = {};
    const extra = new Map<Attribute | LogicalLine, string>();
    let members: string[] = [];
    let primary: string | undefined;
    let parent: string | undefined;
    let vlan: number | undefined;
    const result: { inet?: Family; inet6?: Family } = {};
    const statics = emptyStatics();
    // Extra lines are stored without the stanza's indentation; the exporter indents them again.
    const keep = (a: Attribute | LogicalLine) => extra.set(a, a.raw.trimStart());
    const once = new Set<string>();
    const extraLinesAfter: string[] = [];

    for (const s of stanzas) {
      const family = s.family as 'inet' | 'inet6' | undefined;
      // ifupdown2 applies addresses whatever the method says, except for DHCP; a family-less stanza is static.
      const method = s.method ?? 'static';
      const takeAddress = method === 'static' ? addressReader(s, statics) : () => false;
      for (const entry of s.body) {
        if (!isAttribute(entry)) {
          keep(entry);
          continue;
        }
        const key = canonicalKey(entry.key);
        const value = entry.value;
        if (takeAddress(entry)) {
          // recorded as an address, netmask or gateway
        } else if (key === BOND_SLAVES && kind === 'bond' && !once.has(key)) {
          once.add(key);
          members = value === 'none' ? [] : value.split(/\s+/).filter(Boolean);
          if (members.some((m) => m === 'glob' || m === 'regex' || /[[*?]/.test(m)))
            throw new Unmodelled('its bond-slaves use a pattern');
        } else if (key === BOND_PRIMARY && kind === 'bond' && primary === undefined && !/\s/.test(value)) {
          primary = value;
        } else if (key === BRIDGE_PORTS && kind === 'bridge' && !once.has(key)) {
          once.add(key);
          members = value === 'none' ? [] : value.split(/\s+/).filter(Boolean);
          if (members.some((m) => m === 'all' || m === 'glob' || m === 'regex' || /[[*?]/.test(m)))
            throw new Unmodelled('its bridge-ports use a pattern or "all"');
        } else if (key === VLAN_RAW_DEVICE && kind === 'vlan' && parent === undefined && !/\s/.test(value)) {
          parent = value;
        } else if (
          key === VLAN_ID &&
          kind === 'vlan' &&
          vlan === undefined &&
          /^\d{1,4}$/.test(value) &&
          Number(value) >= 1 &&
          Number(value) <= 4094
        ) {
          vlan = Number(value);
        } else if (key === OVS_KEYS.type && ovsTypes.length === 1) {
          // the kind, read above
        } else if (
          key === OVS_KEYS.bridge &&
          (ovsPort || kind === 'ovs-bond' || kind === 'ovs-int-port') &&
          ovsBridge === undefined &&
          !/\s/.test(value)
        ) {
          ovsBridge = value;
        } else if (
          (key === OVS_KEYS.ports && kind === 'ovs-bridge') ||
          (key === OVS_KEYS.bonds && kind === 'ovs-bond')
        ) {
          // ifupdown2 joins every ovs_ports line; the model holds one list.
          if (once.has(key)) throw new Unmodelled(`it has more than one ${key} line`);
          once.add(key);
          members = value.split(/\s+/).filter(Boolean);
          if (members.some((m) => m === 'glob' || m === 'regex' || /[[*?]/.test(m)))
            throw new Unmodelled(`its ${key} use a pattern`);
        } else if (key === OVS_KEYS.options && isOvsKind(kind) && !once.has(key)) {
          // ifupdown2 passes only the first ovs_options line to ovs-vsctl; a second one stays as written.
          once.add(key);
          const other: string[] = [];
          try {
            for (const { column, value: setting } of parseOvsOptions(value)) {
              const attr = OVS_COLUMNS[kind].get(column);
              const parsed = attr === undefined ? undefined : readValue(attr, TABLES[kind][attr]!, setting);
              if (parsed !== undefined) values[attr!] = parsed;
              else other.push(`${column}=${setting}`);
            }
          } catch (e) {
            if (!(e instanceof OvsOptionsSyntaxError)) throw e;
            throw new Unmodelled(`its ovs_options cannot be read: ${e.message}`);
          }
          if (other.length > 0) values.otherOptions = other.join(' ');
        } else if (KEYS[kind].has(key)) {
          const attr = KEYS[kind].get(key)!;
          const spec = TABLES[kind][attr]!;
          const parsed = readValue(attr, spec, value);
          if (parsed !== undefined && values[attr] === undefined) {
            values[attr] = parsed;
          } else if (spec.default !== undefined) {
            // The model always states this attribute, so a second or unreadable value cannot ride along as an extra line.
            notes.push({
              line: entry.line,
              message: `iface ${name}: ${key} "${value}" is not a value Netloom can hold; the interface is kept verbatim`,
              severity: 'warning',
            });
            throw new Unmodelled(`${key} "${value}"`);
          } else {
            if (parsed === undefined)
              notes.push({
                line: entry.line,
                message: `iface ${name}: ${key} "${value}" is not a value Netloom holds; kept verbatim`,
                severity: 'info',
              });
            keep(entry);
          }
        } else {
          keep(entry);
        }
      }
      if ((method === 'dhcp' || method === 'auto') && family !== undefined) result[family] = { method };
    }
    // Static without an address is manual to ifupdown2; a gateway alone stays as written.
    for (const [ipFamily, family] of [
      [4, 'inet'],
      [6, 'inet6'],
    ] as const) {
      const { addresses, gateway } = statics[ipFamily];
      if (addresses.length > 0)
        result[family] =
          gateway === undefined ? { method: 'static', addresses } : { method: 'static', addresses, gateway };
      else if (gateway !== undefined) extraLinesAfter.push(`gateway ${gateway}`);
    }

    if (kind === 'vlan') {
      const dotted = dottedVlan(name);
      parent ??= dotted?.parent;
      vlan ??= dotted && parent === dotted.parent ? dotted.vlan : undefined;
      if (parent === undefined || vlan === undefined) throw new Unmodelled('its VLAN id or raw device is missing');
    }
    if (kind === 'bond') {
      values.mode ??= IFUPDOWN2_DEFAULTS.bondMode;
      values.miimon ??= IFUPDOWN2_DEFAULTS.bondMiimon;
    }
    if (kind === 'bridge') values.forwardDelay ??= IFUPDOWN2_DEFAULTS.bridgeForwardDelay;

    if (primary !== undefined && !members.includes(primary)) {
      // A primary that is not a member stays as written.
      extraLinesAfter.push(`${BOND_PRIMARY} ${primary}`);
      primary = undefined;
    }
    const header = stanzas[0]!;
    const comment = commentOf(header, kind, name);
    if (
      header.leadingComments.length > 0 &&
      comment === undefined &&
      !(
        header.leadingComments.length === 1 &&
        header.leadingComments[0]!.text.replace(/^#\s*/, '') === `${kind} ${name}`
      )
    ) {
      // Comments the model cannot hold as the element's comment stay above the first body line.
      for (const c of header.leadingComments) extra.set(c, c.raw.trimStart());
    }
    // One entry per physical line: a continued line's following lines are entries of their own.
    const ordered = [
      ...[...extra.entries()]
        .sort(([a], [b]) => a.line - b.line)
        .flatMap(([a, raw]) => raw.split('\n').map((text, j) => ({ line: a.line + j, text }))),
      ...extraLinesAfter.map((text) => ({ line: header.line, text })),
    ];
    const refused = extraLinesProblems(ordered.map((l) => l.text))[0];
    if (refused) throw new Unmodelled(`line ${ordered[refused.index]!.line} ${refused.message}`);
    const draft: Draft = {
      name,
      kind,
      line: header.line,
      attributes: values,
      ...result,
      members,
      ...(primary !== undefined ? { primary } : {}),
      ...(parent !== undefined ? { parent } : {}),
      ...(vlan !== undefined ? { vlan } : {}),
      ...(ovsBridge !== undefined ? { ovsBridge } : {}),
      ...(comment !== undefined ? { comment } : {}),
      extraLines: ordered.map((l) => l.text),
    };
    return { ok: true, draft, notes };
  } catch (e) {
    if (e instanceof Unmodelled) return { ok: false, reason: e.message, notes };
    throw e;
  }
}
