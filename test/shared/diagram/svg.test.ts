import { describe, expect, it } from 'vitest';
import { diagramSvg } from '../../../shared/diagram/svg.js';
import { textWidth } from '../../../shared/diagram/text.js';
import { PALETTES } from '../../../shared/diagram/theme.js';
import type { Design } from '../../../shared/model/schema.js';
import { exampleDesign } from '../../helpers/design.js';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Label extends Box {
  readonly text: string;
  readonly fill: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every <text> as the box its estimated width and font size take. */
function labelsOf(svg: string): Label[] {
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, content]) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs!)?.[1];
    const size = Number(attr('font-size'));
    const text = unescape(content!);
    const w = textWidth(text, { size, bold: attr('font-weight') === '700' });
    const x = Number(attr('x')) - (attr('text-anchor') === 'middle' ? w / 2 : 0);
    // The baseline sits at 0.8 of the font size; descenders take the rest.
    return { text, x, y: Number(attr('y')) - size * 0.8, w, h: size, fill: attr('fill')! };
  });
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/** Each node group's box and the labels drawn in it. */
function nodesOf(svg: string): { id: string; box: Box; labels: Label[] }[] {
  return [...svg.matchAll(/<g data-kind="[^"]*" data-id="([^"]*)">([\s\S]*?)<\/g>/g)].map(([, id, body]) => {
    const rect = /<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(body!)!;
    const [x, y, w, h] = rect.slice(1).map(Number) as [number, number, number, number];
    return { id: id!, box: { x, y, w, h }, labels: labelsOf(body!) };
  });
}

function expectNoCollisions(svg: string): void {
  const labels = labelsOf(svg);
  const collisions = labels.flatMap((a, i) =>
    labels.slice(i + 1).flatMap((b) => (overlaps(a, b) ? [`"${a.text}" and "${b.text}"`] : [])),
  );
  expect(collisions).toEqual([]);
  for (const node of nodesOf(svg)) {
    for (const label of node.labels) expect(inside(label, node.box), `${label.text} in ${node.id}`).toBe(true);
  }
}

/** The example with long names, several addresses and many networks, to crowd the labels. */
function crowded(): Design {
  const design = exampleDesign();
  const networks = [
    ...design.networks,
    ...[10, 20, 30, 40, 50, 60].map((vlan, i) => ({
      id: `net${vlan}`,
      vlan,
      name: `storage-and-backup-${vlan}`,
      purpose: 'storage' as const,
      subnet: `10.${vlan}.0.0/24`,
      colour: ['#ef4444', '#f97316', '#84cc16', '#06b6d4', '#a855f7', '#e11d48'][i]!,
    })),
  ];
  const host = design.hosts[0]!;
  return {
    ...design,
    networks,
    hosts: [
      {
        ...host,
        name: `a-very-long-${'proxmox-node-name-'.repeat(6)}that-would-overflow`,
        bonds: host.bonds.map((b) => ({
          ...b,
          xmitHashPolicy: 'layer3+4' as const,
          lacpRate: 'fast' as const,
          inet: { method: 'static' as const, addresses: ['192.168.100.200/24', '10.10.10.10/24'] },
        })),
      },
    ],
  };
}

describe('the diagram as SVG', () => {
  const design = exampleDesign();
  const svg = diagramSvg(design, { theme: 'light' });

  it('shows what the canvas shows: names, short port names, addresses, modes, tags and cable VLANs', () => {
    const texts = labelsOf(svg).map((l) => l.text);
    for (const expected of [
      'MS-01 homelab',
      'ms01',
      'n4032',
      'vmbr0',
      'vmbr1',
      'bond0',
      'enp91s0',
      'web01',
      'Po8',
      'Po9',
      'Te1/0/17',
      'Te2/0/18',
      'tag 245',
      'VLAN 240, 245',
    ])
      expect(texts).toContain(expected);
    const all = texts.join('\n');
    expect(all).toContain('10.2.200.30/24');
    expect(all).toContain('802.3ad');
    expect(all).toContain('PVID 240');
    expect(all).not.toContain('Tengigabitethernet');
    expect(texts.filter((t) => t === 'VLAN 240, 245')).toHaveLength(design.cables.length);
  });

  it('stripes each cable in the colours of the networks it carries', () => {
    const stripes = [...svg.matchAll(/<path [^>]*stroke="([^"]+)"[^>]*data-link="cable"/g)].map((m) => m[1]);
    const colours = design.networks.map((n) => n.colour);
    expect(stripes).toHaveLength(design.cables.length * colours.length);
    for (const colour of colours) expect(stripes.filter((s) => s === colour)).toHaveLength(design.cables.length);
  });

  it('has a legend with every network: VLAN id, name, colour and subnet', () => {
    const legend = /<g data-legend="networks">([\s\S]*?)<\/g>/.exec(svg)![1]!;
    const texts = labelsOf(legend).map((l) => l.text);
    for (const network of design.networks) {
      expect(texts).toEqual(expect.arrayContaining([String(network.vlan), network.name, network.subnet!]));
      expect(legend).toContain(`fill="${network.colour}" data-vlan="${network.vlan}"`);
    }
  });

  it('has no two labels on top of each other and no label outside its node', () => {
    expectNoCollisions(svg);
  });

  it('fits long names, many addresses and many networks without collisions', () => {
    const busy = diagramSvg(crowded(), { theme: 'dark' });
    expectNoCollisions(busy);
    const texts = labelsOf(busy).map((l) => l.text);
    expect(texts.some((t) => t.startsWith('a-very-long') && t.endsWith('…'))).toBe(true);
    expect(texts).toContain('VLAN 10, 20, 30, 40, 50, 60, 240, 245');
    expect(texts.join('\n')).toContain('192.168.100.200/24');
  });

  it('takes its colours from the theme chosen, not from the app', () => {
    const dark = diagramSvg(design, { theme: 'dark' });
    for (const [theme, picture] of [
      ['light', svg],
      ['dark', dark],
    ] as const) {
      const palette = PALETTES[theme];
      expect(picture).toContain(`data-theme="${theme}"`);
      expect(picture).toMatch(
        new RegExp(`^<svg[^>]*>\\n<title>[^<]*</title>\\n<rect [^>]*fill="${palette.background}"/>`),
      );
      const names = labelsOf(picture).filter((l) => l.text === 'vmbr1' || l.text === 'ms01');
      expect(names.map((l) => l.fill)).toEqual(names.map(() => palette.text));
    }
    expect(PALETTES.light.background).not.toBe(PALETTES.dark.background);
    expect(diagramSvg(design, { theme: 'dark' })).toBe(dark);
  });
});
