import { defineRule } from '../define-rule.js';

/** Every VLAN the design uses by number should be a network, so it has a name, a colour and a subnet. */
export const vlanUndefinedNetwork = defineRule({
  id: 'vlan/undefined-network',
  severity: 'info',
  summary: 'A VLAN is used (VM tag, VLAN interface, PVID, native or access VLAN) but no network defines it.',
  check(index, report) {
    const defined = new Set(index.design.networks.map((n) => n.vlan));
    const users = new Map<number, string[]>();
    const use = (vlan: number | undefined, id: string) => {
      if (vlan === undefined || vlan === 1 || defined.has(vlan)) return;
      users.set(vlan, [...(users.get(vlan) ?? []), id]);
    };
    for (const l of index.all) {
      if (l.kind === 'vm-nic') use(l.element.tag, l.element.id);
      else if (l.kind === 'vlan') use(l.element.vlan, l.element.id);
      else if (l.kind === 'bridge') use(l.element.pvid, l.element.id);
      else if (l.kind === 'port-channel' || l.kind === 'switch-port') {
        const sp = l.element.switchport;
        use(sp?.mode === 'access' ? sp.vlan : sp?.native, l.element.id);
      }
    }
    for (const [vlan, ids] of [...users].sort((a, b) => a[0] - b[0])) {
      report(
        ids as [string, ...string[]],
        `VLAN ${vlan} is used by ${ids.length} element${ids.length > 1 ? 's' : ''} but no network defines it; add a network to name it`,
      );
    }
  },
});
