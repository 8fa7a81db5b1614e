import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../../shared/load/index.js';
import { serializeDesign, type Design } from '../../../../shared/model/index.js';
import { renderDevice } from '../../../../shared/targets/index.js';
import { exampleDesign } from '../../../helpers/design.js';

function withFirewall(mutate: (d: any) => void): Design {
  const raw = JSON.parse(serializeDesign(exampleDesign()));
  mutate(raw);
  const loaded = restoreDesign(raw);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.design;
}

describe('pve-firewall target', () => {
  it('writes nothing for a design that does not manage the firewall', () => {
    expect(renderDevice(exampleDesign(), 'ms01').map((f) => f.path)).toEqual(['etc/network/interfaces', 'vm-nics.sh']);
  });

  it("writes each Proxmox host's cluster, host and VM files where pmxcfs shows them", () => {
    const design = withFirewall((d) => {
      d.firewall = {
        options: { enable: true },
        ipsets: [{ name: 'management', entries: [{ cidr: '10.2.200.0/24' }] }],
      };
      d.hosts[0].firewall = { options: { enable: true }, rules: [{ type: 'in', action: 'ACCEPT', macro: 'Ping' }] };
      d.hosts[0].vms[0].firewall = { options: { enable: true, policyIn: 'DROP' } };
    });
    const files = renderDevice(design, 'ms01').filter((f) => f.target === 'pve-firewall');
    expect(files.map((f) => f.path)).toEqual([
      'etc/pve/firewall/cluster.fw',
      'etc/pve/nodes/ms01/host.fw',
      'etc/pve/firewall/100.fw',
    ]);
    expect(files[1]!.content).toBe('[OPTIONS]\n\nenable: 1\n\n[RULES]\n\nIN Ping(ACCEPT)\n\n');
    expect(renderDevice(design, 'n4032').some((f) => f.target === 'pve-firewall')).toBe(false);
  });

  it('writes no firewall files for a Debian host', () => {
    const design = withFirewall((d) => {
      d.firewall = { options: { enable: true } };
      d.hosts[0].platform = 'debian';
    });
    expect(renderDevice(design, 'ms01').some((f) => f.target === 'pve-firewall')).toBe(false);
  });
});
