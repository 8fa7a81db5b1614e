/**
 * SVG and PNG pictures of the diagram, drawn from the flow's own geometry
 * (node boxes, handle positions, edge colours), not by copying the DOM: the
 * picture is small, self-contained and does not depend on fonts loading.
 */
import { getBezierPath, Position as Side } from '@xyflow/react';
import type { Flow } from './flow-controls.js';
import type { AppEdge, AppNode, CableData, NicData } from './flow-types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

function labelOf(node: AppNode): [string, string] {
  return [node.data.title, node.type];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The diagram as an SVG document; `edges` are all of them, drawn or not at the current zoom. */
export function diagramSvg(flow: Flow, edges: readonly AppEdge[]): string {
  const nodes = flow.getNodes();
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const internal = flow.getInternalNode(n.id);
    const p = internal?.internals.positionAbsolute ?? n.position;
    boxes.set(n.id, {
      x: p.x,
      y: p.y,
      w: n.measured?.width ?? n.width ?? 100,
      h: n.measured?.height ?? n.height ?? 40,
    });
  }
  const all = [...boxes.values()];
  const pad = 40;
  const minX = Math.min(...all.map((b) => b.x), 0) - pad;
  const minY = Math.min(...all.map((b) => b.y), 0) - pad;
  const maxX = Math.max(...all.map((b) => b.x + b.w), 0) + pad;
  const maxY = Math.max(...all.map((b) => b.y + b.h), 0) + pad;
  const bg = cssVar('--canvas-bg', '#ffffff');
  const fg = cssVar('--text', '#0f172a');
  const muted = cssVar('--muted', '#64748b');
  const nodeBg = cssVar('--node-bg', '#ffffff');
  const border = cssVar('--border', '#cbd5e1');
  const frameBg = cssVar('--frame-bg', '#f8fafc');
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${maxX - minX}" height="${maxY - minY}" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="Inter, system-ui, sans-serif">`,
  );
  out.push(`<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${bg}"/>`);
  for (const n of nodes.filter((n) => n.type === 'host' || n.type === 'switch')) {
    const b = boxes.get(n.id)!;
    const [title] = labelOf(n);
    out.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="12" fill="${frameBg}" stroke="${border}" stroke-width="1.5"/>`,
    );
    out.push(
      `<text x="${b.x + 16}" y="${b.y + 26}" font-size="14" font-weight="600" fill="${fg}">${esc(title)}</text>`,
    );
  }
  for (const e of edges) {
    const s = boxes.get(e.source);
    const t = boxes.get(e.target);
    if (!s || !t) continue;
    let targetX = t.x + t.w / 2;
    if (e.type === 'nic') {
      const vm = nodes.find((n) => n.id === e.target);
      const nics = vm?.type === 'vm' ? vm.data.element.nics : [];
      const i = nics.findIndex((nic) => nic.id === e.targetHandle);
      targetX = t.x + (t.w * (i + 1)) / (nics.length + 2);
    }
    const [path] = getBezierPath({
      sourceX: s.x + s.w / 2,
      sourceY: s.y,
      sourcePosition: Side.Top,
      targetX,
      targetY: t.y + t.h,
      targetPosition: Side.Bottom,
    });
    const colours =
      e.type === 'cable'
        ? (e.data as CableData).colours
        : e.type === 'nic' && (e.data as NicData).colour
          ? [(e.data as NicData).colour!]
          : [];
    const width = e.type === 'cable' ? 3 : 1.5;
    if (colours.length === 0) out.push(`<path d="${path}" fill="none" stroke="${muted}" stroke-width="${width}"/>`);
    colours.forEach((c, i) => {
      const dash =
        colours.length > 1 ? ` stroke-dasharray="10 ${10 * (colours.length - 1)}" stroke-dashoffset="${-10 * i}"` : '';
      out.push(`<path d="${path}" fill="none" stroke="${c}" stroke-width="${width}"${dash}/>`);
    });
  }
  for (const n of nodes.filter((n) => n.type !== 'host' && n.type !== 'switch')) {
    const b = boxes.get(n.id)!;
    const [title, kind] = labelOf(n);
    const accent = cssVar(`--kind-${kind}`, '#64748b');
    out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" fill="${nodeBg}" stroke="${border}"/>`);
    out.push(`<rect x="${b.x}" y="${b.y + 6}" width="4" height="${b.h - 12}" rx="2" fill="${accent}"/>`);
    out.push(
      `<text x="${b.x + 14}" y="${b.y + 21}" font-size="13" font-weight="600" fill="${fg}">${esc(title)}</text>`,
    );
    out.push(`<text x="${b.x + 14}" y="${b.y + 38}" font-size="11" fill="${muted}">${esc(kind)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/** Renders an SVG document to a PNG blob at `scale` pixels per unit. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the diagram could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.width * scale);
    canvas.height = Math.ceil(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
