/**
 * Which hosts a deploy touches and what it writes to each: the candidate
 * `/etc/network/interfaces` from the ifupdown2 target, and the SSH target.
 */
import type { Design } from '../../../shared/model/index.js';
import type { HostTarget } from './session.js';

export type RenderInterfaces = (design: Design, hostId: string) => string;

export interface HostPlan {
  readonly hostId: string;
  readonly target: HostTarget;
  readonly candidate: string;
}

export interface DeployPlan {
  readonly hosts: readonly HostPlan[];
  /** Hosts left out, with why (no SSH target). */
  readonly skipped: readonly { readonly host: string; readonly reason: string }[];
  /** Requests that cannot be met (a named host that does not exist or has no SSH target). */
  readonly problems: readonly string[];
}

/** Plans a deploy of `hostNames` (every host with an SSH target when empty). */
export function planDeploy(design: Design, hostNames: readonly string[], render: RenderInterfaces): DeployPlan {
  const problems: string[] = [];
  const skipped: { host: string; reason: string }[] = [];
  for (const name of hostNames) {
    if (!design.hosts.some((h) => h.name === name)) {
      problems.push(`no host named "${name}" in the design (hosts: ${design.hosts.map((h) => h.name).join(', ') || 'none'})`);
    }
  }
  const chosen = hostNames.length > 0 ? design.hosts.filter((h) => hostNames.includes(h.name)) : design.hosts;
  const hosts: HostPlan[] = [];
  for (const host of chosen) {
    if (!host.ssh) {
      const reason = 'has no SSH target (set address, port and user in the inspector)';
      if (hostNames.length > 0) problems.push(`host "${host.name}" ${reason}`);
      else skipped.push({ host: host.name, reason });
      continue;
    }
    hosts.push({
      hostId: host.id,
      target: { name: host.name, address: host.ssh.address, port: host.ssh.port, user: host.ssh.user },
      candidate: render(design, host.id),
    });
  }
  return { hosts, skipped, problems };
}
