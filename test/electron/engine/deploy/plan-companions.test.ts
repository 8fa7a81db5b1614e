import { describe, expect, it } from 'vitest';
import { DeployService } from '../../../../electron/engine/deploy/deploy-service.js';
import { parseDesign } from '../../../../shared/load/index.js';
import type { Design } from '../../../../shared/model/index.js';
import { exampleJson } from '../../../helpers/design.js';

/** The example (Proxmox host ms01 with VM 100) with the firewall on at every level; `deb1` a Debian host. */
function withFirewall(): Design {
  const json = exampleJson();
  json.firewall = { options: { enable: true }, ipsets: [{ name: 'management', entries: [{ cidr: '10.2.200.0/24' }] }] };
  json.hosts[0].firewall = { options: { enable: true } };
  json.hosts.push({
    id: 'deb1',
    name: 'deb1',
    platform: 'debian',
    ssh: { address: '10.2.200.31', port: 22, user: 'root' },
    ports: [{ id: 'deb1-eth0', name: 'eth0' }],
  });
  const result = parseDesign(JSON.stringify(json));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

describe('deploy plan companions', () => {
  it("carries a Proxmox host's firewall files with its interfaces file, and none for a Debian host", () => {
    const plan = new DeployService().plan(withFirewall(), []);
    const byName = Object.fromEntries(plan.devices.map((d) => [d.target.name, d]));
    expect(byName['ms01']!.candidate.path).toBe('etc/network/interfaces');
    expect(byName['ms01']!.companions?.map((f) => f.path)).toEqual([
      'etc/pve/firewall/cluster.fw',
      'etc/pve/nodes/ms01/host.fw',
    ]);
    expect(byName['deb1']!.companions).toEqual([]);
  });
});
