import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../shared/model/schema.js';
import { PLATFORM_REGISTRY } from '../../../shared/platforms/index.js';
import { renderDevice } from '../../../shared/targets/index.js';
import { parseDesign } from '../../../shared/load/index.js';
import { exampleJson } from '../../helpers/design.js';

describe('platform registry', () => {
  it('has one entry per platform of the model, under its own id, with a label', () => {
    expect(Object.keys(PLATFORM_REGISTRY).sort()).toEqual([...PLATFORMS].sort());
    for (const [id, platform] of Object.entries(PLATFORM_REGISTRY)) {
      expect(platform.id).toBe(id);
      expect(platform.label).not.toBe('');
    }
  });

  it.each(PLATFORMS)(
    'exports a %s host with exactly the targets its platform names (those with something to write)',
    (id) => {
      const json = exampleJson();
      json.hosts[0].platform = id;
      json.firewall = { options: { enable: true } };
      // Something for every platform's targets to write: the ESXi scripts need a vSwitch.
      json.hosts[0].vswitches = [{ id: 'ms01-vswitch0', name: 'vSwitch0', activeUplinks: [] }];
      const result = parseDesign(JSON.stringify(json));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const host = result.design.hosts[0]!;
      expect(host.vms.length).toBeGreaterThan(0);
      expect([...new Set(renderDevice(result.design, host.id).map((f) => f.target))]).toEqual(
        PLATFORM_REGISTRY[id].targets,
      );
    },
  );
});
