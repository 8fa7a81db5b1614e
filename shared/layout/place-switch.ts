/**
 * Puts an imported switch into a design: a new switch joins the switches (the
 * canvas lays it out in their row); a switch of the same name is replaced in
 * place, keeping its id, the ids of the ports (by name) and port-channels (by
 * number) that are still there, so cables still line up, and the positions of
 * what is still there. A cable to a port that is gone is dropped and reported.
 */
import { indexDesign } from '../model/index-of.js';
import type { Design, Switch } from '../model/schema.js';
import type { Placement } from './place-host.js';

/** `base`, or `base-2`, `base-3`... whichever no element of the design uses. */
function freshId(design: Design, base: string): string {
  const taken = indexDesign(design).byId;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function placeSwitch(design: Design, imported: Switch): Placement {
  const old = design.switches.find((s) => s.name === imported.name);
  const id = old?.id ?? freshId(design, imported.id);
  const rename = (x: string) => (x.startsWith(`${imported.id}-`) ? `${id}${x.slice(imported.id.length)}` : x);
  const oldPorts = new Map(old?.ports.map((p) => [p.name, p.id]));
  const oldChannels = new Map(old?.portChannels.map((pc) => [pc.number, pc.id]));
  const portIds = new Map(imported.ports.map((p) => [p.id, oldPorts.get(p.name) ?? rename(p.id)]));
  const sw: Switch = {
    ...(old && { management: old.management, mlagPeer: old.mlagPeer }),
    ...imported,
    id,
    ports: imported.ports.map((p) => ({ ...p, id: portIds.get(p.id)! })),
    portChannels: imported.portChannels.map((pc) => ({
      ...pc,
      id: oldChannels.get(pc.number) ?? rename(pc.id),
      members: pc.members.map((m) => portIds.get(m) ?? m),
    })),
  };
  const kept = new Set([sw.id, ...sw.ports.map((p) => p.id), ...sw.portChannels.map((pc) => pc.id)]);
  const gone = new Set(
    [...(old?.ports ?? []), ...(old?.portChannels ?? [])].map((e) => e.id).filter((x) => !kept.has(x)),
  );
  const dropped: string[] = [];
  const cables = design.cables.filter(
    (c) => !gone.has(c.switchPort) || (dropped.push(`cable ${c.id}: its switch port is gone`), false),
  );
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([key]) => !gone.has(key)));
  const switches = old ? design.switches.map((s) => (s === old ? sw : s)) : [...design.switches, sw];
  return { design: { ...design, switches, cables, layout }, dropped, replaced: old !== undefined };
}
