import { defineRule, nameOf } from '../define-rule.js';

const AGGREGATING: ReadonlySet<string> = new Set(['802.3ad', 'balance-rr', 'balance-xor']);

/** LACP aggregates only ports of one speed; round-robin and xor over unequal links reorder and overrun. */
export const bondMemberSpeedMismatch = defineRule({
  id: 'bond/member-speed-mismatch',
  severity: 'warning',
  summary: 'An aggregating bond (802.3ad, balance-rr, balance-xor) has members of different speeds.',
  check(index, report) {
    for (const bond of index.ofKind('bond')) {
      if (!AGGREGATING.has(bond.element.mode)) continue;
      const members = index.targets(bond, 'members', 'port').filter((p) => p.element.speed !== undefined);
      const speeds = new Set(members.map((p) => p.element.speed));
      if (speeds.size > 1) {
        const why =
          bond.element.mode === '802.3ad'
            ? 'LACP puts ports of different speeds in different aggregators and uses only one'
            : 'traffic spread evenly overruns the slower link';
        report(
          [bond.element.id, ...members.map((p) => p.element.id)],
          `${nameOf(bond)} mixes ${members.map((p) => `${p.element.name} at ${p.element.speed} Mb/s`).join(', ')}: ${why}`,
        );
      }
    }
  },
});
