/**
 * Lines drawn to a virtual network (the KVM example): a VM's new-NIC handle
 * onto a network adds a NIC on it; a host bridge drawn onto a network becomes
 * its uplink.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planConnection } from '../../../shared/edit/connect.js';
import { checkedEdit } from '../../../shared/edit/update.js';
import { parseDesign } from '../../../shared/load/index.js';
import type { Design } from '../../../shared/model/index.js';
import { ROOT } from '../../helpers/cli.js';

const loaded = parseDesign(readFileSync(`${ROOT}shared/examples/kvm-bridged-nat.netloom.json`, 'utf8'));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const kvm: Design = loaded.design;

function applied(design: Design, from: [string, string | null], to: [string, string | null]): Design {
  const plan = planConnection(design, { node: from[0], handle: from[1] }, { node: to[0], handle: to[1] });
  if (!plan.ok) throw new Error(plan.reason);
  const checked = checkedEdit(plan.apply(design));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.design;
}

describe('connecting to a virtual network', () => {
  it('a VM dragged onto a network gets a NIC on it', () => {
    const next = applied(kvm, ['kvm1-web', 'new-nic'], ['kvm1-vm-nat', null]);
    const web = next.hosts[0]!.vms.find((v) => v.name === 'web')!;
    expect(web.nics.map((n) => [n.slot, n.bridge])).toEqual([
      [0, 'kvm1-lan'],
      [1, 'kvm1-vm-nat'],
    ]);
  });

  it('a bridge drawn onto a bridged network without uplink becomes its uplink', () => {
    const noUplink: Design = {
      ...kvm,
      hosts: kvm.hosts.map((h) => ({
        ...h,
        virtualNetworks: [
          ...h.virtualNetworks,
          { id: 'kvm1-lab', name: 'lab', mode: 'isolated', zone: 'lan', dedicatedUplink: false, bridgeName: 'virbr2' },
        ],
      })),
    };
    const plan = planConnection(noUplink, { node: 'kvm1-br0', handle: 'up' }, { node: 'kvm1-lab', handle: 'down' });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // An isolated network takes no uplink: the check says so and the edit is refused.
    const checked = checkedEdit(plan.apply(noUplink));
    expect(checked.ok ? [] : checked.problems.map((p) => p.message)).toContain(
      'an isolated network has no uplink; make it bridged or drop the uplink',
    );
  });
});
