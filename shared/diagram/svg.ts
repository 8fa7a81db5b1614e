/**
 * The diagram as a self-contained SVG document, drawn from the design and its
 * layout as the canvas shows it: frames, nodes with their short titles and
 * detail lines (addresses, bond modes, VLANs), lines between them, cables
 * striped in the colours of the networks they carry and labelled with their
 * VLANs, NICs with their tags, and a legend of the networks. Labels are fitted
 * to their boxes and edge labels are moved along their line until they clear
 * every node and every other label. Pure: the app's Export dialog and
 * `netloom export --diagram` write the same picture.
 */
import { indexOf } from '../edit/cached-index.js';
import { listLinks } from '../edit/links.js';
import { linkEnds } from '../layout/auto-layout.js';
import { KIND_ENTRIES } from '../model/kinds/index.js';
import type { Design, Host, Network, Switch } from '../model/schema.js';
import { PLATFORM_REGISTRY } from '../platforms/index.js';
import { VENDORS } from '../vendors/index.js';
import { bezier, type Point } from './bezier.js';
import { networksOfCable } from './cable-networks.js';
import { detailContext, nodeLabel, type DetailContext } from './describe.js';
import { placeDevices, type PlacedDevice } from './geometry.js';
import { fitText, textWidth, wrapParts, type TextStyle } from './text.js';
import { KIND_COLOUR, PALETTES, type DiagramTheme, type Palette } from './theme.js';

export interface DiagramOptions {
  readonly theme: DiagramTheme;
}

/** The fonts the picture asks for, widest first (the text estimates are made for DejaVu Sans). */
export const DIAGRAM_FONTS = "'DejaVu Sans', Verdana, Inter, system-ui, sans-serif";

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = {
  frameTitle: { size: 14, bold: true },
  frameDetail: { size: 11 },
  nodeTitle: { size: 12, bold: true },
  nodeDetail: { size: 10 },
  edgeLabel: { size: 10 },
  tag: { size: 10, bold: true },
  heading: { size: 18, bold: true },
  legendHeading: { size: 13, bold: true },
  legend: { size: 12 },
} as const satisfies Record<string, TextStyle>;

/** The baseline that puts a line of `style` text with its top at `top`. */
const baseline = (top: number, style: TextStyle) => top + style.size * 0.8;

function text(x: number, top: number, content: string, style: TextStyle, fill: string, anchor?: 'middle'): string {
  const weight = style.bold ? ' font-weight="700"' : '';
  const align = anchor ? ` text-anchor="${anchor}"` : '';
  return `<text x="${round(x)}" y="${round(baseline(top, style))}" font-size="${style.size}"${weight}${align} fill="${fill}">${esc(content)}</text>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

const FRAME_DETAIL: { readonly [K in PlacedDevice['kind']]: (device: never) => string } = {
  host: (host: Host) =>
    [PLATFORM_REGISTRY[host.platform].label, host.ssh && `${host.ssh.user}@${host.ssh.address}`]
      .filter(Boolean)
      .join(' · '),
  switch: (sw: Switch) =>
    [VENDORS[sw.vendor].label, sw.stackUnits > 1 && `stack of ${sw.stackUnits}`, sw.management]
      .filter(Boolean)
      .join(' · '),
};

const lineHeight = (style: TextStyle) => style.size + 2;

/**
 * A node's detail in lines that fit `width` x `height`: at the detail size if
 * it fits whole, else a little smaller, else cut with an ellipsis at the smallest.
 */
function detailLines(detail: string, width: number, height: number): { lines: string[]; style: TextStyle } {
  const at = (size: number) => {
    const style = { size };
    const room = Math.max(1, Math.floor((height + 2) / lineHeight(style)));
    return { lines: wrapParts(detail.split(' · '), ' · ', width, room, style), style };
  };
  const whole = [STYLE.nodeDetail.size, STYLE.nodeDetail.size - 1]
    .map(at)
    .find(({ lines }) => !lines.some((l) => l.endsWith('…')));
  return whole ?? at(STYLE.nodeDetail.size - 2);
}

/** Draws frames and nodes; the boxes of what is drawn go to `taken`, for edge labels to avoid. */
class Picture {
  readonly frames: string[] = [];
  /** Frame titles, over the lines that cross them. */
  readonly titles: string[] = [];
  readonly nodes: string[] = [];
  readonly taken: Box[] = [];
  readonly boxes = new Map<string, Box>();
  constructor(
    readonly palette: Palette,
    readonly context: DetailContext,
  ) {}

  frame(placed: PlacedDevice): void {
    const { x, y } = placed.position;
    const { width: w, height: h } = placed.size;
    const p = this.palette;
    this.boxes.set(placed.device.id, { x, y, w, h });
    this.frames.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="12" fill="${p.frameBg}" stroke="${p.frame[placed.kind]}" stroke-width="1.5"/>`,
    );
    const top = y + 16;
    const name = fitText(placed.device.name, w - 32, STYLE.frameTitle);
    const nameWidth = textWidth(name, STYLE.frameTitle);
    const detailX = x + 16 + nameWidth + 10;
    const detail = fitText(FRAME_DETAIL[placed.kind](placed.device as never), x + w - 16 - detailX, STYLE.frameDetail);
    const detailWidth = detail === '' ? 0 : textWidth(detail, STYLE.frameDetail);
    const bar = {
      x: x + 12,
      y: top - 3,
      w: nameWidth + (detail === '' ? 0 : 10 + detailWidth) + 8,
      h: STYLE.frameTitle.size + 6,
    };
    this.taken.push(bar);
    this.titles.push(
      `<rect x="${round(bar.x)}" y="${bar.y}" width="${round(bar.w)}" height="${bar.h}" rx="4" fill="${p.frameBg}"/>`,
      text(x + 16, top, name, STYLE.frameTitle, p.text),
    );
    if (detail !== '') {
      const detailTop = top + (STYLE.frameTitle.size - STYLE.frameDetail.size) / 2;
      this.titles.push(text(detailX, detailTop, detail, STYLE.frameDetail, p.muted));
    }
  }

  element(placed: PlacedDevice, child: PlacedDevice['children'][number]): void {
    const p = this.palette;
    const x = placed.position.x + child.position.x;
    const y = placed.position.y + child.position.y;
    const { width: w, height: h } = child.size;
    const box = { x, y, w, h };
    this.boxes.set(child.element.id, box);
    this.taken.push(box);
    const label = nodeLabel(child.kind, child.element, this.context);
    const accent = label.accent ?? KIND_COLOUR[child.kind];
    this.nodes.push(
      `<g data-kind="${child.kind}" data-id="${esc(child.element.id)}">`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="${p.nodeBg}" stroke="${p.border}"/>`,
      `<rect x="${x}" y="${y + 6}" width="4" height="${h - 12}" rx="2" fill="${accent}"/>`,
    );
    const inner = w - 14 - 8;
    this.nodes.push(text(x + 14, y + 6, fitText(label.title, inner, STYLE.nodeTitle), STYLE.nodeTitle, p.text));
    const detailTop = y + 6 + STYLE.nodeTitle.size + 4;
    const { lines, style } = detailLines(label.detail, inner, y + h - 4 - detailTop);
    lines.forEach((line, i) => {
      this.nodes.push(text(x + 14, detailTop + i * lineHeight(style), line, style, p.muted));
    });
    this.nodes.push('</g>');
  }

  /** A label box near the middle of `at(t)`, moved along the line until it is clear. */
  place(at: (t: number) => Point, w: number, h: number): Box {
    const candidates = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85];
    const boxAt = (t: number) => {
      const c = at(t);
      return { x: c.x - w / 2, y: c.y - h / 2, w, h };
    };
    const clear = candidates.map(boxAt).find((b) => !this.taken.some((o) => overlaps(b, o)));
    const box = clear ?? boxAt(0.5);
    this.taken.push(box);
    return box;
  }
}

/** The SVG picture of `design` in `theme`. */
export function diagramSvg(design: Design, { theme }: DiagramOptions): string {
  const palette = PALETTES[theme];
  const picture = new Picture(palette, detailContext(design));
  const placed = placeDevices(design);
  for (const device of placed) picture.frame(device);
  for (const device of placed) for (const child of device.children) picture.element(device, child);
  const edges = drawLinks(design, picture);
  const diagram = bounds([...picture.boxes.values(), ...picture.taken]);
  const heading = design.name;
  const headingTop = diagram.y - 24 - STYLE.heading.size;
  const legend = legendOf(design.networks, diagram.x, diagram.y + diagram.h + 32, palette);
  const all = bounds([
    diagram,
    { x: diagram.x, y: headingTop, w: textWidth(heading, STYLE.heading), h: STYLE.heading.size },
    ...legend.boxes,
  ]);
  const pad = 32;
  const view = { x: Math.floor(all.x - pad), y: Math.floor(all.y - pad), w: 0, h: 0 };
  view.w = Math.ceil(all.x + all.w + pad - view.x);
  view.h = Math.ceil(all.y + all.h + pad - view.y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.w}" height="${view.h}" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" font-family="${DIAGRAM_FONTS}" data-theme="${theme}">`,
    `<title>${esc(design.name)}</title>`,
    `<rect x="${view.x}" y="${view.y}" width="${view.w}" height="${view.h}" fill="${palette.background}"/>`,
    text(diagram.x, headingTop, heading, STYLE.heading, palette.text),
    ...picture.frames,
    ...edges.lines,
    ...picture.titles,
    ...picture.nodes,
    ...edges.labels,
    ...legend.out,
    '</svg>',
    '',
  ].join('\n');
}

function bounds(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: right - x, h: bottom - y };
}

const DASH = 10;

/** How each link kind is drawn: elements that are links (cables, NICs) say so; memberships are plain lines. */
const EDGE_OF = new Map<string, 'cable' | 'nic' | 'member'>(
  KIND_ENTRIES.flatMap((k) => (k.link ? [[k.link.kind, k.link.edge] as const] : [])),
);

/**
 * Every link from the lower element's top to the upper element's bottom (a
 * VM NIC to its own place along the VM's bottom edge), as the canvas draws
 * them: lines go under the nodes, their labels over everything.
 */
function drawLinks(design: Design, picture: Picture): { lines: string[]; labels: string[] } {
  const index = indexOf(design);
  const palette = picture.palette;
  const colourOf = new Map(design.networks.map((n) => [n.vlan, n.colour]));
  const lines: string[] = [];
  const labels: string[] = [];
  for (const link of listLinks(design)) {
    const { upper, lower } = linkEnds(index, link);
    const from = picture.boxes.get(lower);
    const to = picture.boxes.get(upper);
    if (!from || !to) continue;
    const edge = EDGE_OF.get(link.kind) ?? 'member';
    let toX = to.x + to.w / 2;
    if (edge === 'nic') {
      const vm = index.byId.get(upper);
      const nics = vm?.kind === 'vm' ? (vm.element as { nics: readonly { id: string }[] }).nics : [];
      const slot = nics.findIndex((nic) => nic.id === link.id);
      toX = to.x + (to.w * (slot + 1)) / (nics.length + 2);
    }
    const curve = bezier({ x: from.x + from.w / 2, y: from.y }, { x: toX, y: to.y + to.h });
    if (edge === 'cable') {
      const networks = networksOfCable(design, link.source, link.target).sort((a, b) => a.vlan - b.vlan);
      const colours = networks.map((n) => n.colour);
      if (colours.length === 0)
        lines.push(`<path d="${curve.path}" fill="none" stroke="${palette.line}" stroke-width="3" data-link="cable"/>`);
      colours.forEach((c, i) => {
        const dash =
          colours.length > 1
            ? ` stroke-dasharray="${DASH} ${DASH * (colours.length - 1)}" stroke-dashoffset="${-DASH * i}"`
            : '';
        lines.push(`<path d="${curve.path}" fill="none" stroke="${c}" stroke-width="3"${dash} data-link="cable"/>`);
      });
      if (networks.length > 0) {
        const caption = `VLAN ${networks.map((n) => n.vlan).join(', ')}`;
        const w = textWidth(caption, STYLE.edgeLabel) + 8;
        const h = STYLE.edgeLabel.size + 6;
        const box = picture.place(curve.at, w, h);
        labels.push(
          `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.w)}" height="${h}" rx="4" fill="${palette.background}" opacity="0.9"/>`,
          text(box.x + w / 2, box.y + 3, caption, STYLE.edgeLabel, palette.text, 'middle'),
        );
      }
    } else if (edge === 'nic') {
      const tag = index.get(link.id, 'vm-nic')?.element.tag;
      const colour = tag === undefined ? undefined : colourOf.get(tag);
      lines.push(
        `<path d="${curve.path}" fill="none" stroke="${colour ?? palette.line}" stroke-width="1.5" data-link="nic"/>`,
      );
      if (tag !== undefined) {
        const caption = `tag ${tag}`;
        const w = textWidth(caption, STYLE.tag) + 12;
        const h = STYLE.tag.size + 8;
        const box = picture.place(curve.at, w, h);
        labels.push(
          `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(w)}" height="${h}" rx="${h / 2}" fill="${colour ?? palette.muted}"/>`,
          text(box.x + w / 2, box.y + 4, caption, STYLE.tag, palette.onColour, 'middle'),
        );
      }
    } else {
      lines.push(
        `<path d="${curve.path}" fill="none" stroke="${palette.line}" stroke-width="1.5" data-link="member"/>`,
      );
    }
  }
  return { lines, labels };
}

/** The networks as a table: colour, VLAN id, name, subnet. */
function legendOf(
  networks: readonly Network[],
  left: number,
  top: number,
  palette: Palette,
): { out: string[]; boxes: Box[] } {
  if (networks.length === 0) return { out: [], boxes: [] };
  const rows = [...networks].sort((a, b) => a.vlan - b.vlan);
  const style = STYLE.legend;
  const rowHeight = style.size + 10;
  const cells = rows.map((n) => [String(n.vlan), n.name, n.subnet ?? '']);
  const header = ['VLAN', 'Name', 'Subnet'];
  const widths = header.map((h, c) =>
    Math.max(textWidth(h, { ...style, bold: true }), ...cells.map((row) => textWidth(row[c]!, style))),
  );
  const swatch = 14;
  const columnX = [left + swatch + 10];
  for (let c = 1; c < header.length; c++) columnX.push(columnX[c - 1]! + widths[c - 1]! + 20);
  const out: string[] = [`<g data-legend="networks">`];
  const boxes: Box[] = [];
  const put = (x: number, rowTop: number, content: string, s: TextStyle, fill: string) => {
    out.push(text(x, rowTop, content, s, fill));
    boxes.push({ x, y: rowTop, w: textWidth(content, s), h: s.size });
  };
  put(left, top, 'Networks', STYLE.legendHeading, palette.text);
  const headerTop = top + STYLE.legendHeading.size + 10;
  header.forEach((h, c) => put(columnX[c]!, headerTop, h, { ...style, bold: true }, palette.muted));
  rows.forEach((n, r) => {
    const rowTop = headerTop + (r + 1) * rowHeight;
    out.push(
      `<rect x="${left}" y="${rowTop - 1}" width="${swatch}" height="${swatch}" rx="3" fill="${n.colour}" data-vlan="${n.vlan}"/>`,
    );
    boxes.push({ x: left, y: rowTop - 1, w: swatch, h: swatch });
    cells[r]!.forEach((cell, c) => {
      if (cell !== '') put(columnX[c]!, rowTop, cell, style, palette.text);
    });
  });
  out.push('</g>');
  return { out, boxes };
}
