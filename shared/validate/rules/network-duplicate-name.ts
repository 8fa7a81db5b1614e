import { defineRule } from '../define-rule.js';

/** VLAN names become switch VLAN names; two equal ones (ignoring case) are ambiguous. */
export const networkDuplicateName = defineRule({
  id: 'network/duplicate-name',
  severity: 'error',
  summary: 'Two networks have the same name (ignoring case).',
  check(index, report) {
    const first = new Map<string, { id: string; vlan: number }>();
    for (const network of index.design.networks) {
      const key = network.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier)
        report([network.id, earlier.id], `VLANs ${earlier.vlan} and ${network.vlan} are both named "${network.name}"`);
      else first.set(key, network);
    }
  },
});
