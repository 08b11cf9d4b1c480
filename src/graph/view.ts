/**
 * The canvas cap: Cytoscape draws at most a few thousand elements, so a filtered view above the
 * cap is cut to its most important part, and the rest is summarised so the UI can say what is
 * not drawn.
 */
import type { NodeType } from '../model';
import type { PolicyGraph } from './load';

export interface Tally {
  shown: number;
  hidden: number;
}

export interface ViewOverview {
  /** Per node type, how many of the filtered nodes are drawn and how many are not. */
  byType: Partial<Record<NodeType, Tally>>;
  /** Per region name ('' for nodes without one: documents, programmes), likewise. */
  byRegion: Record<string, Tally>;
}

export interface CappedView {
  nodes: string[];
  edges: string[];
  hidden: { nodes: number; edges: number };
  /** Present only when something is hidden. */
  overview?: ViewOverview;
}

export interface CapOptions {
  /** Nodes drawn whatever their rank (the selection), as long as the cap allows. */
  keep?: readonly string[];
}

/** The region a node is counted under in the overview. */
function regionKey(g: PolicyGraph, id: string): string {
  const a = g.getNodeAttributes(id);
  if (a.type === 'region') return a.name;
  return 'region' in a && typeof a.region === 'string' ? a.region : '';
}

/**
 * Cuts a view (node and edge ids, e.g. from applyFilters) to at most `cap` elements, nodes and
 * edges counted alike. Nodes enter by rank — kept ids first, then most cited, then highest
 * degree, then input order — each bringing the edges to nodes already in; it stops when the
 * budget is spent. Edges whose endpoints are not both in `nodes` are dropped. Output keeps the
 * input order.
 */
export function capView(
  g: PolicyGraph,
  nodes: readonly string[],
  edges: readonly string[],
  cap = 3000,
  opts: CapOptions = {},
): CappedView {
  const n = nodes.length;
  const pos = new Map<string, number>();
  for (let i = 0; i < n; i++) pos.set(nodes[i], i);
  // Edges with both endpoints in the view, as pairs of input positions.
  const valid: number[] = [];
  for (let j = 0; j < edges.length; j++) {
    const e = edges[j];
    if (g.hasEdge(e) && pos.has(g.source(e)) && pos.has(g.target(e))) valid.push(j);
  }
  if (n + valid.length <= cap) {
    return {
      nodes: [...nodes],
      edges: valid.length === edges.length ? [...edges] : valid.map((j) => edges[j]),
      hidden: { nodes: 0, edges: 0 },
    };
  }

  // Rank nodes.
  const keep = new Set(opts.keep ?? []);
  const citedBy = new Float64Array(n);
  const degree = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = g.getNodeAttributes(nodes[i]);
    citedBy[i] = (keep.has(nodes[i]) ? Number.MAX_SAFE_INTEGER : 0) + a.citedBy;
    degree[i] = a.degree;
    order[i] = i;
  }
  order.sort((x, y) => citedBy[y] - citedBy[x] || degree[y] - degree[x] || x - y);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]] = r;

  // Bucket edges by the rank at which both their endpoints are in (counting sort).
  const bucketStart = new Int32Array(n + 1);
  const entry = new Int32Array(valid.length);
  for (let k = 0; k < valid.length; k++) {
    const e = edges[valid[k]];
    entry[k] = Math.max(rank[pos.get(g.source(e))!], rank[pos.get(g.target(e))!]);
    bucketStart[entry[k] + 1]++;
  }
  for (let r = 0; r < n; r++) bucketStart[r + 1] += bucketStart[r];
  const fill = bucketStart.slice(0, n);
  const bucket = new Int32Array(valid.length);
  for (let k = 0; k < valid.length; k++) bucket[fill[entry[k]]++] = valid[k];

  // Spend the budget in rank order.
  const nodeIn = new Uint8Array(n);
  const edgeIn = new Uint8Array(edges.length);
  let budget = cap;
  for (let r = 0; r < n && budget > 0; r++) {
    nodeIn[order[r]] = 1;
    budget--;
    for (let b = bucketStart[r]; b < bucketStart[r + 1] && budget > 0; b++) {
      edgeIn[bucket[b]] = 1;
      budget--;
    }
  }

  const outNodes: string[] = [];
  const byType: Partial<Record<NodeType, Tally>> = {};
  const byRegion: Record<string, Tally> = {};
  for (let i = 0; i < n; i++) {
    const id = nodes[i];
    const shown = nodeIn[i] === 1;
    if (shown) outNodes.push(id);
    const type = g.getNodeAttribute(id, 'type');
    const t = (byType[type] ??= { shown: 0, hidden: 0 });
    const reg = (byRegion[regionKey(g, id)] ??= { shown: 0, hidden: 0 });
    if (shown) {
      t.shown++;
      reg.shown++;
    } else {
      t.hidden++;
      reg.hidden++;
    }
  }
  const outEdges: string[] = [];
  for (const j of valid) if (edgeIn[j]) outEdges.push(edges[j]);
  return {
    nodes: outNodes,
    edges: outEdges,
    hidden: { nodes: n - outNodes.length, edges: valid.length - outEdges.length },
    overview: { byType, byRegion },
  };
}
