import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designPlatforms, paletteGroups } from '../../../renderer/src/panels/palette-kinds.js';
import { parseDesign } from '../../../shared/load/index.js';
import { kindsOwnedBy } from '../../../shared/model/kinds/index.js';
import { PLATFORMS, type Design, type PlatformId } from '../../../shared/model/schema.js';
import { platformHasKind } from '../../../shared/targets/index.js';
import { ROOT } from '../../helpers/cli.js';
import { exampleDesign } from '../../helpers/design.js';

const example = (id: string): Design => {
  const result = parseDesign(readFileSync(join(ROOT, `shared/examples/${id}.netloom.json`), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
};
const offered = (platforms: readonly PlatformId[], title: string) =>
  paletteGroups(platforms)
    .find((g) => g.title === title)!
    .kinds.map((k) => k.kind);

describe('the palette per platform', () => {
  it('offers each host kind only on the platforms whose targets write it', () => {
    expect(offered(['proxmox'], 'Host')).toEqual([
      'port',
      'bond',
      'bridge',
      'vlan',
      'ovs-bond',
      'ovs-bridge',
      'ovs-int-port',
      'vm',
    ]);
    expect(offered(['esxi'], 'Host')).toEqual(['port', 'vswitch', 'port-group', 'vm']);
    expect(offered(['libvirt'], 'Host')).toEqual(expect.arrayContaining(['virtual-network', 'bridge-rule', 'bridge']));
    expect(offered(['libvirt'], 'Host')).not.toContain('vswitch');
    expect(offered(['vmware-workstation'], 'Host')).toContain('virtual-network');
    expect(offered(['vmware-workstation'], 'Host')).not.toContain('bridge-rule');
    // A design with hosts on two platforms offers what either has.
    expect(offered(['proxmox', 'esxi'], 'Host')).toEqual(expect.arrayContaining(['bond', 'vswitch', 'port-group']));
    // Devices and switch kinds do not depend on the hosts' platforms.
    for (const p of PLATFORMS) {
      expect(offered([p], 'Devices')).toEqual(['host', 'switch']);
      expect(offered([p], 'Switch')).toEqual(['switch-port', 'port-channel']);
    }
  });

  it('gives every host kind a platform that has it', () => {
    for (const kind of kindsOwnedBy('host'))
      expect(
        PLATFORMS.some((p) => platformHasKind(p, kind.id)),
        kind.id,
      ).toBe(true);
  });

  it("takes the platforms from the design's hosts, or a new host's when there is none", () => {
    expect(designPlatforms(exampleDesign())).toEqual(['proxmox']);
    expect(designPlatforms(example('nested-esxi'))).toEqual(['esxi']);
    expect(designPlatforms({ ...exampleDesign(), hosts: [] })).toEqual(['proxmox']);
  });
});
