import type { Located } from '../../model/index-of.js';
import { formatIp, parseIp, parsePrefix } from '../../model/ip.js';
import { defineRule, nameOf } from '../define-rule.js';

const NONE: readonly string[] = [];

/** Static addresses of every host interface and switch management address (most elements have none: no new list). */
function addressesOf(located: Located): readonly string[] {
  if (located.kind === 'switch') return located.element.management === undefined ? NONE : [located.element.management];
  if (located.kind !== 'port' && located.kind !== 'bond' && located.kind !== 'bridge' && located.kind !== 'vlan')
    return NONE;
  const { inet, inet6 } = located.element;
  const v4 = inet?.method === 'static' ? inet.addresses : NONE;
  const v6 = inet6?.method === 'static' ? inet6.addresses : NONE;
  return v6.length === 0 ? v4 : v4.length === 0 ? v6 : [...v4, ...v6];
}

export const ipDuplicateAddress = defineRule({
  id: 'ip/duplicate-address',
  severity: 'error',
  summary: 'The same IP address is given to two interfaces (or to an interface and a switch).',
  check(index, report) {
    const owners = new Map<string, Located[]>();
    for (const located of index.all) {
      for (const text of addressesOf(located)) {
        const address = parsePrefix(text)?.address ?? parseIp(text);
        if (!address) continue;
        const key = `${address.family}:${address.value}`;
        const list = owners.get(key) ?? [];
        if (!list.includes(located)) list.push(located);
        owners.set(key, list);
      }
    }
    for (const [key, list] of owners) {
      if (list.length < 2) continue;
      const [family, value] = key.split(':');
      const shown = formatIp({ family: Number(family) as 4 | 6, value: BigInt(value!) });
      report(
        list.map((l) => l.element.id) as [string, ...string[]],
        `${shown} is given to ${list.map(nameOf).join(' and ')}`,
      );
    }
  },
});
