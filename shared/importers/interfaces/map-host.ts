/**
 * From parsed stanzas to a Netloom host: drafts for the interfaces the model
 * can hold, references resolved by name (interfaces that are referenced but
 * have no stanza become ports, or VLAN interfaces when named `parent.vid`),
 * `auto` / `allow-hotplug` as autostart, and everything else kept verbatim in
 * the host's unmanaged blocks, in file order, so that export loses nothing.
 */
import { checkInterfaceName } from '../../model/names.js';
import { unmanagedBlockProblems } from '../../model/verbatim.js';
import { INTERFACES_D } from '../../model/ifupdown2-keys.js';
import type {
  Bond,
  Bridge,
  Host,
  OvsBond,
  OvsBridge,
  OvsIntPort,
  PlatformId,
  Port,
  SshTarget,
  VlanInterface,
} from '../../model/schema.js';
import { headerProblem, readInterface, type Draft, type Note } from './draft.js';
import { IdAllocator } from './ids.js';
import { canonicalKey, readBool } from './vocabulary.js';
import { isAttribute, parseInterfaces, type IfaceStanza, type NumberedLine, type StartLine } from './parse.js';

/** The `source` line the exporter writes itself. */
export const DEFAULT_SOURCE = INTERFACES_D;

export interface ImportOptions {
  readonly hostName: string;
  /** Defaults to the host name. */
  readonly hostId?: string;
  /** Defaults to `proxmox` when the file has `vmbrN` bridges, else `debian`. */
  readonly platform?: PlatformId;
  readonly ssh?: SshTarget;
}

export interface InterfacesImport {
  readonly host: Host;
  readonly notes: readonly Note[];
}

interface Implicit {
  readonly name: string;
  readonly kind: 'port' | 'vlan';
  readonly parent?: string;
  readonly vlan?: number;
}

interface Resolution {
  readonly failed: ReadonlyMap<string, string>;
  readonly implicit: readonly Implicit[];
}

/** Checks every reference; an interface whose references the model cannot hold is reported with the reason. */
function resolve(drafts: ReadonlyMap<string, Draft>, verbatim: ReadonlyMap<string, string>): Resolution {
  const failed = new Map<string, string>();
  const implicit = new Map<string, Implicit>();
  const implicitPort = (name: string): string | undefined => {
    const problem = checkInterfaceName(name);
    if (problem) return `it refers to ${name}, whose name ${problem}`;
    if (!implicit.has(name)) implicit.set(name, { name, kind: 'port' });
    return undefined;
  };
  const refer = (name: string, kinds: readonly Draft['kind'][]): string | undefined => {
    const target = drafts.get(name);
    if (target)
      return kinds.includes(target.kind)
        ? undefined
        : `it refers to ${name}, a ${target.kind}, where the model needs a ${kinds.join(' or ')}`;
    if (verbatim.has(name)) return `it refers to ${name}, which is kept verbatim`;
    const dotted = /^(.+)\.(\d{1,4})$/.exec(name);
    const vid = dotted ? Number(dotted[2]) : 0;
    if (dotted && kinds.includes('vlan') && vid >= 1 && vid <= 4094 && checkInterfaceName(name) === undefined) {
      const parentProblem = refer(dotted[1]!, ['port', 'bond', 'bridge']);
      if (parentProblem) return parentProblem;
      if (!implicit.has(name)) implicit.set(name, { name, kind: 'vlan', parent: dotted[1]!, vlan: vid });
      return undefined;
    }
    return kinds.includes('port') ? implicitPort(name) : `it refers to ${name}, which has no stanza`;
  };
  /** Both ends of an OVS membership must agree: the bridge lists the port in ovs_ports, the port names the bridge in ovs_bridge. */
  const ovsBridgeProblem = (draft: Draft): string | undefined => {
    if (draft.ovsBridge === undefined) return undefined;
    const bridge = drafts.get(draft.ovsBridge);
    if (bridge?.kind === 'ovs-bridge' && bridge.members.includes(draft.name)) return undefined;
    if (verbatim.has(draft.ovsBridge)) return `it refers to ${draft.ovsBridge}, which is kept verbatim`;
    return `its ovs_bridge ${draft.ovsBridge} is not an OVS bridge that lists it in ovs_ports`;
  };
  const ovsPortProblem = (bridge: Draft, name: string): string | undefined => {
    const port = drafts.get(name);
    if (name === bridge.name) return 'it lists itself as a port';
    if (!port)
      return verbatim.has(name)
        ? `it refers to ${name}, which is kept verbatim`
        : `it lists ${name} in ovs_ports, which has no stanza`;
    if (port.kind !== 'port' && port.kind !== 'ovs-bond' && port.kind !== 'ovs-int-port')
      return `it lists ${name}, a ${port.kind}, in ovs_ports`;
    return port.ovsBridge === bridge.name ? undefined : `it lists ${name}, which does not name it in ovs_bridge`;
  };
  for (const draft of drafts.values()) {
    const problems =
      draft.kind === 'bond' || draft.kind === 'ovs-bond'
        ? draft.members.map((m) => refer(m, ['port']))
        : draft.kind === 'bridge'
          ? draft.members.map((m) =>
              m === draft.name ? `it lists itself as a port` : refer(m, ['port', 'bond', 'vlan']),
            )
          : draft.kind === 'vlan'
            ? [
                draft.parent === draft.name
                  ? 'it is its own raw device'
                  : refer(draft.parent!, ['port', 'bond', 'bridge']),
              ]
            : draft.kind === 'ovs-bridge'
              ? draft.members.map((m) => ovsPortProblem(draft, m))
              : [];
    problems.push(ovsBridgeProblem(draft));
    const problem = problems.find((p) => p !== undefined);
    if (problem) failed.set(draft.name, problem);
  }
  return { failed, implicit: [...implicit.values()] };
}

/**
 * A block's lines as the design keeps them. A line that would reach outside
 * the block (see `verbatim.ts`) is left out with a warning naming its line:
 * the design never carries it, the file stays as it was.
 */
function verbatimBlock(block: { lines: readonly NumberedLine[] }, notes: Note[]): string[] {
  let lines = block.lines;
  for (
    let problems = unmanagedBlockProblems(lines.map((l) => l.text));
    problems.length > 0;
    problems = unmanagedBlockProblems(lines.map((l) => l.text))
  ) {
    const left = new Set(problems.map((p) => p.index));
    for (const p of problems)
      notes.push({
        line: lines[p.index]!.line,
        message: `left out of the design: the line ${p.message}`,
        severity: 'warning',
      });
    lines = lines.filter((_, i) => !left.has(i));
  }
  return lines.map((l) => l.text);
}

const startWord = (s: StartLine) => (s.type === 'auto' ? 'auto' : `allow-${s.className}`);

/** Bare `iface lo inet loopback`: the exporter writes it anyway. */
const isPlainLoopback = (stanzas: readonly IfaceStanza[]) =>
  stanzas.length === 1 &&
  stanzas[0]!.family === 'inet' &&
  stanzas[0]!.method === 'loopback' &&
  !stanzas[0]!.body.some(isAttribute);

export function importInterfaces(text: string, options: ImportOptions): InterfacesImport {
  const { items } = parseInterfaces(text);
  const notes: Note[] = [];
  const blocks: { line: number; lines: readonly NumberedLine[] }[] = [];
  const stanzasByName = new Map<string, IfaceStanza[]>();
  const starts: StartLine[] = [];

  for (const item of items) {
    if (item.type === 'iface') {
      const problem = headerProblem(item);
      if (problem) notes.push({ line: item.line, message: problem, severity: 'warning' });
      stanzasByName.set(item.name, [...(stanzasByName.get(item.name) ?? []), item]);
    } else if (item.type === 'auto' || item.type === 'allow') {
      starts.push(item);
    } else if (item.type === 'source') {
      if (item.path !== DEFAULT_SOURCE) blocks.push({ line: item.line, lines: item.lines });
    } else {
      if (item.type === 'other' && item.problem)
        notes.push({ line: item.line, message: item.problem, severity: 'warning' });
      blocks.push({ line: item.line, lines: item.lines });
    }
  }

  const lo = stanzasByName.get('lo');
  if (lo && isPlainLoopback(lo)) {
    stanzasByName.delete('lo');
    // Its comments (above it, or standing after it) are all that is left of it.
    const comments = lo[0]!.lines.filter((l) => l.line !== lo[0]!.line);
    if (comments.length > 0) blocks.push({ line: comments[0]!.line, lines: comments });
  }
  const loopbackKept = stanzasByName.has('lo');

  const drafts = new Map<string, Draft>();
  const verbatim = new Map<string, string>();
  for (const [name, stanzas] of stanzasByName) {
    if (name === 'lo') {
      verbatim.set(name, 'the loopback interface carries more than `iface lo inet loopback`');
      continue;
    }
    const read = readInterface(name, stanzas);
    notes.push(...read.notes);
    if (read.ok) drafts.set(name, read.draft);
    else verbatim.set(name, read.reason);
  }
  let resolution = resolve(drafts, verbatim);
  while (resolution.failed.size > 0) {
    for (const [name, reason] of resolution.failed) {
      drafts.delete(name);
      verbatim.set(name, reason);
    }
    resolution = resolve(drafts, verbatim);
  }

  if (!starts.some((s) => s.className === 'auto')) {
    notes.push({
      line: 1,
      message: 'no interface is marked auto: `ifup -a` has nothing to bring up (ifupdown2 refuses the file)',
      severity: 'warning',
    });
  }
  const vlanAware = [...stanzasByName.values()]
    .flat()
    .flatMap((s) =>
      s.body
        .filter(isAttribute)
        .filter((a) => canonicalKey(a.key) === 'bridge-vlan-aware' && readBool(a.value) === true)
        .map((a) => ({ name: s.name, line: a.line })),
    )
    .sort((a, b) => a.line - b.line);
  for (const bridge of vlanAware.slice(1)) {
    notes.push({
      line: bridge.line,
      message: `iface ${bridge.name}: a second VLAN-aware bridge; ifupdown2 refuses it unless multiple_vlan_aware_bridge_support=1 (Proxmox VE sets it, Debian does not)`,
      severity: 'warning',
    });
  }

  // auto / allow-* lines: autostart of modelled interfaces; the rest stays with what it names.
  const autostart = new Map<string, 'auto' | 'hotplug'>();
  const startsOf = new Map<string, NumberedLine[]>();
  const modelled = new Set([...drafts.keys(), ...resolution.implicit.map((i) => i.name)]);
  const autoNames = new Set(starts.filter((s) => s.className === 'auto').flatMap((s) => s.names));
  for (const s of starts) {
    const leftover: string[] = [];
    for (const name of s.names) {
      // An interface both `auto` and `allow-hotplug` starts as auto; its allow-hotplug line stays as written.
      if (modelled.has(name) && (s.className === 'auto' || (s.className === 'hotplug' && !autoNames.has(name)))) {
        autostart.set(name, s.className === 'auto' ? 'auto' : 'hotplug');
      } else if (name === 'lo' && s.className === 'auto' && !loopbackKept) {
        // written by the exporter with the loopback stanza
      } else if (verbatim.has(name)) {
        startsOf.set(name, [...(startsOf.get(name) ?? []), { line: s.line, text: `${startWord(s)} ${name}` }]);
      } else {
        leftover.push(name);
      }
    }
    if (leftover.length > 0)
      blocks.push({ line: s.line, lines: [{ line: s.line, text: `${startWord(s)} ${leftover.join(' ')}` }] });
  }
  for (const [name, reason] of verbatim) {
    const stanzas = stanzasByName.get(name)!;
    notes.push({ line: stanzas[0]!.line, message: `${name} kept verbatim: ${reason}`, severity: 'info' });
    blocks.push({ line: stanzas[0]!.line, lines: [...(startsOf.get(name) ?? []), ...stanzas.flatMap((s) => s.lines)] });
  }

  const hostId = new IdAllocator().take(options.hostId ?? options.hostName);
  const ids = new IdAllocator([hostId]);
  const idOf = new Map<string, string>();
  const ordered = [...drafts.values()].sort((a, b) => a.line - b.line);
  for (const name of [...ordered.map((d) => d.name), ...resolution.implicit.map((i) => i.name)])
    idOf.set(name, ids.take(`${hostId}-${name}`));
  const ref = (name: string) => idOf.get(name)!;

  const common = (
    d: Pick<Draft, 'name' | 'comment' | 'extraLines' | 'inet' | 'inet6'> & { attributes?: Record<string, unknown> },
  ) => ({
    id: ref(d.name),
    name: d.name,
    autostart: autostart.get(d.name) ?? ('off' as const),
    ...(d.comment !== undefined ? { comment: d.comment } : {}),
    ...(d.inet ? { inet: d.inet } : {}),
    ...(d.inet6 ? { inet6: d.inet6 } : {}),
    ...(d.extraLines.length > 0 ? { extraLines: [...d.extraLines] } : {}),
  });
  const of = (kind: Draft['kind']) => ordered.filter((d) => d.kind === kind);
  const implicitOf = (kind: Implicit['kind']) => resolution.implicit.filter((i) => i.kind === kind);

  const ports = [
    ...of('port').map((d) => ({ ...common(d), ...d.attributes }) as Port),
    ...implicitOf('port').map((i) => common({ name: i.name, extraLines: [] }) as Port),
  ];
  const bonds = of('bond').map(
    (d) =>
      ({
        ...common(d),
        members: d.members.map(ref),
        ...(d.primary !== undefined ? { primary: ref(d.primary) } : {}),
        ...d.attributes,
      }) as Bond,
  );
  const bridges = of('bridge').map(
    (d) => ({ vlanAware: false, stp: false, ...common(d), ports: d.members.map(ref), ...d.attributes }) as Bridge,
  );
  const ovsBridges = of('ovs-bridge').map(
    (d) => ({ ...common(d), ports: d.members.map(ref), ...d.attributes }) as OvsBridge,
  );
  const ovsBonds = of('ovs-bond').map(
    (d) => ({ ...common(d), members: d.members.map(ref), ...d.attributes }) as OvsBond,
  );
  const ovsIntPorts = of('ovs-int-port').map((d) => ({ ...common(d), ...d.attributes }) as OvsIntPort);
  const vlans = [
    ...of('vlan').map(
      (d) => ({ ...common(d), parent: ref(d.parent!), vlan: d.vlan!, ...d.attributes }) as VlanInterface,
    ),
    ...implicitOf('vlan').map(
      (i) => ({ ...common({ name: i.name, extraLines: [] }), parent: ref(i.parent!), vlan: i.vlan! }) as VlanInterface,
    ),
  ];

  const host: Host = {
    id: hostId,
    name: options.hostName,
    platform:
      options.platform ?? ([...bridges, ...ovsBridges].some((b) => /^vmbr\d+$/.test(b.name)) ? 'proxmox' : 'debian'),
    ...(options.ssh ? { ssh: options.ssh } : {}),
    ports,
    bonds,
    bridges,
    vlans,
    ovsBridges,
    ovsBonds,
    ovsIntPorts,
    vswitches: [],
    portGroups: [],
    vms: [],
    virtualNetworks: [],
    bridgeRules: [],
    unmanaged: blocks
      .sort((a, b) => a.line - b.line)
      .map((b) => verbatimBlock(b, notes))
      .filter((lines) => lines.length > 0),
  };
  return { host, notes: notes.sort((a, b) => a.line - b.line) };
}
