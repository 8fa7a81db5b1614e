import { describe, expect, it } from 'vitest';
import { layoutHost } from '../../../shared/layout/host-layout.js';
import { layoutDesign, layoutDevice } from '../../../shared/layout/auto-layout.js';
import { NODE_SIZE } from '../../../shared/layout/sizes.js';
import { indexDesign } from '../../../shared/model/index.js';
import { exampleDesign } from '../../helpers/design.js';

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('automatic layout', () => {
  it('places every node of the example inside its frame, without overlaps, in tiers', async () => {
    const design = exampleDesign();
    const at = await layoutDesign(design);
    const index = indexDesign(design);
    const nodes = index.all.filter((e) => e.kind in NODE_SIZE);
    for (const device of [...design.hosts, ...design.switches]) {
      const frame = at[device.id]!;
      expect(frame.width).toBeGreaterThan(0);
      const inside = nodes.filter(
        (e) => ('host' in e && e.host.id === device.id) || ('switch' in e && e.switch.id === device.id),
      );
      const boxes = inside.map((e) => {
        const p = at[e.element.id]!;
        const size = NODE_SIZE[e.kind as keyof typeof NODE_SIZE];
        expect(p.x + size.width).toBeLessThanOrEqual(frame.width!);
        expect(p.y + size.height).toBeLessThanOrEqual(frame.height!);
        return { x: p.x, y: p.y, w: size.width, h: size.height };
      });
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    }
    // The stack reads downwards: VM over bridge over bond over port; switch below the host.
    const y = (id: string) => at[id]!.y;
    expect(y('vm-100')).toBeLessThan(y('ms01-vmbr1'));
    expect(y('ms01-vmbr1')).toBeLessThan(y('ms01-bond1'));
    expect(y('ms01-bond1')).toBeLessThan(y('ms01-enp3s0f0np0'));
    expect(y('ms01-enp88s0')).toBe(y('ms01-enp3s0f0np0'));
    expect(at.n4032!.y).toBeGreaterThan(at.ms01!.y + at.ms01!.height!);
  });

  it('lays out one device without moving the device', async () => {
    const at = await layoutDevice(exampleDesign(), 'n4032');
    expect(at.n4032).toBeUndefined();
    expect(at['n4032-po8']!.y).toBeGreaterThan(at['n4032-te1-0-17']!.y);
  });
});

describe('imported host layout', () => {
  it('uses the automatic layout’s rows and placement, so an import and a later auto layout agree', async () => {
    const design = exampleDesign();
    const host = design.hosts[0]!;
    const imported = layoutHost(design, host.id, { x: 0, y: 0 });
    const auto = await layoutDevice(design, host.id);
    const elements = [...host.ports, ...host.bonds, ...host.bridges, ...host.vlans, ...host.vms];
    const rowOf = (at: Record<string, { y: number }>) => (id: string) =>
      [...new Set(elements.map((e) => at[e.id]!.y))].sort((a, b) => a - b).indexOf(at[id]!.y);
    for (const e of elements) {
      expect(rowOf(imported)(e.id), e.id).toBe(rowOf(auto)(e.id));
    }
    expect(imported['vm-100']!.y).toBeLessThan(imported['ms01-enp88s0']!.y);
  });
});
