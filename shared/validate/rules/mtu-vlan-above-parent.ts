import type { DesignIndex, Located } from '../../model/index-of.js';
import { defineRule, nameOf } from '../define-rule.js';

const DEFAULT_MTU = 1500;

/** The MTU an interface ends up with: its own, else (for a bridge) the smallest of its ports', else Linux's default. */
function effectiveMtu(index: DesignIndex, located: Located, seen: ReadonlySet<string> = new Set()): number {
  if (located.kind !== 'port' && located.kind !== 'bond' && located.kind !== 'bridge' && located.kind !== 'vlan')
    return DEFAULT_MTU;
  if (located.element.mtu !== undefined) return located.element.mtu;
  if (located.kind !== 'bridge' || seen.has(located.element.id)) return DEFAULT_MTU;
  const inside = new Set([...seen, located.element.id]);
  const ports = located.element.ports.flatMap((id) => {
    const port = index.byId.get(id);
    return port ? [effectiveMtu(index, port, inside)] : [];
  });
  return ports.length > 0 ? Math.min(...ports) : DEFAULT_MTU;
}

/** A VLAN interface cannot carry larger packets than its raw device: the kernel and ifupdown2 refuse the MTU. */
export const mtuVlanAboveParent = defineRule({
  id: 'mtu/vlan-above-parent',
  severity: 'error',
  summary: 'A VLAN interface has a larger MTU than the interface it is on (its raw device).',
  check(index, report) {
    for (const vlan of index.ofKind('vlan')) {
      if (vlan.element.mtu === undefined) continue;
      const parent = index.byId.get(vlan.element.parent);
      if (!parent) continue;
      const parentMtu = effectiveMtu(index, parent);
      if (vlan.element.mtu > parentMtu) {
        report(
          [vlan.element.id, parent.element.id],
          `${nameOf(vlan)} has MTU ${vlan.element.mtu} but its raw device ${nameOf(parent)} has ${parentMtu}; a VLAN interface cannot exceed its raw device (ifupdown2 and the kernel refuse it): raise the MTU below it or lower this one`,
        );
      }
    }
  },
});
