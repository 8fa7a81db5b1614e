import { hostInterfaces } from '../../model/kinds/index.js';
import type { Host } from '../../model/schema.js';

/** Interface name of an element of the host, by id. */
export type NameOf = (id: string) => string;

export function interfaceNames(host: Host): NameOf {
  const names = new Map<string, string>();
  for (const e of hostInterfaces(host)) names.set(e.id, e.name);
  return (id) => {
    const name = names.get(id);
    if (name === undefined) throw new Error(`element ${id} is not an interface of host ${host.name}`);
    return name;
  };
}
