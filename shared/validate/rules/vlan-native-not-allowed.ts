import { allowedRanges } from '../../derive/switch-side.js';
import { vlanSetHas } from '../../model/vlan-set.js';
import { defineRule, nameOf } from '../define-rule.js';

export const vlanNativeNotAllowed = defineRule({
  id: 'vlan/native-not-allowed',
  severity: 'error',
  summary: "A trunk's native VLAN is missing from its allowed VLANs, so untagged frames are dropped.",
  check(index, report) {
    for (const located of index.all) {
      if (located.kind !== 'port-channel' && located.kind !== 'switch-port') continue;
      const sp = located.element.switchport;
      if (sp?.mode !== 'trunk' || sp.allowed === 'all') continue;
      const native = sp.native ?? 1;
      if (!vlanSetHas(allowedRanges(sp), native)) {
        report(
          [located.element.id],
          `${nameOf(located)} has native VLAN ${native} but allows only ${sp.allowed}: untagged frames are dropped; add ${native} to the allowed VLANs`,
        );
      }
    }
  },
});
