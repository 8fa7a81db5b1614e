import { sharedVlanSet, vlanSetHas } from '../../model/vlan-set.js';
import { defineRule, nameOf } from '../define-rule.js';

export const vlanVmTagOutsideVids = defineRule({
  id: 'vlan/vm-tag-outside-vids',
  severity: 'error',
  summary: "A VM NIC's VLAN tag is not among the VIDs (or PVID) of its VLAN-aware bridge.",
  check(index, report) {
    for (const nic of index.ofKind('vm-nic')) {
      if (nic.element.tag === undefined) continue;
      const bridge = index.target(nic, 'bridge', 'bridge');
      if (!bridge?.element.vlanAware || bridge.element.vids === undefined) continue;
      const tag = nic.element.tag;
      if (tag !== (bridge.element.pvid ?? 1) && !vlanSetHas(sharedVlanSet(bridge.element.vids), tag)) {
        report(
          [nic.element.id, bridge.element.id],
          `${nameOf(nic)} is tagged ${tag}, but ${nameOf(bridge)} carries only VIDs ${bridge.element.vids}: the bridge drops its frames; add ${tag} to the bridge's VIDs`,
        );
      }
    }
  },
});
