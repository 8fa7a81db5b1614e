/**
 * The name a VLAN interface takes from its parent and VLAN id, `enp6s0.10`,
 * the form ifupdown2 and the kernel read as "VLAN 10 on enp6s0". A name in
 * that form follows the parent and the id when either changes; any other
 * name (`vlan10`, `mgmt`) is the person's and stays.
 */
import { checkInterfaceName } from '../model/names.js';
import type { Design, Host, VlanInterface } from '../model/schema.js';

/** `<parent>.<vid>`, or undefined when that is no valid interface name (longer than 15 characters). */
export function derivedVlanName(parentName: string, vlan: number): string | undefined {
  const name = `${parentName}.${vlan}`;
  return checkInterfaceName(name) === undefined ? name : undefined;
}

const interfaceNames = (host: Host): string[] =>
  [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans].map((e) => e.name);

/** The name of the port, bond or bridge `parent` among a host's (or a fragment's). */
export function parentName(host: Pick<Host, 'ports' | 'bonds' | 'bridges'>, parent: string): string | undefined {
  return [...host.ports, ...host.bonds, ...host.bridges].find((e) => e.id === parent)?.name;
}

/**
 * `after` with every VLAN interface whose name was `<parent>.<vid>` in `before`
 * renamed to match its parent and id in `after`, unless the edit named it
 * itself or the new name is taken or too long.
 */
export function followVlanNames(before: Design, after: Design): Design {
  const beforeHosts = new Map(before.hosts.map((h) => [h.id, h]));
  let changed = false;
  const hosts = after.hosts.map((host) => {
    const old = beforeHosts.get(host.id);
    if (!old || old === host) return host;
    const taken = new Set(interfaceNames(host));
    const vlans = host.vlans.map((v): VlanInterface => {
      const was = old.vlans.find((o) => o.id === v.id);
      if (!was || was.name !== v.name || was.name !== `${parentName(old, was.parent)}.${was.vlan}`) return v;
      const parent = parentName(host, v.parent);
      const name = parent === undefined ? undefined : derivedVlanName(parent, v.vlan);
      if (name === undefined || name === v.name || taken.has(name)) return v;
      taken.delete(v.name);
      taken.add(name);
      return { ...v, name };
    });
    if (vlans.every((v, i) => v === host.vlans[i])) return host;
    changed = true;
    return { ...host, vlans };
  });
  return changed ? { ...after, hosts } : after;
}
