import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreDesign } from '../../../shared/load/index.js';
import { type Design, type Switchport } from '../../../shared/model/index.js';
import { formatVlanSet, parseVlanSet } from '../../../shared/model/vlan-set.js';
import { readSwitchConfig, switchportOf, type ReadInterface } from '../../../shared/switch-config/index.js';
import { renderDevice } from '../../../shared/targets/index.js';

const VENDORS = ['dell-os6', 'cisco-ios'] as const;
type Vendor = (typeof VENDORS)[number];
const PORT_TYPE: Record<Vendor, string> = { 'dell-os6': 'Tengigabitethernet', 'cisco-ios': 'GigabitEthernet' };

const vlanId = fc.integer({ min: 1, max: 4094 });
const switchport: fc.Arbitrary<Switchport | undefined> = fc.oneof(
  fc.constant(undefined),
  vlanId.map((vlan) => ({ mode: 'access' as const, vlan })),
  fc
    .record(
      {
        allowed: fc.oneof(
          fc.constant('all' as const),
          fc
            .uniqueArray(vlanId, { minLength: 1, maxLength: 40 })
            .map((ids) => formatVlanSet(parseVlanSet(ids.join(',')))),
        ),
        native: vlanId,
      },
      { requiredKeys: ['allowed'] },
    )
    .map((t) => ({ mode: 'trunk' as const, ...t })),
);
const description = fc.stringMatching(/^[a-z0-9][a-z0-9 .-]{0,28}[a-z0-9]$/);
const channel = fc.record(
  {
    lacp: fc.constantFrom('active' as const, 'passive' as const, 'on' as const),
    switchport,
    mtu: fc.integer({ min: 1500, max: 9198 }),
    description,
    members: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['lacp', 'switchport', 'members'] },
);

type ChannelSpec = typeof channel extends fc.Arbitrary<infer T> ? T : never;

function switchDesign(vendor: Vendor, channels: ChannelSpec[]): Design {
  let next = 1;
  const ports: unknown[] = [];
  const portChannels = channels.map((c, i) => {
    const members = Array.from({ length: c.members }, () => {
      const n = next++;
      ports.push({ id: `p${n}`, name: `${PORT_TYPE[vendor]}${1 + (n % 2)}/0/${n}` });
      return `p${n}`;
    });
    return {
      id: `po${i + 1}`,
      number: i + 1,
      members,
      lacp: c.lacp,
      switchport: c.switchport,
      mtu: c.mtu,
      description: c.description,
    };
  });
  const result = restoreDesign({
    format: 'netloom/1',
    name: 't',
    switches: [{ id: 'sw', name: 'sw', vendor, stackUnits: 2, ports, portChannels }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.design;
}

/** Layer-2 meaning with vendor defaults filled in (native VLAN 1, no settings = default). */
function meaning(sp: ReturnType<typeof switchportOf> | Switchport | undefined) {
  if (sp === undefined) return 'default';
  if (sp.mode === 'access') return sp.vlan === 1 ? 'default' : `access ${sp.vlan}`;
  return `trunk ${sp.allowed} native ${sp.native ?? 1}`;
}

describe('reading back what the switch targets write', () => {
  it.each(VENDORS)('recovers every port-channel and member of random %s switches from both files', (vendor) => {
    fc.assert(
      fc.property(fc.array(channel, { minLength: 1, maxLength: 4 }), (channels) => {
        const design = switchDesign(vendor, channels);
        for (const file of renderDevice(design, 'sw')) {
          const config = readSwitchConfig(file.content, vendor);
          expect(config.problems).toEqual([]);
          const byName = new Map(config.interfaces.map((i) => [i.name, i]));
          const sw = design.switches[0]!;
          for (const pc of sw.portChannels) {
            const read = byName.get(`port-channel ${pc.number}`) as ReadInterface;
            expect(meaning(switchportOf(vendor, read)), file.path).toBe(meaning(pc.switchport));
            expect([read.mtu, read.description]).toEqual([pc.mtu, pc.description]);
            for (const id of pc.members) {
              const port = sw.ports.find((p) => p.id === id)!;
              const member = byName.get(port.name)!;
              expect(member.channelGroup).toEqual({ number: pc.number, mode: pc.lacp });
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
