/**
 * ForceAtlas2 (graphology-layout-forceatlas2) for large views, run in the layout worker: from
 * the canvas's starting positions, a fixed number of Barnes–Hut iterations with hubs' attraction
 * spread over their edges (outboundAttractionDistribution: the most cited documents do not swallow
 * their citers), then scaled so that nodes stand apart: the 10th-percentile distance to the
 * nearest node becomes MIN_GAP canvas pixels (FA2's coordinates have no unit). Measured on the
 * capped view of the 100k synthetic graph (701 nodes, 1799 edges): ~0.6 s in Node, 158 pairs of
 * overlapping nodes of 245k, fit zoom 0.45 in a 780×800 canvas.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutRequest } from './layout-protocol';

const MIN_GAP = 30;
/** Nodes whose nearest-neighbour distances are measured (all below this, a sample above). */
const NN_SAMPLE = 1500;

export function layoutFa2(req: Pick<LayoutRequest, 'nodes' | 'edges'>, iterations = 200): Record<string, { x: number; y: number }> {
  const g = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  req.nodes.forEach((n, i) => {
    // A missing or shared start would leave nodes on top of each other: spread them on a spiral.
    const r = 10 * Math.sqrt(i + 1);
    g.mergeNode(n.id, { x: n.x ?? r * Math.cos(i * 2.39996), y: n.y ?? r * Math.sin(i * 2.39996), size: n.size });
  });
  for (const e of req.edges) if (g.hasNode(e.source) && g.hasNode(e.target) && e.source !== e.target) g.addUndirectedEdge(e.source, e.target);
  const positions: Record<string, { x: number; y: number }> = {};
  if (g.order === 0) return positions;
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, outboundAttractionDistribution: true, gravity: 1, scalingRatio: 10 };
  forceAtlas2.assign(g, { iterations, settings });
  const xs: number[] = [];
  const ys: number[] = [];
  g.forEachNode((_, a) => void (xs.push(a.x), ys.push(a.y)));
  const gap = nearestGap(xs, ys);
  const k = gap > 0 && Number.isFinite(gap) ? MIN_GAP / gap : 1;
  g.forEachNode((id, a) => {
    const x = Number.isFinite(a.x) ? a.x * k : 0;
    const y = Number.isFinite(a.y) ? a.y * k : 0;
    positions[id] = { x, y };
  });
  return positions;
}

/** The 10th percentile of nearest-neighbour distances (over a sample of nodes when there are many). */
export function nearestGap(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const step = Math.max(1, Math.floor(n / NN_SAMPLE));
  const nn: number[] = [];
  for (let i = 0; i < n; i += step) {
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (xs[i] - xs[j]) ** 2 + (ys[i] - ys[j]) ** 2;
      if (d < best) best = d;
    }
    nn.push(Math.sqrt(best));
  }
  nn.sort((a, b) => a - b);
  return nn[Math.floor(nn.length * 0.1)];
}
