/** The shield on a host or VM whose Proxmox VE firewall is on; clicking it opens the firewall panel there. */
import { hostFirewallState, vmFirewallState } from '../../../shared/derive/firewall.js';
import type { Design } from '../../../shared/model/schema.js';
import { useAppStore } from '../store/store.js';
import { openFirewall } from './firewall-view.js';

const cache = new WeakMap<Design, ReadonlySet<string>>();

/** Ids of the hosts and VMs whose firewall is on, once per design object. */
function shielded(design: Design): ReadonlySet<string> {
  let ids = cache.get(design);
  if (!ids) {
    const found = new Set<string>();
    if (design.firewall?.options.enable === true) {
      for (const host of design.hosts) {
        if (hostFirewallState(design, host)) found.add(host.id);
        for (const vm of host.vms) if (vmFirewallState(design, host, vm)) found.add(vm.id);
      }
    }
    ids = found;
    cache.set(design, ids);
  }
  return ids;
}

export function ShieldBadge(props: { kind: 'host' | 'vm'; id: string; name: string }) {
  const on = useAppStore((s) => shielded(s.design).has(props.id));
  if (!on) return null;
  return (
    <button
      type="button"
      className="shield-badge nodrag"
      title={`Firewall on for ${props.name}`}
      aria-label={`Firewall of ${props.name}`}
      data-testid="shield-badge"
      onClick={(e) => {
        e.stopPropagation();
        openFirewall({ level: { kind: props.kind, id: props.id } });
      }}
    >
      🛡
    </button>
  );
}
