/**
 * Reads an esxcli script back into the settings it sets, as ESXi would end
 * up after running it: written from esxcli's documented options, not from
 * the target's tables, so the round trip checks the target against esxcli.
 */
import type { VswitchSettings } from '../../../../shared/targets/esxi/settings.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type Verdict = 'reject' | 'accept';

/** Splits one line into shell words: plain words and single-quoted parts ('\'' for a quote). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (/[A-Za-z0-9_@%+=:,./-]/.test(c)) word = (word ?? '') + c;
    else throw new Error(`unquoted ${JSON.stringify(c)} in: ${line}`);
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** `--name value` pairs after the sub-command. */
function options(words: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]!;
    if (!key.startsWith('--') || words[i + 1] === undefined) throw new Error(`not an option pair: ${words.join(' ')}`);
    if (map.has(key)) throw new Error(`${key} given twice`);
    map.set(key.slice(2), words[i + 1]!);
  }
  return map;
}

const verdict = (value: string): Verdict => {
  if (value === 'true') return 'accept';
  if (value === 'false') return 'reject';
  throw new Error(`not a boolean: ${value}`);
};
const SECURITY = {
  'allow-promiscuous': 'allowPromiscuous',
  'allow-forged-transmits': 'allowForgedTransmits',
  'allow-mac-change': 'allowMacChange',
} as const;

function security(opts: Map<string, string>): Partial<Record<(typeof SECURITY)[keyof typeof SECURITY], Verdict>> {
  const set: Partial<Record<(typeof SECURITY)[keyof typeof SECURITY], Verdict>> = {};
  for (const [option, field] of Object.entries(SECURITY)) {
    const value = opts.get(option);
    if (value !== undefined) set[field] = verdict(value);
  }
  return set;
}

/** ESXi's defaults for a vSwitch created with `esxcli network vswitch standard add` (7.0 and later). */
const NEW_VSWITCH = {
  mtu: 1500,
  loadBalancing: 'portid',
  allowPromiscuous: 'reject',
  allowForgedTransmits: 'reject',
  allowMacChange: 'reject',
} as const;

export function readEsxcliScript(script: string): VswitchSettings[] {
  const vswitches = new Map<string, Mutable<VswitchSettings> & { attached: string[] }>();
  const groups = new Map<string, { name: string; vlan: number; security: Record<string, Verdict>; vswitch: string }>();
  const vswitch = (name: string | undefined) => {
    const found = name === undefined ? undefined : vswitches.get(name);
    if (!found) throw new Error(`no vSwitch ${name} added before it is set`);
    return found;
  };
  const group = (name: string | undefined) => {
    const found = name === undefined ? undefined : groups.get(name);
    if (!found) throw new Error(`no port group ${name} added before it is set`);
    return found;
  };
  for (const line of script.split('\n')) {
    if (line.trim() === '' || line.startsWith('#') || line === 'set -e') continue;
    const words = shellWords(line);
    const prefix = words.slice(0, 4).join(' ');
    if (prefix !== 'esxcli network vswitch standard') throw new Error(`not an esxcli vswitch command: ${line}`);
    const rest = words.slice(4);
    const verb = rest.findIndex((w) => w.startsWith('--'));
    const command = rest.slice(0, verb < 0 ? rest.length : verb).join(' ');
    const opts = options(verb < 0 ? [] : rest.slice(verb));
    switch (command) {
      case 'add': {
        const name = opts.get('vswitch-name')!;
        vswitches.set(name, {
          name,
          mtu: NEW_VSWITCH.mtu,
          uplinks: { active: [], standby: [], unused: [] },
          loadBalancing: NEW_VSWITCH.loadBalancing,
          security: {
            allowPromiscuous: NEW_VSWITCH.allowPromiscuous,
            allowForgedTransmits: NEW_VSWITCH.allowForgedTransmits,
            allowMacChange: NEW_VSWITCH.allowMacChange,
          },
          portGroups: [],
          attached: [],
        });
        break;
      }
      case 'set':
        vswitch(opts.get('vswitch-name')).mtu = Number(opts.get('mtu'));
        break;
      case 'uplink add':
        vswitch(opts.get('vswitch-name')).attached.push(opts.get('uplink-name')!);
        break;
      case 'policy failover set': {
        const v = vswitch(opts.get('vswitch-name'));
        const list = (key: string) => opts.get(key)?.split(',') ?? [];
        for (const name of [...list('active-uplinks'), ...list('standby-uplinks')])
          if (!v.attached.includes(name)) throw new Error(`${name} is not an uplink of ${v.name}`);
        // Uplinks in neither list are unused; without an active list, the attached ones not on standby stay active.
        const standby = list('standby-uplinks');
        const active = opts.has('active-uplinks')
          ? list('active-uplinks')
          : v.attached.filter((u) => !standby.includes(u));
        v.uplinks = { active, standby, unused: v.attached.filter((u) => !active.includes(u) && !standby.includes(u)) };
        v.loadBalancing = opts.get('load-balancing') as VswitchSettings['loadBalancing'];
        break;
      }
      case 'policy security set': {
        const v = vswitch(opts.get('vswitch-name'));
        v.security = { ...v.security, ...security(opts) };
        break;
      }
      case 'portgroup add': {
        const name = opts.get('portgroup-name')!;
        vswitch(opts.get('vswitch-name'));
        groups.set(name, { name, vlan: 0, security: {}, vswitch: opts.get('vswitch-name')! });
        break;
      }
      case 'portgroup set':
        group(opts.get('portgroup-name')).vlan = Number(opts.get('vlan-id'));
        break;
      case 'portgroup policy security set': {
        const g = group(opts.get('portgroup-name'));
        g.security = { ...g.security, ...security(opts) };
        break;
      }
      default:
        throw new Error(`unknown esxcli command "${command}" in: ${line}`);
    }
  }
  // An uplink added and never named in a failover policy is active, as ESXi makes it.
  return [...vswitches.values()].map(({ attached, ...v }) => ({
    ...v,
    uplinks: {
      active: [...v.uplinks.active, ...attached.filter((u) => !Object.values(v.uplinks).flat().includes(u))],
      standby: v.uplinks.standby,
      unused: v.uplinks.unused,
    },
    portGroups: [...groups.values()]
      .filter((g) => g.vswitch === v.name)
      .map((g) => ({ name: g.name, vlan: g.vlan, security: g.security })),
  }));
}
