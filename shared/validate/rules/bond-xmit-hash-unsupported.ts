import { defineRule, nameOf } from '../define-rule.js';

/**
 * Transmit hash policies newer than ifupdown2 3.0.0 (Debian bookworm), which
 * refuses them as invalid values on Debian and Proxmox VE hosts alike.
 */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  'vlan+srcmac': 'ifupdown2 3.0.0 (Debian bookworm) accepts only layer2, layer2+3, layer3+4, encap2+3 and encap3+4',
};

export const bondXmitHashUnsupported = defineRule({
  id: 'bond/xmit-hash-unsupported',
  severity: 'error',
  summary: "A bond's transmit hash policy is one ifupdown2 3.0.0 (Debian bookworm) refuses: vlan+srcmac.",
  check(index, report) {
    for (const bond of index.ofKind('bond')) {
      if (bond.element.xmitHashPolicy === undefined) continue;
      const why = UNSUPPORTED[bond.element.xmitHashPolicy];
      if (why !== undefined) {
        report(
          [bond.element.id],
          `${nameOf(bond)} uses bond-xmit-hash-policy ${bond.element.xmitHashPolicy}, which ifup -s refuses: ${why}; pick one of those`,
        );
      }
    }
  },
});
