/**
 * What a deploy types at a switch: the blocks of Netloom's snippet that the
 * switch does not run yet (compared in meaning with the running-config, read
 * by `readSwitchConfig`), and the inverse lines that put back what the switch
 * ran before (Dell OS6 has no device-side rollback, so a failed check on a
 * reachable switch is undone with them).
 *
 * Every snippet line is checked first: it must be one Netloom writes (a block
 * header, `exit`, or a managed setting inside a block), printable ASCII
 * without `?` (both CLIs answer `?` with help at once), and short enough. A
 * design's text (a description, a VLAN name) that would escape its line,
 * ask the CLI for help or overflow the switch's limit is refused here, with
 * the snippet line that holds it, before anything connects.
 */
import type { SwitchVendor } from '../model/schema.js';
import { formatVlanSet, type VlanRange } from '../model/vlan-set.js';
import { VENDORS } from '../vendors/index.js';
import { readSwitchConfig, type ReadInterface, type ReadVlan, type SwitchConfig } from './read.js';

/** The longest line a switch is sent. */
export const MAX_SWITCH_LINE = 400;

/** A snippet line that cannot be typed at a switch; `line` is 1-based in the snippet. */
export class SwitchLineError extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
    problem: string,
  ) {
    super(`snippet line ${line} (${JSON.stringify(text.slice(0, 80))}): ${problem}`);
    this.name = 'SwitchLineError';
  }
}

/** One `vlan` or `interface` block of the snippet: its header and the settings under it (unindented). */
export interface SnippetBlock {
  readonly header: string;
  readonly body: readonly string[];
}

export interface SwitchChange {
  /** Lines to type in global configuration mode: each changed block, closed by `exit`. */
  readonly apply: readonly string[];
  /** Lines to type in global configuration mode that put back what the switch ran (reverse order). */
  readonly inverse: readonly string[];
  /** `-` what the switch runs for the managed settings, `+` what Netloom sends, per changed block. */
  readonly diff: string;
}

const PRINTABLE = /^[\x20-\x3e\x40-\x7e]*$/;
const HEADER = /^(vlan \d+|interface \S.*)$/;
const MANAGED: Record<'vlan' | 'interface', RegExp> = {
  vlan: /^name \S.*$/,
  interface:
    /^(description \S.*|switchport mode (access|trunk)|switchport access vlan \d+|switchport trunk native vlan \d+|switchport trunk allowed vlan (add )?[\d,-]+|switchport trunk allowed vlan all|mtu \d+|channel-group \d+ mode [a-z]+|spanning-tree portfast( trunk)?)$/,
};

/** Why `line` cannot be typed at a switch, or undefined. */
export function switchLineProblem(line: string): string | undefined {
  if (!PRINTABLE.test(line)) {
    const bad = [...line].find((c) => !PRINTABLE.test(c))!;
    return `holds ${JSON.stringify(bad)}: a switch line takes printable ASCII only, without "?"`;
  }
  if (line.length > MAX_SWITCH_LINE)
    return `is ${line.length} characters long; a switch line takes at most ${MAX_SWITCH_LINE}`;
  return undefined;
}

const unquote = (text: string) => /^"(.*)"$/.exec(text)?.[1] ?? text;

/**
 * The snippet's blocks, every line checked. `lines` are the snippet's lines as
 * the target wrote them (first `configure`, last `end`/`exit`).
 */
export function snippetBlocks(vendor: SwitchVendor, lines: readonly string[]): SnippetBlock[] {
  const blocks: { header: string; body: string[] }[] = [];
  let open: { header: string; body: string[]; kind: 'vlan' | 'interface' } | undefined;
  const last = lines.length - 1;
  lines.forEach((raw, i) => {
    const no = i + 1;
    const problem = switchLineProblem(raw);
    if (problem) throw new SwitchLineError(no, raw, problem);
    const line = raw.trim();
    if (i === 0) {
      if (!/^configure( terminal)?$/.test(line)) throw new SwitchLineError(no, raw, 'a snippet starts with configure');
      return;
    }
    if (i === last && !open) {
      if (!/^(end|exit)$/.test(line)) throw new SwitchLineError(no, raw, 'a snippet ends with end or exit');
      return;
    }
    if (open) {
      if (line === 'exit') {
        blocks.push({ header: open.header, body: open.body });
        open = undefined;
      } else if (MANAGED[open.kind].test(line)) {
        if (line.startsWith('description ')) {
          const text = unquote(line.slice('description '.length));
          const max = VENDORS[vendor].maxDescription;
          if (text.length > max || text.includes('"'))
            throw new SwitchLineError(no, raw, `a description takes at most ${max} characters and no double quote`);
        }
        open.body.push(line);
      } else {
        throw new SwitchLineError(no, raw, `not a setting Netloom writes inside a ${open.kind} block`);
      }
      return;
    }
    if (!HEADER.test(line)) throw new SwitchLineError(no, raw, 'not a block Netloom writes');
    open = { header: line, body: [], kind: line.startsWith('vlan') ? 'vlan' : 'interface' };
  });
  if (open) throw new SwitchLineError(lines.length, lines[last] ?? '', 'the last block is not closed with exit');
  return blocks;
}

type Field = 'description' | 'mode' | 'accessVlan' | 'native' | 'allowed' | 'channelGroup' | 'mtu' | 'portfast';
const FIELDS: readonly Field[] = [
  'description',
  'mode',
  'accessVlan',
  'native',
  'allowed',
  'channelGroup',
  'mtu',
  'portfast',
];

const ranges = (r: readonly VlanRange[]) => (r.length === 0 ? 'none' : formatVlanSet(r));

/** A field's value as written, or undefined when the interface does not set it. */
function written(iface: ReadInterface | undefined, field: Field): string | undefined {
  if (!iface) return undefined;
  switch (field) {
    case 'allowed':
      return iface.allowed && ranges(iface.allowed);
    case 'channelGroup':
      return iface.channelGroup && `${iface.channelGroup.number} mode ${iface.channelGroup.mode ?? 'on'}`;
    default: {
      const value = iface[field];
      return value === undefined ? undefined : String(value);
    }
  }
}

/** A field's value in effect: what is written, else the vendor's default. */
function effective(vendor: SwitchVendor, iface: ReadInterface | undefined, field: Field): string | undefined {
  const defaults: Partial<Record<Field, string>> = {
    mode: VENDORS[vendor].defaultSwitchportMode ?? 'dynamic',
    accessVlan: '1',
    native: '1',
    allowed: '1-4094',
    mtu: String(VENDORS[vendor].defaultMtu),
  };
  return written(iface, field) ?? defaults[field];
}

/** The line that sets `field` back to `value` (as written before), or clears it. */
function restoreLine(vendor: SwitchVendor, field: Field, value: string | undefined): string {
  const KEYS: Record<Field, string> = {
    description: 'description',
    mode: 'switchport mode',
    accessVlan: 'switchport access vlan',
    native: 'switchport trunk native vlan',
    allowed: 'switchport trunk allowed vlan',
    channelGroup: 'channel-group',
    mtu: 'mtu',
    portfast: 'spanning-tree portfast',
  };
  if (value === undefined) return `no ${KEYS[field]}`;
  if (field === 'description') return `description ${VENDORS[vendor].text(value)}`;
  return value === '' ? KEYS[field] : `${KEYS[field]} ${value}`;
}

function readBlock(vendor: SwitchVendor, block: SnippetBlock): SwitchConfig {
  return readSwitchConfig([block.header, ...block.body.map((l) => ` ${l}`)].join('\n'), vendor);
}

/** The inverse lines of one interface block: every setting the snippet sets, back to what `before` had. */
function interfaceInverse(
  vendor: SwitchVendor,
  block: SnippetBlock,
  sent: ReadInterface,
  before: ReadInterface | undefined,
) {
  const set = FIELDS.filter((f) => written(sent, f) !== undefined);
  const old = (f: Field) => written(before, f);
  const body = set.filter((f) => f !== 'channelGroup').map((f) => restoreLine(vendor, f, old(f)));
  // Leave a port-channel before its switchport is restored; join the old one last.
  if (set.includes('channelGroup')) {
    const line = restoreLine(vendor, 'channelGroup', old('channelGroup'));
    if (old('channelGroup') === undefined) body.unshift(line);
    else body.push(line);
  }
  return [block.header, ...body, 'exit'];
}

function vlanInverse(vendor: SwitchVendor, sent: ReadVlan, before: ReadVlan | undefined): string[] {
  if (!before) return [`no vlan ${sent.vlan}`];
  return [
    `vlan ${sent.vlan}`,
    before.name === undefined ? 'no name' : `name ${VENDORS[vendor].text(before.name)}`,
    'exit',
  ];
}

/**
 * The change from what the switch runs (`running`, its `show running-config`)
 * to the snippet (`snippet`, its lines as the target wrote them). Throws
 * `SwitchLineError` for a line that must not be typed.
 */
export function switchChange(vendor: SwitchVendor, snippet: readonly string[], running: string): SwitchChange {
  const blocks = snippetBlocks(vendor, snippet);
  const live = readSwitchConfig(running, vendor);
  const apply: string[] = [];
  const interfaceUndo: string[][] = [];
  const vlanUndo: string[][] = [];
  const diff: string[] = [];
  for (const block of blocks) {
    const sent = readBlock(vendor, block);
    const vlan = sent.vlans[0];
    const iface = sent.interfaces[0];
    let undo: string[];
    if (vlan) {
      const before = live.vlans.find((v) => v.vlan === vlan.vlan);
      if (before && (vlan.name === undefined || vlan.name === before.name)) continue;
      undo = vlanInverse(vendor, vlan, before);
      vlanUndo.push(undo);
    } else if (iface) {
      const before = live.interfaces.find((i) => i.name === iface.name);
      const changed = FIELDS.some(
        (f) => written(iface, f) !== undefined && effective(vendor, iface, f) !== effective(vendor, before, f),
      );
      if (!changed) continue;
      undo = interfaceInverse(vendor, block, iface, before);
      interfaceUndo.push(undo);
    } else {
      continue;
    }
    apply.push(block.header, ...block.body, 'exit');
    diff.push(
      `@@ ${block.header} @@`,
      ...undo.filter((l) => l !== block.header && l !== 'exit' && !l.startsWith('no ')).map((l) => `-${l}`),
      ...block.body.map((l) => `+${l}`),
    );
  }
  // Undo interfaces before VLANs: a VLAN is removed once no port uses it.
  const inverse = [...interfaceUndo.reverse().flat(), ...vlanUndo.reverse().flat()];
  return { apply, inverse, diff: diff.length === 0 ? '' : `${diff.join('\n')}\n` };
}
