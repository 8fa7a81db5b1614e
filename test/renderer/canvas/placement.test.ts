import { describe, expect, it } from 'vitest';
import { pasteFragment, copyFragment } from '../../../shared/edit/fragment.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import { tooClose } from '../../../shared/layout/free-spot.js';
import {
  dropPlaces,
  elementSpot,
  mayMoveFrames,
  newOverlap,
  nodesOf,
  spreadFrames,
} from '../../../renderer/src/canvas/placement.js';
import { FRAME_PADDING, NODE_SIZE } from '../../../shared/layout/sizes.js';
import { exampleDesign } from '../../helpers/design.js';

const frames = (design = exampleDesign()) =>
  nodesOf(design)
    .filter((n) => n.parentId === undefined)
    .map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, width: n.width!, height: n.height! }));

describe('canvas placement', () => {
  it('lays pasted hosts in free space, and each further paste beside the last', () => {
    let design = exampleDesign();
    const fragment = copyFragment(design, ['ms01']);
    for (let i = 1; i <= 3; i++) {
      const pasted = pasteFragment(design, fragment, { x: 32 * i, y: 32 * i });
      design = spreadFrames(pasted.design, pasted.ids);
    }
    const all = frames(design);
    expect(all).toHaveLength(5);
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1)) expect(tooClose(a, b), `${a.id} over ${b.id}`).toBe(false);
  });

  it('refuses a move that lays a frame over another: a port dragged into the switch grows the host over it', () => {
    const design = exampleDesign();
    const sw = frames(design).find((f) => f.id === 'n4032')!;
    const host = frames(design).find((f) => f.id === 'ms01')!;
    // The port's place is relative to its host: put it in the middle of the switch.
    const into = { x: sw.x - host.x + 40, y: sw.y - host.y + 60 };
    expect(newOverlap(design, withPositions(design, { 'ms01-enp88s0': into }))).toBe('ms01 would overlap n4032');
    expect(newOverlap(design, withPositions(design, { 'ms01-enp88s0': { x: 30, y: 60 } }))).toBeUndefined();
    expect(newOverlap(design, withPositions(design, { ms01: { x: sw.x + 10, y: sw.y + 10 } }))).toBeDefined();
  });

  it('puts a new element where its frame, grown around it, stays clear of the frame below', () => {
    const design = exampleDesign();
    const host = frames(design).find((f) => f.id === 'ms01')!;
    // The switch right under the host: no room for the host to grow downwards.
    const tight = withPositions(design, { n4032: { x: host.x, y: host.y + host.height + 20 } });
    const nodes = nodesOf(tight);
    const sw = frames(tight).find((f) => f.id === 'n4032')!;
    const spot = elementSpot(nodes, 'ms01', 'port', { x: 40, y: host.height - 20 });
    const grown = {
      x: host.x,
      y: host.y,
      width: Math.max(host.width, spot.x + NODE_SIZE.port.width + FRAME_PADDING.right),
      height: Math.max(host.height, spot.y + NODE_SIZE.port.height + FRAME_PADDING.bottom),
    };
    expect(tooClose(grown, sw)).toBe(false);
    const siblings = nodes.filter((n) => n.parentId === 'ms01');
    for (const n of siblings)
      expect(tooClose({ ...spot, ...NODE_SIZE.port }, { ...n.position, width: n.width!, height: n.height! })).toBe(
        false,
      );
  });

  it('checks for overlaps only when a drag moves a frame or takes an element past its frame', () => {
    const nodes = nodesOf(exampleDesign());
    const node = (id: string) => nodes.find((n) => n.id === id)!;
    const port = node('ms01-enp88s0');
    expect(mayMoveFrames(nodes, { [port.id]: { x: port.position.x + 4, y: port.position.y } })).toBe(false);
    expect(mayMoveFrames(nodes, { [port.id]: { x: port.position.x, y: node('ms01').height! } })).toBe(true);
    expect(mayMoveFrames(nodes, { n4032: { x: 0, y: 0 } })).toBe(true);
  });

  it('grows a frame left and up around an element dropped past those edges, leaving the other elements where they are on screen', () => {
    const design = exampleDesign();
    const nodes = nodesOf(design);
    const host = nodes.find((n) => n.id === 'ms01')!;
    const absolute = (ns: typeof nodes, id: string) => {
      const n = ns.find((m) => m.id === id)!;
      const frame = ns.find((m) => m.id === n.parentId);
      return { x: n.position.x + (frame?.position.x ?? 0), y: n.position.y + (frame?.position.y ?? 0) };
    };
    const at = { x: host.position.x - 80.4, y: host.position.y - 30.2 };
    const places = dropPlaces(nodes, new Map([['ms01-enp88s0', at]]), design.layout);
    expect(places.ms01).toMatchObject({
      x: Math.round(at.x) - FRAME_PADDING.left,
      y: Math.round(at.y) - FRAME_PADDING.top,
    });
    const after = nodesOf(withPositions(design, places));
    const frame = after.find((n) => n.id === 'ms01')!;
    expect(absolute(after, 'ms01-enp88s0')).toEqual({ x: Math.round(at.x), y: Math.round(at.y) });
    for (const child of after.filter((n) => n.parentId === 'ms01')) {
      if (child.id !== 'ms01-enp88s0') expect(absolute(after, child.id), child.id).toEqual(absolute(nodes, child.id));
      expect(child.position.x, child.id).toBeGreaterThanOrEqual(FRAME_PADDING.left);
      expect(child.position.y, child.id).toBeGreaterThanOrEqual(FRAME_PADDING.top);
      expect(child.position.x + child.width! + FRAME_PADDING.right, child.id).toBeLessThanOrEqual(frame.width!);
      expect(child.position.y + child.height! + FRAME_PADDING.bottom, child.id).toBeLessThanOrEqual(frame.height!);
    }
  });

  it('moves only the dragged nodes when an element is dropped inside its frame or a frame is dragged', () => {
    const design = exampleDesign();
    const nodes = nodesOf(design);
    const host = nodes.find((n) => n.id === 'ms01')!;
    const inside = new Map([['ms01-enp88s0', { x: host.position.x + 100.4, y: host.position.y + 200.6 }]]);
    expect(dropPlaces(nodes, inside, design.layout)).toEqual({ 'ms01-enp88s0': { x: 100, y: 201 } });
    const frame = new Map([['ms01', { x: -80, y: -10 }]]);
    const dragged = dropPlaces(nodes, frame, design.layout);
    expect(Object.keys(dragged)).toEqual(['ms01']);
    expect(dragged.ms01).toMatchObject({ x: -80, y: -10 });
  });
});
