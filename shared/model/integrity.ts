/**
 * Cross-element integrity of a schema-valid design: unique ids, unique
 * interface names per host, and every reference pointing at an element of the
 * right kind in the right place. A design that fails here cannot be loaded;
 * design rules (shared/validate) judge only designs that pass.
 */
import { indexDesign, type ElementKind, type Located } from './index-of.js';
import { formatPath, type PathSegment } from './paths.js';
import type { Design } from './schema.js';

export interface IntegrityIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

export function checkIntegrity(design: Design): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const index = indexDesign(design);
  const report = (path: readonly PathSegment[], message: string) => issues.push({ path, message });

  const firstPath = new Map<string, readonly PathSegment[]>();
  for (const located of index.all) {
    const earlier = firstPath.get(located.element.id);
    if (earlier) {
      report([...located.path, 'id'], `duplicate id "${located.element.id}" (also used by ${formatPath(earlier)})`);
    } else {
      firstPath.set(located.element.id, located.path);
    }
  }

  /** Checks that `id` names an element of one of `kinds`, optionally owned by `owner`. */
  const ref = (
    path: readonly PathSegment[],
    id: string,
    kinds: readonly ElementKind[],
    ownerCheck?: (target: Located) => string | undefined,
  ): void => {
    const target = index.byId.get(id);
    if (!target) {
      report(path, `refers to "${id}", which does not exist (expected a ${kinds.join(' or ')})`);
    } else if (!kinds.includes(target.kind)) {
      report(path, `refers to "${id}", which is a ${target.kind}, not a ${kinds.join(' or ')}`);
    } else {
      const problem = ownerCheck?.(target);
      if (problem) report(path, problem);
    }
  };
  const onHost = (hostId: string, hostName: string) => (target: Located) =>
    'host' in target && target.host.id !== hostId
      ? `refers to "${target.element.id}" on host ${target.host.name}, not on ${hostName}`
      : undefined;

  design.hosts.forEach((host, h) => {
    const names = new Map<string, string>();
    const hostPath = ['hosts', h] as const;
    const sameHost = onHost(host.id, host.name);
    for (const located of index.all) {
      if (!('host' in located) || located.host !== host || located.kind === 'vm' || located.kind === 'vm-nic') continue;
      const { name, id } = located.element as { name: string; id: string };
      const other = names.get(name);
      if (other) report([...located.path, 'name'], `interface name "${name}" is used twice on host ${host.name} (also by "${other}")`);
      else names.set(name, id);
    }
    host.bonds.forEach((bond, b) => {
      bond.members.forEach((m, i) => ref([...hostPath, 'bonds', b, 'members', i], m, ['port'], sameHost));
      if (bond.primary !== undefined) {
        if (!bond.members.includes(bond.primary)) {
          report([...hostPath, 'bonds', b, 'primary'], `primary "${bond.primary}" is not a member of bond ${bond.name}`);
        }
      }
    });
    host.bridges.forEach((bridge, b) =>
      bridge.ports.forEach((p, i) => ref([...hostPath, 'bridges', b, 'ports', i], p, ['port', 'bond', 'vlan'], sameHost)),
    );
    host.vlans.forEach((vlan, v) => ref([...hostPath, 'vlans', v, 'parent'], vlan.parent, ['port', 'bond', 'bridge'], sameHost));
    const vmids = new Set<number>();
    host.vms.forEach((vm, v) => {
      if (vmids.has(vm.vmid)) report([...hostPath, 'vms', v, 'vmid'], `VM id ${vm.vmid} is used twice on host ${host.name}`);
      vmids.add(vm.vmid);
      const slots = new Set<number>();
      vm.nics.forEach((nic, n) => {
        const nicPath = [...hostPath, 'vms', v, 'nics', n];
        if (slots.has(nic.slot)) report([...nicPath, 'slot'], `net${nic.slot} is used twice on VM ${vm.name}`);
        slots.add(nic.slot);
        ref([...nicPath, 'bridge'], nic.bridge, ['bridge'], sameHost);
      });
    });
  });

  design.switches.forEach((sw, s) => {
    const names = new Set<string>();
    sw.ports.forEach((port, p) => {
      if (names.has(port.name)) report(['switches', s, 'ports', p, 'name'], `port ${port.name} is listed twice on switch ${sw.name}`);
      names.add(port.name);
    });
    const numbers = new Set<number>();
    sw.portChannels.forEach((pc, c) => {
      if (numbers.has(pc.number)) report(['switches', s, 'portChannels', c, 'number'], `port-channel ${pc.number} is defined twice on switch ${sw.name}`);
      numbers.add(pc.number);
      pc.members.forEach((m, i) =>
        ref(['switches', s, 'portChannels', c, 'members', i], m, ['switch-port'], (target) =>
          'switch' in target && target.switch.id !== sw.id
            ? `refers to port ${(target.element as { name: string }).name} of switch ${target.switch.name}, not of ${sw.name}`
            : undefined,
        ),
      );
    });
    if (sw.mlagPeer !== undefined) {
      ref(['switches', s, 'mlagPeer'], sw.mlagPeer, ['switch']);
      if (sw.mlagPeer === sw.id) report(['switches', s, 'mlagPeer'], `switch ${sw.name} cannot be its own MLAG peer`);
    }
  });

  design.cables.forEach((cable, c) => {
    ref(['cables', c, 'hostPort'], cable.hostPort, ['port']);
    ref(['cables', c, 'switchPort'], cable.switchPort, ['switch-port']);
  });

  return issues;
}

