import { defineRule, nameOf } from '../define-rule.js';

/** The kernel makes one VLAN device per VLAN id and raw device; a second one is refused (EEXIST) when ifupdown2 creates it. */
export const vlanDuplicateOnParent = defineRule({
  id: 'vlan/duplicate-on-parent',
  severity: 'error',
  summary: 'Two VLAN interfaces use the same VLAN id on the same parent (raw device).',
  check(index, report) {
    for (const host of index.design.hosts) {
      const first = new Map<string, { id: string; name: string }>();
      for (const vlan of host.vlans) {
        const key = `${vlan.parent} ${vlan.vlan}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, vlan);
          continue;
        }
        const parent = index.byId.get(vlan.parent);
        report(
          [vlan.id, earlier.id],
          `VLAN interfaces ${vlan.name} and ${earlier.name} are both VLAN ${vlan.vlan} on ${parent ? nameOf(parent) : vlan.parent}; the kernel makes one VLAN device per VLAN id and raw device, so bringing up the second fails: remove one or change its VLAN id`,
        );
      }
    }
  },
});
