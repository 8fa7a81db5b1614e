/**
 * An index of a design's elements by id, with the JSON path and owner of
 * each. Built once per design; rules, targets and the canvas look elements up
 * here instead of searching arrays.
 */
import type { PathSegment } from './paths.js';
import type {
  Bond,
  Bridge,
  Cable,
  Design,
  Host,
  Network,
  Port,
  PortChannel,
  Switch,
  SwitchPort,
  VlanInterface,
  Vm,
  VmNic,
} from './schema.js';

export type Element =
  | { readonly kind: 'network'; readonly element: Network }
  | { readonly kind: 'host'; readonly element: Host }
  | { readonly kind: 'port'; readonly element: Port; readonly host: Host }
  | { readonly kind: 'bond'; readonly element: Bond; readonly host: Host }
  | { readonly kind: 'bridge'; readonly element: Bridge; readonly host: Host }
  | { readonly kind: 'vlan'; readonly element: VlanInterface; readonly host: Host }
  | { readonly kind: 'vm'; readonly element: Vm; readonly host: Host }
  | { readonly kind: 'vm-nic'; readonly element: VmNic; readonly host: Host; readonly vm: Vm }
  | { readonly kind: 'switch'; readonly element: Switch }
  | { readonly kind: 'switch-port'; readonly element: SwitchPort; readonly switch: Switch }
  | { readonly kind: 'port-channel'; readonly element: PortChannel; readonly switch: Switch }
  | { readonly kind: 'cable'; readonly element: Cable };

export type ElementKind = Element['kind'];

export type Located = Element & { readonly path: readonly PathSegment[] };

export type ElementOf<K extends ElementKind> = Extract<Located, { kind: K }>;

export interface DesignIndex {
  readonly design: Design;
  /** Every element by id; the first one wins when ids repeat (integrity reports the repeat). */
  readonly byId: ReadonlyMap<string, Located>;
  /** Every element in document order, duplicates included. */
  readonly all: readonly Located[];
  get<K extends ElementKind>(id: string, kind: K): ElementOf<K> | undefined;
}

export function indexDesign(design: Design): DesignIndex {
  const all: Located[] = [];
  design.networks.forEach((element, i) => all.push({ kind: 'network', element, path: ['networks', i] }));
  design.hosts.forEach((host, h) => {
    const at = (...rest: PathSegment[]) => ['hosts', h, ...rest];
    all.push({ kind: 'host', element: host, path: at() });
    host.ports.forEach((element, i) => all.push({ kind: 'port', element, host, path: at('ports', i) }));
    host.bonds.forEach((element, i) => all.push({ kind: 'bond', element, host, path: at('bonds', i) }));
    host.bridges.forEach((element, i) => all.push({ kind: 'bridge', element, host, path: at('bridges', i) }));
    host.vlans.forEach((element, i) => all.push({ kind: 'vlan', element, host, path: at('vlans', i) }));
    host.vms.forEach((vm, v) => {
      all.push({ kind: 'vm', element: vm, host, path: at('vms', v) });
      vm.nics.forEach((element, i) => all.push({ kind: 'vm-nic', element, host, vm, path: at('vms', v, 'nics', i) }));
    });
  });
  design.switches.forEach((sw, s) => {
    all.push({ kind: 'switch', element: sw, path: ['switches', s] });
    sw.ports.forEach((element, i) =>
      all.push({ kind: 'switch-port', element, switch: sw, path: ['switches', s, 'ports', i] }),
    );
    sw.portChannels.forEach((element, i) =>
      all.push({ kind: 'port-channel', element, switch: sw, path: ['switches', s, 'portChannels', i] }),
    );
  });
  design.cables.forEach((element, i) => all.push({ kind: 'cable', element, path: ['cables', i] }));

  const byId = new Map<string, Located>();
  for (const located of all) if (!byId.has(located.element.id)) byId.set(located.element.id, located);

  return {
    design,
    byId,
    all,
    get<K extends ElementKind>(id: string, kind: K) {
      const found = byId.get(id);
      return found?.kind === kind ? (found as ElementOf<K>) : undefined;
    },
  };
}
