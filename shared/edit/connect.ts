/**
 * What drawing a line between two elements means in the model, and what it
 * cannot mean. A plan is either a refusal with a short reason for the person
 * drawing, or an edit to apply. Direction does not matter: a port dragged
 * onto a bond and a bond dragged onto a port plan the same edit.
 */
import type { ElementOf, Located } from '../model/index-of.js';
import { elementTitle, kindEntry, KINDS } from '../model/kinds/index.js';
import type { Design, Host } from '../model/schema.js';
import { VmNic } from '../model/schema.js';
import { indexOf } from './cached-index.js';
import { nextFree, takenIds, uniqueId } from './ids.js';
import { updateElement } from './update.js';
import { mapHost, mapSwitch } from './update-in.js';

/** One end of a drawn line: the node (element id) and the handle it started or ended on. */
export interface ConnectionEnd {
  readonly node: string;
  readonly handle?: string | null;
}

/** Handle ids the canvas gives nodes; a VM additionally has one handle per NIC id. */
export const HANDLE = { up: 'up', down: 'down', newNic: 'new-nic' } as const;

export type ConnectionPlan =
  | { readonly ok: true; readonly label: string; apply(design: Design): Design }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): ConnectionPlan => ({ ok: false, reason });

const nameOf = elementTitle;
const kindWord = (e: Located) => kindEntry(e.kind).label;

function hostOf(e: Located): Host | undefined {
  return 'host' in e ? e.host : undefined;
}

/** Which bond holds a port, which bridge holds an interface, which cable ends on a port. */
function holders(design: Design) {
  return {
    bondOf: (portId: string) => design.hosts.flatMap((h) => h.bonds).find((b) => b.members.includes(portId)),
    bridgeOf: (id: string) => design.hosts.flatMap((h) => h.bridges).find((b) => b.ports.includes(id)),
    cableOf: (id: string) => design.cables.find((c) => c.hostPort === id || c.switchPort === id),
    channelOf: (id: string) => design.switches.flatMap((s) => s.portChannels).find((p) => p.members.includes(id)),
  };
}

export function planConnection(design: Design, from: ConnectionEnd, to: ConnectionEnd): ConnectionPlan {
  const index = indexOf(design);
  const a = index.byId.get(from.node);
  const b = index.byId.get(to.node);
  if (!a || !b) return refuse('that element no longer exists');
  if (a.element.id === b.element.id) return refuse('an element cannot be connected to itself');
  if (a.kind === 'host' || a.kind === 'switch' || b.kind === 'host' || b.kind === 'switch') {
    return refuse('connect an element inside the device, not the device itself');
  }
  // Order the pair so that each case below reads one way round.
  const order = ['vm', 'vlan', 'port', 'bond', 'bridge', 'switch-port', 'port-channel'];
  const [x, xEnd, y] = order.indexOf(a.kind) <= order.indexOf(b.kind) ? [a, from, b] : [b, to, a];
  const { bondOf, bridgeOf, cableOf, channelOf } = holders(design);
  const pair = `${x.kind}+${y.kind}`;

  if (pair === 'port+switch-port') {
    const hostCable = cableOf(x.element.id);
    if (hostCable) return refuse(`${nameOf(x)} is already cabled; a port takes one cable`);
    if (cableOf(y.element.id)) return refuse(`${nameOf(y)} is already cabled; a port takes one cable`);
    return {
      ok: true,
      label: `Cable ${nameOf(x)} to ${nameOf(y)}`,
      apply: (d) => {
        const id = uniqueId(`cable-${hostOf(x)?.name ?? 'host'}-${nameOf(x)}`, takenIds(d));
        return { ...d, cables: [...d.cables, { id, hostPort: x.element.id, switchPort: y.element.id }] };
      },
    };
  }
  if (y.kind === 'switch-port' && x.kind !== 'port')
    return refuse(`only a host port can be cabled to a switch port, not a ${kindWord(x)}`);
  if (pair === 'switch-port+port-channel') {
    const sx = x as ElementOf<'switch-port'>;
    const sy = y as ElementOf<'port-channel'>;
    if (sx.switch.id !== sy.switch.id)
      return refuse(`${nameOf(x)} is on switch ${sx.switch.name}, ${nameOf(y)} on ${sy.switch.name}`);
    const holder = channelOf(x.element.id);
    if (holder) return refuse(`${nameOf(x)} is already a member of port-channel ${holder.number}`);
    return {
      ok: true,
      label: `Add ${nameOf(x)} to ${nameOf(y)}`,
      apply: (d) =>
        mapSwitch(d, sx.switch.id, (sw) => ({
          ...sw,
          portChannels: sw.portChannels.map((pc) =>
            pc.id === y.element.id ? { ...pc, members: [...pc.members, x.element.id] } : pc,
          ),
        })),
    };
  }
  if (y.kind === 'port-channel') return refuse(`only switch ports join a port-channel, not a ${kindWord(x)}`);

  const hx = hostOf(x);
  const hy = hostOf(y);
  if (!hx || !hy) return refuse(`a ${kindWord(x)} cannot be connected to a ${kindWord(y)}`);
  if (hx.id !== hy.id) {
    return refuse(
      `${nameOf(x)} is on host ${hx.name} and ${nameOf(y)} on ${hy.name}; memberships stay inside one host (use a cable between hosts and switches)`,
    );
  }
  const onHost = (fn: (h: Host) => Host) => (d: Design) => mapHost(d, hx.id, fn);

  switch (pair) {
    case 'port+bond': {
      const bond = bondOf(x.element.id);
      if (bond)
        return refuse(
          bond.id === y.element.id
            ? `${nameOf(x)} is already in ${bond.name}`
            : `${nameOf(x)} is already a member of ${bond.name}; a port joins one bond`,
        );
      const bridge = bridgeOf(x.element.id);
      if (bridge) return refuse(`${nameOf(x)} is a port of ${bridge.name}; remove it there before bonding it`);
      return {
        ok: true,
        label: `Add ${nameOf(x)} to ${nameOf(y)}`,
        apply: onHost((h) => ({
          ...h,
          bonds: h.bonds.map((bd) => (bd.id === y.element.id ? { ...bd, members: [...bd.members, x.element.id] } : bd)),
        })),
      };
    }
    case 'port+bridge':
    case 'bond+bridge':
    case 'vlan+bridge': {
      if (x.kind === 'vlan' && xEnd.handle !== HANDLE.up) return planVlanParent(x, y, onHost);
      if (x.kind === 'port') {
        const bond = bondOf(x.element.id);
        if (bond) return refuse(`${nameOf(x)} is a member of ${bond.name}; put ${bond.name} on the bridge instead`);
      }
      if (x.kind === 'vlan' && x.element.parent === y.element.id) {
        return refuse(`${nameOf(x)} sits on ${nameOf(y)}; it cannot also be a port of it`);
      }
      const bridge = bridgeOf(x.element.id);
      if (bridge)
        return refuse(
          bridge.id === y.element.id
            ? `${nameOf(x)} is already a port of ${bridge.name}`
            : `${nameOf(x)} is already a port of ${bridge.name}; an interface joins one bridge`,
        );
      return {
        ok: true,
        label: `Add ${nameOf(x)} to ${nameOf(y)}`,
        apply: onHost((h) => ({
          ...h,
          bridges: h.bridges.map((br) => (br.id === y.element.id ? { ...br, ports: [...br.ports, x.element.id] } : br)),
        })),
      };
    }
    case 'vlan+port':
    case 'vlan+bond':
      return planVlanParent(x as ElementOf<'vlan'>, y, onHost);
    case 'vm+bridge':
      return planVmNic(x as ElementOf<'vm'>, xEnd, y, onHost);
    case 'vm+port':
    case 'vm+bond':
    case 'vm+vlan':
      return refuse(`a VM connects to a bridge, not straight onto a ${kindWord(y)}`);
    case 'port+port':
      return refuse('two host ports cannot be joined; put them in a bond, or cable each to a switch port');
    case 'vm+vm':
      return refuse('VMs connect to bridges, not to each other');
    default: {
      // A VM NIC may sit on any kind its bridge reference names (an OVS bridge as well as a Linux one).
      const vm = x.kind === 'vm' ? x : y.kind === 'vm' ? y : undefined;
      const other = vm === x ? y : x;
      if (vm?.kind === 'vm' && KINDS['vm-nic'].references[0].to.some((k) => k === other.kind))
        return planVmNic(vm, vm === a ? from : to, other, onHost);
      return (
        planMembership(x, y) ??
        planMembership(y, x) ??
        refuse(`a ${kindWord(x)} cannot be connected to a ${kindWord(y)}`)
      );
    }
  }
}

/**
 * Any other pair the registry links: `holder` has a reference drawn as a link
 * that may point at `member`'s kind (a port on a kind of bridge added later),
 * so the line adds the member to it (a list) or sets it (a single reference).
 */
function planMembership(member: Located, holder: Located): ConnectionPlan | undefined {
  const reference = kindEntry(holder.kind).references?.find((r) => r.link && r.to.includes(member.kind));
  if (!reference) return undefined;
  const value = (holder.element as unknown as Record<string, unknown>)[reference.field];
  const id = holder.element.id;
  if (Array.isArray(value)) {
    if (value.includes(member.element.id)) return refuse(`${nameOf(member)} is already in ${nameOf(holder)}`);
    return {
      ok: true,
      label: `Add ${nameOf(member)} to ${nameOf(holder)}`,
      apply: (d) => updateElement(d, id, { [reference.field]: [...value, member.element.id] }),
    };
  }
  if (value === member.element.id) return refuse(`${nameOf(holder)} already sits on ${nameOf(member)}`);
  return {
    ok: true,
    label: `Put ${nameOf(holder)} on ${nameOf(member)}`,
    apply: (d) => updateElement(d, id, { [reference.field]: member.element.id }),
  };
}

function planVlanParent(
  vlan: ElementOf<'vlan'>,
  parent: Located,
  onHost: (fn: (h: Host) => Host) => (d: Design) => Design,
): ConnectionPlan {
  if (vlan.element.parent === parent.element.id) return refuse(`${nameOf(vlan)} already sits on ${nameOf(parent)}`);
  return {
    ok: true,
    label: `Put ${nameOf(vlan)} on ${nameOf(parent)}`,
    apply: onHost((h) => ({
      ...h,
      vlans: h.vlans.map((v) => (v.id === vlan.element.id ? { ...v, parent: parent.element.id } : v)),
    })),
  };
}

function planVmNic(
  vm: ElementOf<'vm'>,
  end: ConnectionEnd,
  bridge: Located,
  onHost: (fn: (h: Host) => Host) => (d: Design) => Design,
): ConnectionPlan {
  const nic = vm.element.nics.find((n) => n.id === end.handle);
  if (nic) {
    if (nic.bridge === bridge.element.id) return refuse(`net${nic.slot} is already on ${nameOf(bridge)}`);
    return {
      ok: true,
      label: `Move ${vm.element.name} net${nic.slot} to ${nameOf(bridge)}`,
      apply: onHost((h) => ({
        ...h,
        vms: h.vms.map((v) =>
          v.id === vm.element.id
            ? { ...v, nics: v.nics.map((n) => (n.id === nic.id ? { ...n, bridge: bridge.element.id } : n)) }
            : v,
        ),
      })),
    };
  }
  return {
    ok: true,
    label: `Add a NIC of ${vm.element.name} on ${nameOf(bridge)}`,
    apply: (d) => {
      const slot = nextFree(
        vm.element.nics.map((n) => n.slot),
        0,
      );
      const id = uniqueId(`${vm.element.id}-net${slot}`, takenIds(d));
      const added = VmNic.parse({ id, slot, bridge: bridge.element.id });
      return onHost((h) => ({
        ...h,
        vms: h.vms.map((v) => (v.id === vm.element.id ? { ...v, nics: [...v.nics, added] } : v)),
      }))(d);
    },
  };
}
