/**
 * Puts an imported host into a design: a new host goes below everything on
 * the canvas; a host of the same name is replaced in place, keeping its id
 * (so element ids, cables and VM NICs still line up), its VMs, its spot and
 * the positions of the elements that are still there.
 * What can no longer point anywhere (a cable to a port that is gone, a VM NIC
 * on a bridge that is gone) is dropped and reported.
 */
import type { Design, Host } from '../model/schema.js';
import { childrenOf } from '../model/kinds/index.js';
import { belowEverything, layoutHost } from './host-layout.js';

export interface Placement {
  readonly design: Design;
  /** Sentences about what was dropped, if anything. */
  readonly dropped: readonly string[];
  readonly replaced: boolean;
}

/** Same host under another id: every element id that starts with `<old id>-` is renamed too. */
function withHostId(host: Host, id: string): Host {
  if (host.id === id) return host;
  const rename = (x: string) => (x.startsWith(`${host.id}-`) ? `${id}${x.slice(host.id.length)}` : x);
  const json = JSON.stringify(host, (key, value: unknown) => {
    if (typeof value === 'string' && ['id', 'parent', 'primary'].includes(key)) return rename(value);
    if (Array.isArray(value) && ['members', 'ports'].includes(key))
      return value.map((v) => (typeof v === 'string' ? rename(v) : v));
    return value;
  });
  return { ...(JSON.parse(json) as Host), id };
}

export function placeHost(design: Design, imported: Host): Placement {
  const index = design.hosts.findIndex((h) => h.name === imported.name);
  const old = index >= 0 ? design.hosts[index] : undefined;
  const dropped: string[] = [];
  let host = old ? withHostId(imported, old.id) : imported;
  if (old) {
    const bridges = new Set(host.bridges.map((b) => b.id));
    const vms = old.vms.map((vm) => {
      const nics = vm.nics.filter(
        (nic) => bridges.has(nic.bridge) || (dropped.push(`VM ${vm.name} net${nic.slot}: its bridge is gone`), false),
      );
      return { ...vm, nics };
    });
    host = { ...host, vms: [...vms, ...host.vms], ssh: host.ssh ?? old.ssh };
  }
  const portIds = new Set(host.ports.map((p) => p.id));
  const oldPortIds = new Set(old?.ports.map((p) => p.id) ?? []);
  const cables = design.cables.filter(
    (c) =>
      !oldPortIds.has(c.hostPort) ||
      portIds.has(c.hostPort) ||
      (dropped.push(`cable ${c.id}: its host port is gone`), false),
  );

  const topLevel = [...design.hosts.filter((h) => h !== old), ...design.switches].map((d) => d.id);
  const origin = old && design.layout[old.id] ? design.layout[old.id]! : belowEverything(design.layout, topLevel);
  // Elements that survive the replacement keep the places the user gave them; new ones are laid out.
  const kept = new Set([host, ...childrenOf('host', host)].map((e) => e.id));
  const gone = new Set<string>();
  if (old) for (const e of childrenOf('host', old)) if (!kept.has(e.id)) gone.add(e.id);
  const hosts = old ? design.hosts.map((h, i) => (i === index ? host : h)) : [...design.hosts, host];
  const placed = { ...design, hosts, cables };
  const layout = { ...layoutHost(placed, host.id, { x: origin.x, y: origin.y }) };
  for (const [id, position] of Object.entries(design.layout)) if (!gone.has(id)) layout[id] = position;

  return { design: { ...placed, layout }, dropped, replaced: old !== undefined };
}
