import { defineRule, nameOf } from '../define-rule.js';

export const bondSingleMember = defineRule({
  id: 'bond/single-member',
  severity: 'warning',
  summary: 'A bond has fewer than two members, so it protects against nothing.',
  check(index, report) {
    for (const bond of index.ofKind('bond')) {
      if (bond.element.members.length > 1) continue;
      const count = bond.element.members.length === 0 ? 'has no members' : 'has one member';
      report(
        [bond.element.id],
        `${nameOf(bond)} ${count}: it gives no redundancy; add a second port or use the port directly`,
      );
    }
  },
});
