/**
 * ForceAtlas2 (graphology-layout-forceatlas2) for large views, run in the layout worker: from
 * the canvas's starting positions, a fixed number of Barnes–Hut iterations, then scaled so the
 * median edge is about as long as fcose's ideal edge (node sizes are in canvas pixels, FA2's
 * coordinates are not).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutRequest } from './layout-protocol';

const IDEAL_EDGE = 70;

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
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, gravity: 1, scalingRatio: 10 };
  forceAtlas2.assign(g, { iterations, settings });
  // Scale: median edge length → IDEAL_EDGE (or, without edges, median nearest-by-index spacing).
  const lengths: number[] = [];
  g.forEachEdge((_e, _a, s, t, sa, ta) => void (s !== t && lengths.push(Math.hypot(sa.x - ta.x, sa.y - ta.y))));
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const k = median > 0 && Number.isFinite(median) ? IDEAL_EDGE / median : 1;
  g.forEachNode((id, a) => {
    const x = Number.isFinite(a.x) ? a.x * k : 0;
    const y = Number.isFinite(a.y) ? a.y * k : 0;
    positions[id] = { x, y };
  });
  return positions;
}
