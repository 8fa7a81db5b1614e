import { defineRule } from '../define-rule.js';

export const networkDuplicateVlan = defineRule({
  id: 'network/duplicate-vlan',
  severity: 'error',
  summary: 'Two networks use the same VLAN id.',
  check(index, report) {
    const first = new Map<number, { id: string; name: string }>();
    for (const network of index.design.networks) {
      const earlier = first.get(network.vlan);
      if (earlier)
        report([network.id, earlier.id], `networks ${earlier.name} and ${network.name} both use VLAN ${network.vlan}`);
      else first.set(network.vlan, network);
    }
  },
});
