import { defineRule, nameOf } from '../define-rule.js';

/** The kernel gives every member its bond's MTU; a different MTU on a member never takes effect. */
export const mtuBondMemberMismatch = defineRule({
  id: 'mtu/bond-member-mismatch',
  severity: 'error',
  summary: "A bond member has an MTU different from its bond's (the bond imposes its own on every member).",
  check(index, report) {
    for (const bond of index.ofKind('bond')) {
      const bondMtu = bond.element.mtu ?? 1500;
      const odd = index
        .targets(bond, 'members', 'port')
        .filter((port) => port.element.mtu !== undefined && port.element.mtu !== bondMtu);
      if (odd.length > 0) {
        report(
          [bond.element.id, ...odd.map((p) => p.element.id)],
          `${nameOf(bond)} has MTU ${bondMtu}${bond.element.mtu === undefined ? ' (the default)' : ''} but ${odd.map((p) => `${p.element.name} has ${p.element.mtu}`).join(', ')}; the kernel sets members to the bond's MTU, so set the MTU on the bond`,
        );
      }
    }
  },
});
