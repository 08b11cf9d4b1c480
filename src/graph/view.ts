/**
 * The canvas cap: Cytoscape draws at most a few thousand elements, so a filtered view above the
 * cap is cut to its most important part, and the rest is summarised so the UI can say what is
 * not drawn.
 */
import type { NodeType } from '../model';
import { compiledView } from './filters';
import type { NodeAttributes, PolicyGraph } from './load';

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
function regionKey(a: NodeAttributes): string {
  if (a.type === 'region') return a.name;
  return 'region' in a && typeof a.region === 'string' ? a.region : '';
}

/**
 * Cuts a view (node and edge ids, e.g. from applyFilters) to at most `cap` elements, nodes and
 * edges counted alike. Nodes enter by rank — kept ids first, then most cited, then highest
 * degree, then input order — each bringing the edges to nodes already in; it stops when the
 * budget is spent. Edges whose endpoints are not both in `nodes` are dropped. Output keeps the
 * input order. Arrays straight from applyFilters take a fast path on the filters' compiled
 * positions; any other arrays work too, from ids.
 */
export function capView(
  g: PolicyGraph,
  nodes: readonly string[],
  edges: readonly string[],
  cap = 3000,
  opts: CapOptions = {},
): CappedView {
  const n = nodes.length;
  // Per node its counts; per edge kept (input position in `valid`) the positions of its endpoints.
  let citedBy: ArrayLike<number>;
  let degree: ArrayLike<number>;
  let valid: Int32Array | null = null; // null: every input edge is valid
  let ends: Int32Array;
  const fast = compiledView(g, nodes, edges);
  if (fast) {
    ({ citedBy, degree, edgeEnds: ends } = fast);
  } else {
    const pos = new Map<string, number>();
    for (let i = 0; i < n; i++) pos.set(nodes[i], i);
    const v: number[] = [];
    const en: number[] = [];
    for (let j = 0; j < edges.length; j++) {
      if (!g.hasEdge(edges[j])) continue;
      const a = g.getEdgeAttributes(edges[j]);
      const s = pos.get(a.source);
      const t = pos.get(a.target);
      if (s === undefined || t === undefined) continue;
      v.push(j);
      en.push(s, t);
    }
    if (v.length !== edges.length) valid = Int32Array.from(v);
    ends = Int32Array.from(en);
    const c = new Uint32Array(n);
    const d = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const a = g.getNodeAttributes(nodes[i]);
      c[i] = a.citedBy;
      d[i] = a.degree;
    }
    citedBy = c;
    degree = d;
  }
  const m = ends.length / 2;
  const edgeAt = (k: number) => (valid ? valid[k] : k);
  if (n + m <= cap) {
    const outEdges: string[] = [];
    for (let k = 0; k < m; k++) outEdges.push(edges[edgeAt(k)]);
    return { nodes: [...nodes], edges: outEdges, hidden: { nodes: 0, edges: 0 } };
  }

  // Rank nodes: kept ids, then most cited, then highest degree, then input order. Every node
  // costs at least one element, so only the first `cap` can enter: select those, sort only them.
  const kept = new Uint8Array(n);
  if (opts.keep?.length) {
    const keep = new Set(opts.keep);
    for (let i = 0; i < n; i++) if (keep.has(nodes[i])) kept[i] = 1;
  }
  const top = topRanked(n, cap, kept, citedBy, degree);
  const R = top.length;
  const rank = new Int32Array(n).fill(R); // R: never enters
  for (let r = 0; r < R; r++) rank[top[r]] = r;

  // Bucket the edges that can enter by the rank at which both their endpoints are in (counting sort).
  const bucketStart = new Int32Array(R + 1);
  const entry = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const e = Math.max(rank[ends[2 * k]], rank[ends[2 * k + 1]]);
    entry[k] = e;
    if (e < R) bucketStart[e + 1]++;
  }
  for (let r = 0; r < R; r++) bucketStart[r + 1] += bucketStart[r];
  const fill = bucketStart.slice(0, R);
  const bucket = new Int32Array(bucketStart[R]);
  for (let k = 0; k < m; k++) if (entry[k] < R) bucket[fill[entry[k]]++] = k;

  // Spend the budget in rank order.
  const nodeIn = new Uint8Array(n);
  const edgeIn = new Uint8Array(m);
  let budget = cap;
  for (let r = 0; r < R && budget > 0; r++) {
    nodeIn[top[r]] = 1;
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
    const a = g.getNodeAttributes(id);
    const t = (byType[a.type] ??= { shown: 0, hidden: 0 });
    const reg = (byRegion[regionKey(a)] ??= { shown: 0, hidden: 0 });
    if (shown) {
      t.shown++;
      reg.shown++;
    } else {
      t.hidden++;
      reg.hidden++;
    }
  }
  const outEdges: string[] = [];
  for (let k = 0; k < m; k++) if (edgeIn[k]) outEdges.push(edges[edgeAt(k)]);
  return {
    nodes: outNodes,
    edges: outEdges,
    hidden: { nodes: n - outNodes.length, edges: m - outEdges.length },
    overview: { byType, byRegion },
  };
}

/**
 * The first min(n, cap) nodes in rank order (kept, then citedBy, then degree, descending, then
 * position). Selection first on a numeric key (a typed-array sort without comparator), so the
 * comparator sort only sees `cap` nodes.
 */
function topRanked(
  n: number,
  cap: number,
  kept: Uint8Array,
  citedBy: ArrayLike<number>,
  degree: ArrayLike<number>,
): Int32Array {
  const cmp = (x: number, y: number) => kept[y] - kept[x] || citedBy[y] - citedBy[x] || degree[y] - degree[x] || x - y;
  const k = Math.max(0, Math.min(n, cap));
  if (k === n) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all.sort(cmp);
  }
  // Kept nodes first (few; ordered among themselves by cmp), the rest selected by key.
  const keptIdx: number[] = [];
  for (let i = 0; i < n; i++) if (kept[i]) keptIdx.push(i);
  keptIdx.sort(cmp);
  if (keptIdx.length >= k) return Int32Array.from(keptIdx.slice(0, k));
  const want = k - keptIdx.length;
  // key orders the others like cmp up to ties (2^31 × 2^21 stays below 2^53, so it is exact).
  const D = 2 ** 21;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = kept[i] ? Number.NEGATIVE_INFINITY : Math.min(citedBy[i], 2 ** 31 - 1) * D + Math.min(degree[i], D - 1);
  }
  const threshold = key.slice().sort()[n - want];
  const chosen = new Int32Array(k);
  let c = 0;
  for (const i of keptIdx) chosen[c++] = i;
  for (let i = 0; i < n; i++) if (!kept[i] && key[i] > threshold) chosen[c++] = i;
  for (let i = 0; i < n && c < k; i++) if (!kept[i] && key[i] === threshold) chosen[c++] = i;
  return chosen.sort(cmp);
}
