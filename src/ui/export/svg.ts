/**
 * An SVG of the canvas written from what Cytoscape has drawn: node positions, sizes, colours,
 * shapes and labels, edge endpoints and colours. Written by hand (no plugin, nothing evaluated),
 * so it works under the app's CSP; labels are document text and are escaped.
 */
import type { Core } from 'cytoscape';
import { escapeXml } from '../../graph/export/graphml';

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  border: string;
  borderWidth: number;
  shape: string;
  label: string;
  fontSize: number;
  opacity: number;
}

export interface SvgEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  dashed: boolean;
  arrow: boolean;
  opacity: number;
}

const num = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);

function polygon(n: SvgNode, pts: [number, number][]): string {
  return pts.map(([px, py]) => `${num(n.x + (px * n.w) / 2)},${num(n.y + (py * n.h) / 2)}`).join(' ');
}

/** One node's shape element (unit shapes scaled to the node's box). */
export function nodeShape(n: SvgNode): string {
  const common = `fill="${escapeXml(n.color, true)}" stroke="${escapeXml(n.border, true)}" stroke-width="${num(n.borderWidth)}" opacity="${num(n.opacity)}" data-id="${escapeXml(n.id, true)}"`;
  switch (n.shape) {
    case 'ellipse':
      return `<ellipse cx="${num(n.x)}" cy="${num(n.y)}" rx="${num(n.w / 2)}" ry="${num(n.h / 2)}" ${common}/>`;
    case 'diamond':
      return `<polygon points="${polygon(n, [[0, -1], [1, 0], [0, 1], [-1, 0]])}" ${common}/>`;
    case 'hexagon':
      return `<polygon points="${polygon(n, [[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]])}" ${common}/>`;
    case 'triangle':
    case 'round-triangle':
      return `<polygon points="${polygon(n, [[0, -1], [1, 1], [-1, 1]])}" ${common}/>`;
    default: {
      const r = n.shape.startsWith('round') ? Math.min(n.w, n.h) / 4 : 0;
      return `<rect x="${num(n.x - n.w / 2)}" y="${num(n.y - n.h / 2)}" width="${num(n.w)}" height="${num(n.h)}" rx="${num(r)}" ${common}/>`;
    }
  }
}

function edgeLine(e: SvgEdge): string {
  const dash = e.dashed ? ' stroke-dasharray="6 3"' : '';
  const arrow = e.arrow ? ' marker-end="url(#arrow)"' : '';
  return `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${escapeXml(e.color, true)}" stroke-width="${num(e.width)}" opacity="${num(e.opacity)}"${dash}${arrow}/>`;
}

/** A standalone SVG document of the given nodes and edges (model coordinates, padded). */
export function toSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], opts: { padding?: number; title?: string } = {}): string {
  const pad = opts.padding ?? 40;
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const n of nodes) {
    x1 = Math.min(x1, n.x - n.w / 2);
    y1 = Math.min(y1, n.y - n.h / 2);
    x2 = Math.max(x2, n.x + n.w / 2);
    y2 = Math.max(y2, n.y + n.h / 2 + n.fontSize * 1.6);
  }
  if (!nodes.length) [x1, y1, x2, y2] = [0, 0, 100, 100];
  const vb = [x1 - pad, y1 - pad, x2 - x1 + 2 * pad, y2 - y1 + 2 * pad].map(num);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb.join(' ')}" width="${vb[2]}" height="${vb[3]}" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">`,
  ];
  if (opts.title) out.push(`<title>${escapeXml(opts.title)}</title>`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
    `<rect x="${vb[0]}" y="${vb[1]}" width="${vb[2]}" height="${vb[3]}" fill="#ffffff"/>`,
    '<g class="edges">',
    ...edges.map(edgeLine),
    '</g>',
    '<g class="nodes">',
    ...nodes.map(nodeShape),
    '</g>',
    '<g class="labels" text-anchor="middle" fill="#1f2933">',
    ...nodes
      .filter((n) => n.label)
      .map((n) => `<text x="${num(n.x)}" y="${num(n.y + n.h / 2 + n.fontSize + 2)}" font-size="${num(n.fontSize)}" opacity="${num(n.opacity)}">${escapeXml(n.label)}</text>`),
    '</g>',
    '</svg>',
  );
  return out.join('\n') + '\n';
}

const px = (v: string | undefined, fallback: number) => {
  const n = parseFloat(v ?? '');
  return Number.isFinite(n) ? n : fallback;
};

/** Reads what Cytoscape draws into SvgNode / SvgEdge rows. Labels are the canvas's short ones, always shown. */
export function canvasToSvg(cy: Core, title?: string): string {
  const nodes: SvgNode[] = cy.nodes().map((n) => ({
    id: n.id(),
    x: n.position('x'),
    y: n.position('y'),
    w: n.width(),
    h: n.height(),
    color: n.style('background-color'),
    border: n.style('border-color'),
    borderWidth: px(n.style('border-width'), 0),
    shape: n.style('shape'),
    label: String(n.data('short') ?? n.data('label') ?? ''),
    fontSize: px(n.style('font-size'), 11),
    opacity: px(n.style('opacity'), 1),
  }));
  const edges: SvgEdge[] = cy.edges().map((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    return {
      id: e.id(),
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      color: e.style('line-color'),
      width: px(e.style('width'), 1),
      dashed: e.style('line-style') === 'dashed',
      arrow: e.style('target-arrow-shape') !== 'none',
      opacity: px(e.style('opacity'), 1),
    };
  });
  return toSvg(nodes, edges, { title });
}
