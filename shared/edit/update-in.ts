/** Immutable updates of one device inside a design; untouched parts keep their identity. */
import type { Design, Host, Position, Switch } from '../model/schema.js';

export function mapHost(design: Design, hostId: string, fn: (host: Host) => Host): Design {
  return { ...design, hosts: design.hosts.map((h) => (h.id === hostId ? fn(h) : h)) };
}

export function mapSwitch(design: Design, switchId: string, fn: (sw: Switch) => Switch): Design {
  return { ...design, switches: design.switches.map((s) => (s.id === switchId ? fn(s) : s)) };
}

/** Sets (or with `undefined`, drops) the canvas positions of elements. */
export function withPositions(design: Design, positions: Readonly<Record<string, Position | undefined>>): Design {
  const layout = { ...design.layout };
  for (const [id, position] of Object.entries(positions)) {
    if (position) layout[id] = position;
    else delete layout[id];
  }
  return { ...design, layout };
}
