/**
 * Real ifupdown2 as the judge of interfaces files: `ifup -a -s -i FILE`
 * (syntax check) and `ifquery -i FILE -o json` (how ifupdown2 reads a file).
 * Commands run through `ifupdown2-batch.py`, which forks ifupdown2's own entry
 * point once per command so that Python starts only once per batch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BATCH = fileURLToPath(new URL('./ifupdown2-batch.py', import.meta.url));
/** Debian's Python and ifupdown2, not whatever a user's PATH (pyenv) puts first. */
const ENV = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8' };

export interface Ifupdown2Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One stanza as `ifquery -o json` prints it. */
export interface IfqueryStanza {
  readonly name: string;
  /** Absent for a stanza without address family (`iface swp1`). */
  readonly addr_method?: string | null;
  readonly addr_family?: string | null;
  readonly auto: boolean;
  readonly config: Readonly<Record<string, string | string[]>>;
}

/** Runs ifupdown2 commands (argv lists starting with `ifup` or `ifquery`), a few at a time. */
export function runIfupdown2(commands: readonly (readonly string[])[], parallel = 8): Ifupdown2Run[] {
  if (commands.length === 0) return [];
  const result = spawnSync('/usr/bin/python3', [BATCH], {
    input: JSON.stringify({ parallel, commands }),
    encoding: 'utf8',
    env: ENV,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`ifupdown2 batch failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Ifupdown2Run[];
}

/** Interface names a file declares with `iface NAME`, for querying stanzas that are not `auto`. */
export function declaredNames(text: string): string[] {
  const names = new Set<string>();
  // `eth0:1` is an alias stanza of eth0, as ifupdown2 reads it.
  for (const m of text.matchAll(/^[ \t]*iface[ \t]+([^\s:]+)/gm)) names.add(m[1]!);
  return [...names].sort();
}

export interface Judgement {
  /** `ifup -a -s -i FILE`. */
  readonly check: Ifupdown2Run;
  /** `ifquery -a -i FILE -o json`: the `auto` interfaces (not run when only `all` was asked for). */
  readonly auto: readonly IfqueryStanza[] | undefined;
  /** `ifquery -i FILE -o json NAME...` for every declared name: all stanzas, `auto` or not. */
  readonly all: readonly IfqueryStanza[] | undefined;
}

function parseQuery(run: Ifupdown2Run): IfqueryStanza[] | undefined {
  if (run.status !== 0) return undefined;
  try {
    return JSON.parse(run.stdout) as IfqueryStanza[];
  } catch {
    return undefined;
  }
}

/**
 * Checks and queries many interfaces texts in one batch. ifupdown2 spends most
 * of a run waiting for its netlink thread, so several runs at once pay off even on two cores.
 */
export function judgeInterfaces(
  texts: readonly string[],
  options: { parallel?: number; queries?: 'auto-and-all' | 'all' } = {},
): Judgement[] {
  const { parallel = 8, queries = 'auto-and-all' } = options;
  const perText = queries === 'all' ? 2 : 3;
  const dir = mkdtempSync(join(tmpdir(), 'netloom-ifupdown2-'));
  try {
    const commands: string[][] = [];
    texts.forEach((text, i) => {
      const file = join(dir, `${i}.interfaces`);
      writeFileSync(file, text);
      const names = declaredNames(text);
      commands.push(['ifup', '-a', '-s', '-i', file]);
      if (queries === 'auto-and-all') commands.push(['ifquery', '-a', '-i', file, '-o', 'json']);
      commands.push(
        names.length > 0
          ? ['ifquery', '-i', file, '-o', 'json', ...names]
          : ['ifquery', '-a', '-i', file, '-o', 'json'],
      );
    });
    const runs = runIfupdown2(commands, parallel);
    return texts.map((_, i) => ({
      check: runs[perText * i]!,
      auto: perText === 3 ? parseQuery(runs[perText * i + 1]!) : undefined,
      all: parseQuery(runs[perText * i + perText - 1]!),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function judgeOne(text: string): Judgement {
  return judgeInterfaces([text])[0]!;
}

// ---------------------------------------------------------------------------
// Meaning: ifquery's JSON reduced to what ifupdown2 itself treats as equal.

/** One interface as ifupdown2 understands it, all its stanzas merged. */
export interface InterfaceMeaning {
  readonly auto: boolean;
  readonly methods: readonly string[];
  readonly config: Readonly<Record<string, readonly string[]>>;
}

const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];
const YES: Record<string, string> = { yes: 'yes', on: 'yes', '1': 'yes', no: 'no', off: 'no', '0': 'no' };
/** ifupdown2's defaults (addons/bond.py, addons/bridge.py) for attributes Netloom always writes. */
const BOND_DEFAULTS: Record<string, string> = { 'bond-mode': 'balance-rr', 'bond-miimon': '0' };
const BRIDGE_DEFAULTS: Record<string, string> = { 'bridge-stp': 'no', 'bridge-fd': '15', 'bridge-vlan-aware': 'no' };
/** Lists ifupdown2 reads as sets of names (ovs-ports: every line joined; openvswitch addons). */
const LIST_KEYS = new Set(['bond-slaves', 'bridge-ports', 'ovs-ports', 'ovs-bonds']);

function expandVids(text: string): string {
  const ids = new Set<number>();
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return text;
    for (let v = Number(m[1]); v <= Number(m[2] ?? m[1]); v++) ids.add(v);
  }
  return [...ids].sort((a, b) => a - b).join(',');
}

function netmaskLength(mask: string): number | undefined {
  const octets = mask.split('.').map(Number);
  if (octets.length !== 4) return /^\d+$/.test(mask) ? Number(mask) : undefined;
  const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('');
  if (!/^1*0*$/.test(bits)) return undefined;
  return bits.includes('0') ? bits.indexOf('0') : 32;
}

function normalizeValue(key: string, value: string): string[] {
  if (LIST_KEYS.has(key)) return value.split(/\s+/).filter(Boolean);
  if (key === 'bridge-vids' || key === 'bridge-trunk') return [expandVids(value)];
  // ovs-vsctl sets each column=value of ovs_options whatever their order.
  if (key === 'ovs-options') return [value.split(/\s+/).filter(Boolean).sort().join(' ')];
  if (key === 'bond-mode' && /^[0-6]$/.test(value)) return [BOND_MODES[Number(value)]!];
  if (key === 'bond-lacp-rate') return [value === '0' ? 'slow' : value === '1' ? 'fast' : value];
  if ((key === 'bridge-stp' || key === 'bridge-vlan-aware') && YES[value]) return [YES[value]!];
  return [value.replace(/\s+/g, ' ').trim()];
}

function addressesWithPrefix(stanza: IfqueryStanza): string[] {
  const list = (k: string) => {
    const v = stanza.config[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const masks = list('netmask');
  return list('address').flatMap((a, i) =>
    a
      .split(/\s+/)
      .filter(Boolean)
      .map((one) => {
        if (one.includes('/')) return one;
        const len = masks[i] ? netmaskLength(masks[i]!) : undefined;
        return `${one}/${len ?? (one.includes(':') ? 128 : 32)}`;
      }),
  );
}

/** ifquery's stanzas, merged per interface and normalised where ifupdown2 does not care. */
export function meaningOf(stanzas: readonly IfqueryStanza[]): Record<string, InterfaceMeaning> {
  const merged = new Map<string, { auto: boolean; methods: Set<string>; config: Map<string, string[]> }>();
  for (const s of stanzas) {
    const entry = merged.get(s.name) ?? {
      auto: false,
      methods: new Set<string>(),
      config: new Map<string, string[]>(),
    };
    merged.set(s.name, entry);
    entry.auto ||= s.auto;
    // ifupdown2 applies addresses whatever the method (static, manual, none); only DHCP, loopback and the like differ.
    const configured = s.addr_method == null || s.addr_method === 'static' || s.addr_method === 'manual';
    entry.methods.add(configured ? 'configured' : `${s.addr_family ?? '-'} ${s.addr_method}`);
    const add = (key: string, values: string[]) => entry.config.set(key, [...(entry.config.get(key) ?? []), ...values]);
    add('address', addressesWithPrefix(s));
    for (const [key, value] of Object.entries(s.config)) {
      if (key === 'address' || key === 'netmask') continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, normalizeValue(key, v));
    }
  }
  const result: Record<string, InterfaceMeaning> = {};
  for (const [name, entry] of [...merged].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const config = entry.config;
    const defaults = config.has('bond-slaves') ? BOND_DEFAULTS : config.has('bridge-ports') ? BRIDGE_DEFAULTS : {};
    for (const [k, v] of Object.entries(defaults)) if (!config.has(k)) config.set(k, [v]);
    const methods = [...entry.methods].sort();
    // A configured stanza next to a DHCP one says nothing more than its attributes.
    const meaningful = methods.length > 1 ? methods.filter((m) => m !== 'configured') : methods;
    const cleaned = Object.fromEntries(
      [...config]
        .filter(([, v]) => v.length > 0)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, [...v].sort()]),
    );
    const noOp = !entry.auto && Object.keys(cleaned).length === 0 && meaningful.every((m) => m === 'configured');
    const bareLoopback = name === 'lo' && Object.keys(cleaned).length === 0 && meaningful.join() === 'inet loopback';
    if (noOp || bareLoopback) continue;
    result[name] = { auto: entry.auto, methods: meaningful, config: cleaned };
  }
  return result;
}
