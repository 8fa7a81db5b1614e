import type { Host } from '../../model/schema.js';
import { defineRule } from '../define-rule.js';

/** NICs whose frames cross a host bridge: on a bridged virtual network, or straight on a Linux bridge. */
function bridgedNics(host: Host): string[] {
  const bridged = new Set([
    ...host.virtualNetworks.filter((n) => n.mode === 'bridged').map((n) => n.id),
    ...host.bridges.map((b) => b.id),
  ]);
  return host.vms.flatMap((vm) => vm.nics.filter((nic) => bridged.has(nic.bridge)).map((nic) => nic.id));
}

const matchesEverything = (rule: Host['bridgeRules'][number]) =>
  rule.direction === 'any' && !rule.source && !rule.destination && !rule.protocol;

/**
 * What an unmatched bridged frame meets first: the verdict of a rule that
 * matches every frame before any ACCEPT, or the FORWARD policy; `accepted`
 * when some ACCEPT rule comes first (traffic it matches still flows).
 */
function fate(host: Host): 'accepted' | { readonly verdict: string; readonly rule?: string } {
  for (const rule of host.bridgeRules) {
    if (rule.action === 'ACCEPT') return 'accepted';
    if (matchesEverything(rule)) return { verdict: rule.action, rule: rule.id };
  }
  const policy = host.bridgeFilter?.forwardPolicy ?? 'ACCEPT';
  return policy === 'ACCEPT' ? 'accepted' : { verdict: policy };
}

/**
 * With `net.bridge.bridge-nf-call-iptables = 1`, bridged frames go through
 * FORWARD: when nothing there accepts them (a DROP policy, or a catch-all
 * DROP before any ACCEPT), the bridged VMs lose all their traffic.
 */
export const libvirtBridgedTrafficDropped = defineRule({
  id: 'libvirt/bridged-traffic-dropped',
  severity: 'error',
  summary:
    'Bridge netfilter is on (bridged frames pass iptables FORWARD) but no FORWARD rule accepts them before the DROP policy or a catch-all DROP: bridged VMs lose all traffic.',
  check(index, report) {
    for (const located of index.ofKind('host')) {
      if (!located.element.bridgeFilter?.bridgeNetfilter) continue;
      const host = located.element;
      const nics = bridgedNics(host);
      const end = fate(host);
      if (nics.length === 0 || end === 'accepted') continue;
      const by = end.rule === undefined ? `FORWARD's policy ${end.verdict}` : `a rule that ${end.verdict}s every frame`;
      report(
        [host.id, ...(end.rule === undefined ? [] : [end.rule]), ...nics],
        `bridge netfilter is on on host ${host.name}, and ${by} meets bridged frames before any ACCEPT rule: its bridged VMs lose all traffic; add an ACCEPT rule (-m physdev --physdev-is-bridged -j ACCEPT) or turn bridge netfilter off`,
      );
    }
  },
});
