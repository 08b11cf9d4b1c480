/**
 * The canvas cap: Cytoscape draws at most a few thousand elements, so a filtered view above the
 * cap is cut to its most important part, and the rest is summarised so the UI can say what is
 * not drawn.
 */
import type { NodeType } from '../model';
import { compiledView } from './filters';
import { forEachViewNode } from './aggregate';
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
  /** Present only when something is hidden and `tally` was asked for. */
  overview?: ViewOverview;
}

export interface CapOptions {
  /** Nodes drawn whatever their rank (the selection), as long as the cap allows. */
  keep?: readonly string[];
  /** Count shown and hidden nodes per type and region (a pass over every node's attributes: ~40 ms at 100k). */
  tally?: boolean;
}

/** The region a node is counted under in the overview. */
function regionKey(a: NodeAttributes): string {
  if (a.type === 'region') return a.name;
  return 'region' in a && typeof a.region === 'string' ? a.region : '';
}

/** How many neighbours each hub brings in before the rest of the budget is spent by connectivity. */
const FANOUT = 8;

/**
 * Cuts a view (node and edge ids, e.g. from applyFilters) to at most `cap` elements, nodes and
 * edges counted alike, keeping a connected picture rather than the most cited nodes alone (which
 * at scale are documents that cite nothing: thousands of dots and no edge):
 *
 * 1. kept ids (the selection, expanded nodes) enter first;
 * 2. hubs — the most cited nodes, then the highest degree in the view — enter, about one per
 *    1 + 2·FANOUT elements of the budget;
 * 3. round robin over the hubs, each brings its best neighbour not yet drawn (most links to hubs,
 *    then most cited), up to FANOUT rounds: every hub is seen with who cites it;
 * 4. what budget is left goes to the nodes with most links to nodes already drawn;
 * 5. then, if any budget is still left, the remaining nodes by rank.
 *
 * A node entering brings every edge to nodes already in while the budget lasts; a non-kept node
 * enters in steps 3–4 only when the budget also pays for one of its edges. Output keeps the input
 * order. Arrays straight from applyFilters take a fast path on the filters' compiled positions;
 * any other arrays work too, from ids.
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
  let valid: Int32Array | null = null; // null: every input edge is valid
  let ends: Int32Array;
  const fast = compiledView(g, nodes, edges);
  if (fast) {
    ({ citedBy, edgeEnds: ends } = fast);
  } else {
    const pos = new Map<string, number>();
    for (let i = 0; i < n; i++) pos.set(nodes[i], i);
    const v: number[] = [];
    const en: number[] = [];
    for (let j = 0; j < edges.length; j++) {
      if (!g.hasEdge(edges[j])) continue;
      const s = pos.get(g.source(edges[j]));
      const t = pos.get(g.target(edges[j]));
      if (s === undefined || t === undefined) continue;
      v.push(j);
      en.push(s, t);
    }
    if (v.length !== edges.length) valid = Int32Array.from(v);
    ends = Int32Array.from(en);
    const c = new Uint32Array(n);
    for (let i = 0; i < n; i++) c[i] = g.getNodeAttribute(nodes[i], 'citedBy');
    citedBy = c;
  }
  const m = ends.length / 2;
  const edgeAt = (k: number) => (valid ? valid[k] : k);
  if (n + m <= cap) {
    const outEdges: string[] = [];
    for (let k = 0; k < m; k++) outEdges.push(edges[edgeAt(k)]);
    return { nodes: [...nodes], edges: outEdges, hidden: { nodes: 0, edges: 0 } };
  }

  const adj = adjacency(n, ends);
  const degree = adj.degree; // in the view, not in the whole graph
  const kept = new Uint8Array(n);
  if (opts.keep?.length) {
    const keep = new Set(opts.keep);
    for (let i = 0; i < n; i++) if (keep.has(nodes[i])) kept[i] = 1;
  }

  const nodeIn = new Uint8Array(n);
  const edgeIn = new Uint8Array(m);
  let budget = cap;
  /** Draws node v and its edges to drawn nodes, as far as the budget goes. */
  const enter = (v: number) => {
    nodeIn[v] = 1;
    budget--;
    for (let a = adj.start[v]; a < adj.start[v + 1] && budget > 0; a++) {
      const k = adj.edge[a];
      if (edgeIn[k]) continue;
      const o = ends[2 * k] === v ? ends[2 * k + 1] : ends[2 * k];
      if (nodeIn[o]) {
        edgeIn[k] = 1;
        budget--;
      }
    }
  };
  /** Edges from v to drawn nodes. */
  const linksIn = (v: number) => {
    let c = 0;
    for (let a = adj.start[v]; a < adj.start[v + 1]; a++) {
      const k = adj.edge[a];
      if (nodeIn[ends[2 * k] === v ? ends[2 * k + 1] : ends[2 * k]]) c++;
    }
    return c;
  };

  // 1–2. Kept nodes, then hubs (nodes with an edge in the view first).
  const nHubs = Math.max(1, Math.floor(cap / (1 + 2 * FANOUT)));
  const hubs = topRanked(n, Math.min(n, nHubs + countOf(kept)), kept, citedBy, degree, true);
  for (const v of hubs) if (budget > 0) enter(v);

  // 3. Round robin: each hub brings its best neighbours (most links to hubs, then rank).
  if (budget > 1) {
    const hubLinks = new Uint16Array(n);
    for (const h of hubs) {
      for (let a = adj.start[h]; a < adj.start[h + 1]; a++) {
        const k = adj.edge[a];
        const o = ends[2 * k] === h ? ends[2 * k + 1] : ends[2 * k];
        if (hubLinks[o] < 65535) hubLinks[o]++;
      }
    }
    // Each hub's best 2·FANOUT candidates (others may take some of them first).
    const lists = bestNeighbours(hubs, adj, ends, nodeIn, 2 * FANOUT, { hubLinks, citedBy, degree });
    const next = new Int32Array(hubs.length);
    for (let round = 0; round < FANOUT && budget > 1; round++) {
      for (let i = 0; i < hubs.length && budget > 1; i++) {
        const list = lists[i];
        while (next[i] < list.length && nodeIn[list[next[i]]]) next[i]++;
        if (next[i] < list.length) enter(list[next[i]++]);
      }
    }
  }

  // 4. The rest of the budget: nodes with most links to drawn nodes first.
  if (budget > 1) {
    const links = new Uint32Array(n);
    const cand: number[] = [];
    for (let v = 0; v < n; v++) {
      if (nodeIn[v]) continue;
      links[v] = linksIn(v);
      if (links[v] > 0) cand.push(v);
    }
    cand.sort((x, y) => links[y] - links[x] || citedBy[y] - citedBy[x] || degree[y] - degree[x] || x - y);
    for (const v of cand) {
      if (budget <= 1) break;
      if (!nodeIn[v] && linksIn(v) > 0) enter(v);
    }
  }

  // 5. Still room (views of mostly unconnected nodes): the remaining nodes by rank.
  if (budget > 0) {
    for (const v of topRanked(n, Math.min(n, cap), kept, citedBy, degree, false)) {
      if (budget <= 0) break;
      if (!nodeIn[v]) enter(v);
    }
  }

  const outNodes: string[] = [];
  for (let i = 0; i < n; i++) if (nodeIn[i]) outNodes.push(nodes[i]);
  let overview: ViewOverview | undefined;
  if (opts.tally) {
    const byType: Partial<Record<NodeType, Tally>> = {};
    const byRegion: Record<string, Tally> = {};
    forEachViewNode(g, nodes, (i, a) => {
      const shown = nodeIn[i] === 1;
      const t = (byType[a.type] ??= { shown: 0, hidden: 0 });
      const reg = (byRegion[regionKey(a)] ??= { shown: 0, hidden: 0 });
      if (shown) {
        t.shown++;
        reg.shown++;
      } else {
        t.hidden++;
        reg.hidden++;
      }
    });
    overview = { byType, byRegion };
  }
  const outEdges: string[] = [];
  for (let k = 0; k < m; k++) if (edgeIn[k]) outEdges.push(edges[edgeAt(k)]);
  return {
    nodes: outNodes,
    edges: outEdges,
    hidden: { nodes: n - outNodes.length, edges: m - outEdges.length },
    ...(overview ? { overview } : {}),
  };
}

interface Adjacency {
  /** Edges of node v: edge[start[v] .. start[v+1]) (a self-loop once). */
  start: Int32Array;
  edge: Int32Array;
  degree: Uint32Array;
}

function adjacency(n: number, ends: Int32Array): Adjacency {
  const m = ends.length / 2;
  const degree = new Uint32Array(n);
  for (let k = 0; k < m; k++) {
    degree[ends[2 * k]]++;
    if (ends[2 * k + 1] !== ends[2 * k]) degree[ends[2 * k + 1]]++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + degree[v];
  const fill = start.slice(0, n);
  const edge = new Int32Array(start[n]);
  for (let k = 0; k < m; k++) {
    edge[fill[ends[2 * k]]++] = k;
    if (ends[2 * k + 1] !== ends[2 * k]) edge[fill[ends[2 * k + 1]]++] = k;
  }
  return { start, edge, degree };
}

/** What ranks a hub's neighbour (most links to hubs, then most cited, then highest degree, then position). */
interface NeighbourRank {
  hubLinks: ArrayLike<number>;
  citedBy: ArrayLike<number>;
  degree: ArrayLike<number>;
}

/**
 * For each hub, its `size` best neighbours not yet drawn, best first (a small insertion list:
 * hubs can have tens of thousands). All hubs in one call, with the ranking written out in the loop:
 * this runs once per view change over every hub's edges (~0.5M at 100k nodes), too rarely for the
 * JIT to have optimised a function called once per hub with a comparator closure (~100 ms in
 * Chromium for the whole graph's view).
 */
function bestNeighbours(
  hubs: ArrayLike<number>,
  adj: Adjacency,
  ends: Int32Array,
  nodeIn: Uint8Array,
  size: number,
  rank: NeighbourRank,
): number[][] {
  const { hubLinks, citedBy, degree } = rank;
  /** > 0 when x ranks above y. */
  const better = (x: number, y: number): number =>
    hubLinks[x] - hubLinks[y] || citedBy[x] - citedBy[y] || degree[x] - degree[y] || y - x;
  const lists: number[][] = [];
  for (let hi = 0; hi < hubs.length; hi++) {
    const h = hubs[hi];
    const best: number[] = [];
    for (let a = adj.start[h]; a < adj.start[h + 1]; a++) {
      const k = adj.edge[a];
      const o = ends[2 * k] === h ? ends[2 * k + 1] : ends[2 * k];
      // The cheap rejection first; a node already listed is skipped (parallel edges).
      if (nodeIn[o] || (best.length === size && better(o, best[size - 1]) <= 0) || best.includes(o)) continue;
      let i = Math.min(best.length, size - 1);
      best[i] = o;
      while (i > 0 && better(best[i], best[i - 1]) > 0) {
        const t = best[i];
        best[i] = best[i - 1];
        best[i - 1] = t;
        i--;
      }
    }
    lists.push(best);
  }
  return lists;
}

function countOf(flags: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < flags.length; i++) c += flags[i];
  return c;
}

/**
 * The first min(n, cap) nodes in rank order (kept, then — with connectedFirst — having an edge,
 * then citedBy, then degree, descending, then position). Selection first on a numeric key (a typed-array sort without comparator), so the
 * comparator sort only sees `cap` nodes.
 */
function topRanked(
  n: number,
  cap: number,
  kept: Uint8Array,
  citedBy: ArrayLike<number>,
  degree: ArrayLike<number>,
  connectedFirst: boolean,
): Int32Array {
  // connectedFirst: a node without an edge in the view ranks after every node with one.
  const linked = (x: number) => (connectedFirst && degree[x] > 0 ? 1 : 0);
  const cmp = (x: number, y: number) =>
    kept[y] - kept[x] || linked(y) - linked(x) || citedBy[y] - citedBy[x] || degree[y] - degree[x] || x - y;
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
  // key orders the others like cmp up to ties (2^30 × 2^21 + 2^52 stays below 2^53, so it is exact).
  const D = 2 ** 21;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Linked nodes (connectedFirst) are lifted above every unlinked one (2^52 > any other key).
    key[i] = kept[i] ? Number.NEGATIVE_INFINITY : linked(i) * 2 ** 52 + Math.min(citedBy[i], 2 ** 30 - 1) * D + Math.min(degree[i], D - 1);
  }
  const threshold = key.slice().sort()[n - want];
  const chosen = new Int32Array(k);
  let c = 0;
  for (const i of keptIdx) chosen[c++] = i;
  for (let i = 0; i < n; i++) if (!kept[i] && key[i] > threshold) chosen[c++] = i;
  for (let i = 0; i < n && c < k; i++) if (!kept[i] && key[i] === threshold) chosen[c++] = i;
  return chosen.sort(cmp);
}
