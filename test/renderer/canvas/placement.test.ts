import { describe, expect, it } from 'vitest';
import { pasteFragment, copyFragment } from '../../../shared/edit/fragment.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import { tooClose } from '../../../shared/layout/free-spot.js';
import {
  dropped,
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
    expect(mayMoveFrames(nodes, [{ ...port, position: { x: port.position.x + 4, y: port.position.y } }])).toBe(false);
    expect(mayMoveFrames(nodes, [{ ...port, position: { x: port.position.x, y: node('ms01').height! } }])).toBe(true);
    expect(mayMoveFrames(nodes, [node('n4032')])).toBe(true);
  });

  it('keeps an element dragged past the left or top edge of its frame inside the frame', () => {
    const nodes = nodesOf(exampleDesign());
    const port = nodes.find((n) => n.id === 'ms01-enp88s0')!;
    const host = nodes.find((n) => n.id === 'ms01')!;
    expect(dropped({ ...port, position: { x: -80.4, y: 10 } })).toEqual({
      x: FRAME_PADDING.left,
      y: FRAME_PADDING.top,
    });
    expect(dropped({ ...port, position: { x: 100.4, y: 200.6 } })).toEqual({ x: 100, y: 201 });
    expect(dropped({ ...host, position: { x: -80, y: -10 } })).toEqual({ x: -80, y: -10 });
  });
});
