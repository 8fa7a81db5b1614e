/**
 * A design "in meaning": every id replaced by what a person calls the element
 * (`ms01/bond0`, `n4032/Po8`, `VLAN 240`), layout dropped, cables sorted. Two
 * designs built differently (other ids, other positions) compare equal when
 * they describe the same network.
 */
import { indexDesign, type Design } from '../../../shared/model/index.js';

export function canonical(design: Design): unknown {
  const index = indexDesign(design);
  const names = new Map<string, string>();
  for (const e of index.all) {
    const el = e.element as { id: string; name?: string; vlan?: number; number?: number; slot?: number };
    const label =
      e.kind === 'network'
        ? `VLAN ${el.vlan}`
        : e.kind === 'port-channel'
          ? `${e.switch.name}/Po${el.number}`
          : e.kind === 'vm-nic'
            ? `${e.vm.name}/net${el.slot}`
            : e.kind === 'cable'
              ? 'cable'
              : 'host' in e
                ? `${e.host.name}/${el.name}`
                : 'switch' in e
                  ? `${e.switch.name}/${el.name}`
                  : String(el.name);
    names.set(el.id, label);
  }
  const rename = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => rename(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== 'id')
          .map(([k, v]) => [k, rename(v, k)]),
      );
    }
    if (typeof value === 'string' && key !== 'name' && names.has(value)) return names.get(value);
    return value;
  };
  const { layout: _layout, ...rest } = design;
  const renamed = rename(rest) as Record<string, unknown> & { cables: { hostPort: string }[] };
  renamed.cables = [...renamed.cables].sort((a, b) => a.hostPort.localeCompare(b.hostPort));
  return renamed;
}
