/**
 * The aggregated overview of a view too large to draw: its nodes grouped by type × place
 * (province where one is known, else level), with counts, and its edges summed between groups.
 * What the capped canvas cuts is still counted here, so the analyst sees the whole.
 */
import type { EdgeType, Level, NodeType } from '../model';
import { compiledView, filterIndexToken } from './filters';
import { runSteps, runStepsSliced, type Steps } from '../util/schedule';
import type { NodeAttributes, PolicyGraph } from './load';

/** Edges per group pair whose types decide its mainType. */
export const TYPE_SAMPLE = 24;

/** What a group's place is: a province name, a level, or nothing known. */
export type GroupPlace =
  | { kind: 'province'; name: string }
  | { kind: 'level'; level: Level }
  | { kind: 'none' }
  /** Several places merged into one group (mergeSmallGroups). */
  | { kind: 'rest'; places: GroupPlace[] };

export interface AggregateGroup {
  /** Stable id: `agg:<type>:<place>` (never a node id of the graph). */
  id: string;
  type: NodeType;
  place: GroupPlace;
  /** Nodes of the view in this group. */
  count: number;
  /** Of those, drawn on the capped canvas (`drawn` option). */
  shown: number;
  /** Edges of the view with both ends in this group. */
  internalEdges: number;
}

export interface AggregateEdge {
  id: string;
  source: string;
  target: string;
  /** Edges of the view from the source group to the target group. */
  weight: number;
  /** The most frequent edge type among the pair's first TYPE_SAMPLE edges. */
  mainType: EdgeType;
}

export interface AggregateView {
  /** Largest first. */
  groups: AggregateGroup[];
  /** Heaviest first, at most `maxEdges`. */
  edges: AggregateEdge[];
  /** Group edges left out by `maxEdges`, and the view edges they carry. */
  omitted: { groupEdges: number; edges: number };
}

export interface AggregateOptions {
  /** Ids drawn on the capped canvas, to count per group. */
  drawn?: ReadonlySet<string>;
  /** Most group edges returned (the heaviest); default 400. */
  maxEdges?: number;
}

/**
 * One pass over the graph: each policy's province, and the province of each region name (a
 * province's own name, a city's or county's up its parent chain; null when a name is ambiguous).
 */
function provinces(g: PolicyGraph): { policy: Map<string, string>; region: Map<string, string | null> } {
  const byName = new Map<string, string | null>();
  const policy = new Map<string, string>();
  g.forEachNode((id, a) => {
    if (a.type === 'policy' && a.province) policy.set(id, a.province);
    if (a.type !== 'region') return;
    // Up the parent chain (county → city → province) to a provincial region or the top one.
    let cur: NodeAttributes = a;
    for (let hops = 0; hops < 8 && cur.type === 'region' && cur.level !== 'provincial' && cur.parentId && g.hasNode(cur.parentId); hops++) {
      cur = g.getNodeAttributes(cur.parentId);
    }
    if (cur.type !== 'region' || (cur.level !== 'provincial' && cur.parentId)) return;
    const prov = cur.name;
    const had = byName.get(a.name);
    byName.set(a.name, had === undefined || had === prov ? prov : null);
  });
  return { policy, region: byName };
}

/**
 * Calls visit(i, attrs) for each node of the view (i its position in `nodes`). A large view is
 * visited by iterating the graph (graphology's keyed lookups cost ~1 µs each: 0.3 s for 100k
 * nodes), a small one by lookups.
 */
export function forEachViewNode(g: PolicyGraph, nodes: readonly string[], visit: (i: number, a: NodeAttributes, id: string) => void): void {
  if (nodes.length * 4 < g.order) {
    for (let i = 0; i < nodes.length; i++) if (g.hasNode(nodes[i])) visit(i, g.getNodeAttributes(nodes[i]), nodes[i]);
    return;
  }
  const pos = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) pos.set(nodes[i], i);
  g.forEachNode((id, a) => {
    const i = pos.get(id);
    if (i !== undefined) visit(i, a, id);
  });
}

/** The group key of a node: type and place. */
export function placeOf(a: NodeAttributes, policyProvince: ReadonlyMap<string, string>, regionProvince: ReadonlyMap<string, string | null>): GroupPlace {
  let province: string | undefined;
  if (a.type === 'policy') province = a.province;
  else if (a.type === 'task') province = policyProvince.get(a.policyId);
  if (!province) {
    const region = a.type === 'region' ? a.name : 'region' in a && typeof a.region === 'string' ? a.region : undefined;
    if (region) province = regionProvince.get(region) ?? undefined;
  }
  if (province) return { kind: 'province', name: province };
  const level = 'level' in a ? a.level : undefined;
  if (level) return { kind: 'level', level };
  return { kind: 'none' };
}

/** A node's group: its id (`agg:<type>:<place>`) and its place. */
function groupKeyOf(a: NodeAttributes, prov: ReturnType<typeof provinces>): { id: string; place: GroupPlace } {
  const place = placeOf(a, prov.policy, prov.region);
  return { id: `agg:${a.type}:${placeKey(place)}`, place };
}

function placeKey(p: GroupPlace): string {
  return p.kind === 'province' ? `province:${p.name}` : p.kind === 'level' ? `level:${p.level}` : p.kind === 'rest' ? 'rest' : 'none';
}

/** The group of every node of a graph, by position in iteration order, for the compiled filter index `token`. */
interface GraphGroups {
  token: object;
  /** Per graph position: its group's code. */
  code: Int32Array;
  /** Per code: the group's id, type and place. */
  groups: { id: string; type: NodeType; place: GroupPlace }[];
}

const groupsCache = new WeakMap<PolicyGraph, GraphGroups>();
/** Nodes between two yields of `graphGroupsSteps`. */
const STEP = 4096;

function* graphGroupsSteps(g: PolicyGraph, token: object): Steps<GraphGroups> {
  const prov = provinces(g);
  const code = new Int32Array(g.order);
  const groups: GraphGroups['groups'] = [];
  const byId = new Map<string, number>();
  let k = 0;
  for (const { attributes: a } of g.nodeEntries()) {
    const { id, place } = groupKeyOf(a, prov);
    let c = byId.get(id);
    if (c === undefined) {
      c = groups.length;
      byId.set(id, c);
      groups.push({ id, type: a.type, place });
    }
    code[k++] = c;
    if (k % STEP === 0) yield;
  }
  return { token, code, groups };
}

/** The groups of `g`'s nodes for its current compiled filter index (computed now if not cached). */
function graphGroupsOf(g: PolicyGraph, token: object): GraphGroups {
  const cached = groupsCache.get(g);
  if (cached?.token === token) return cached;
  const groups = runSteps(graphGroupsSteps(g, token));
  groupsCache.set(g, groups);
  return groups;
}

/**
 * Computes the group of every node ahead of the first overview, in time slices (~0.1–0.2 s at 100k
 * nodes otherwise spent inside the first view's computation). Needs the filter index compiled
 * (filters.compileFilterIndexSliced); a change of `g` meanwhile leaves nothing cached.
 */
export async function computeGraphGroupsSliced(g: PolicyGraph, opts: { sliceMs?: number } = {}): Promise<void> {
  const token = filterIndexToken(g);
  if (!token || groupsCache.get(g)?.token === token) return;
  // Kept only if the graph did not change meanwhile (a change drops the filter index's token).
  const groups = await runStepsSliced(graphGroupsSteps(g, token), { sliceMs: opts.sliceMs, abandon: () => filterIndexToken(g) !== token });
  if (groups) groupsCache.set(g, groups);
}

/**
 * Groups a view (node and edge ids, e.g. from applyFilters) by type × place and sums its edges
 * between groups. Edges whose ends are not both in `nodes` are ignored. Arrays straight from
 * applyFilters take a fast path on the filters' compiled positions.
 */
export function aggregateView(g: PolicyGraph, nodes: readonly string[], edges: readonly string[], opts: AggregateOptions = {}): AggregateView {
  const groups: AggregateGroup[] = [];
  const groupOf = new Int32Array(nodes.length).fill(-1);
  // Arrays from applyFilters: each node's group read by its graph position (cached per graph);
  // any other arrays: computed from the node's attributes.
  const fast = compiledView(g, nodes, edges);
  if (fast) {
    const all = graphGroupsOf(g, fast.index);
    const local = new Int32Array(all.groups.length).fill(-1);
    for (let i = 0; i < nodes.length; i++) {
      const c = all.code[fast.nodeIdx[i]];
      let gi = local[c];
      if (gi < 0) {
        gi = local[c] = groups.length;
        const x = all.groups[c];
        groups.push({ id: x.id, type: x.type, place: x.place, count: 0, shown: 0, internalEdges: 0 });
      }
      groupOf[i] = gi;
      groups[gi].count++;
      if (opts.drawn?.has(nodes[i])) groups[gi].shown++;
    }
  } else {
    const prov = provinces(g);
    const groupIndex = new Map<string, number>();
    forEachViewNode(g, nodes, (i, a, id) => {
      const { id: key, place } = groupKeyOf(a, prov);
      let gi = groupIndex.get(key);
      if (gi === undefined) {
        gi = groups.length;
        groupIndex.set(key, gi);
        groups.push({ id: key, type: a.type, place, count: 0, shown: 0, internalEdges: 0 });
      }
      groupOf[i] = gi;
      groups[gi].count++;
      if (opts.drawn?.has(id)) groups[gi].shown++;
    });
  }

  // Edge ends as positions in `nodes` (fast path) or looked up by id.
  let pos: Map<string, number> | null = null;
  if (!fast) {
    pos = new Map();
    for (let i = 0; i < nodes.length; i++) pos.set(nodes[i], i);
  }
  const G = groups.length;
  // Per ordered group pair: total weight, and the types of its first TYPE_SAMPLE edges (looking
  // up every edge's type would cost ~0.4 s at 400k edges).
  // Weights in a dense G×G array when that is small (the usual: ~100 groups), else in the map;
  // the map holds each pair's sample either way, and only while it fills.
  const dense = G * G <= 1 << 20 ? new Int32Array(G * G) : null;
  const pair = new Map<number, { weight: number; sample: number[] }>();
  for (let j = 0; j < edges.length; j++) {
    let s: number | undefined;
    let t: number | undefined;
    if (fast) {
      s = fast.edgeEnds[2 * j];
      t = fast.edgeEnds[2 * j + 1];
    } else {
      if (!g.hasEdge(edges[j])) continue;
      s = pos!.get(g.source(edges[j]));
      t = pos!.get(g.target(edges[j]));
      if (s === undefined || t === undefined) continue;
    }
    const gs = groupOf[s];
    const gt = groupOf[t];
    if (gs < 0 || gt < 0) continue;
    if (gs === gt) {
      groups[gs].internalEdges++;
      continue;
    }
    const key = gs * G + gt;
    if (dense && ++dense[key] > TYPE_SAMPLE) continue;
    let p = pair.get(key);
    if (!p) pair.set(key, (p = { weight: 0, sample: [] }));
    p.weight++;
    if (p.sample.length < TYPE_SAMPLE) p.sample.push(j);
  }
  if (dense) for (const [key, p] of pair) p.weight = dense[key];

  const all: AggregateEdge[] = [];
  for (const [key, p] of pair) {
    const s = groups[Math.floor(key / G)].id;
    const t = groups[key % G].id;
    const byType = new Map<EdgeType, number>();
    for (const j of p.sample) {
      const type = fast ? fast.edgeTypeAt(j) : g.getEdgeAttribute(edges[j], 'type');
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    let mainType: EdgeType = 'cites';
    let best = -1;
    for (const [type, c] of byType) if (c > best || (c === best && type < mainType)) [mainType, best] = [type, c];
    all.push({ id: `${s}->${t}`, source: s, target: t, weight: p.weight, mainType });
  }
  all.sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const maxEdges = opts.maxEdges ?? 400;
  const kept = all.slice(0, maxEdges);
  let omittedEdges = 0;
  for (const e of all.slice(maxEdges)) omittedEdges += e.weight;
  groups.sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { groups, edges: kept, omitted: { groupEdges: all.length - kept.length, edges: omittedEdges } };
}

/**
 * The overview for drawing: per type its `perType - 1` largest groups and one group (place
 * `rest`) for the others when there are more than `perType`; edges re-summed between the merged
 * groups (pairs that fall inside one group become its internal edges), heaviest `maxEdges` kept.
 * Pass an AggregateView computed with all its edges (maxEdges: Infinity) for exact weights.
 */
export function mergeSmallGroups(v: AggregateView, perType: number, maxEdges = 400): AggregateView {
  const target = new Map<string, string>();
  const out: AggregateGroup[] = [];
  const rest = new Map<NodeType, AggregateGroup & { place: { kind: 'rest'; places: GroupPlace[] } }>();
  const seen = new Map<NodeType, number>();
  const totals = new Map<NodeType, number>();
  for (const gr of v.groups) totals.set(gr.type, (totals.get(gr.type) ?? 0) + 1);
  for (const gr of v.groups) {
    // v.groups is largest first.
    const k = (seen.get(gr.type) ?? 0) + 1;
    seen.set(gr.type, k);
    const total = totals.get(gr.type)!;
    if (total <= perType || k < perType) {
      out.push({ ...gr });
      target.set(gr.id, gr.id);
      continue;
    }
    let r = rest.get(gr.type);
    if (!r) {
      r = { id: `agg:${gr.type}:rest`, type: gr.type, place: { kind: 'rest', places: [] }, count: 0, shown: 0, internalEdges: 0 };
      rest.set(gr.type, r);
      out.push(r);
    }
    r.place.places.push(gr.place);
    r.count += gr.count;
    r.shown += gr.shown;
    r.internalEdges += gr.internalEdges;
    target.set(gr.id, r.id);
  }
  const byId = new Map(out.map((g) => [g.id, g]));
  const pairs = new Map<string, AggregateEdge & { byType: Map<EdgeType, number> }>();
  for (const e of v.edges) {
    const s = target.get(e.source)!;
    const t = target.get(e.target)!;
    if (s === t) {
      byId.get(s)!.internalEdges += e.weight;
      continue;
    }
    const id = `${s}->${t}`;
    let p = pairs.get(id);
    if (!p) pairs.set(id, (p = { id, source: s, target: t, weight: 0, mainType: e.mainType, byType: new Map() }));
    p.weight += e.weight;
    p.byType.set(e.mainType, (p.byType.get(e.mainType) ?? 0) + e.weight);
  }
  const all: AggregateEdge[] = [...pairs.values()].map(({ byType, ...e }) => {
    let best = -1;
    for (const [type, w] of byType) if (w > best || (w === best && type < e.mainType)) [e.mainType, best] = [type, w];
    return e;
  });
  all.sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const kept = all.slice(0, maxEdges);
  let omitted = v.omitted.edges;
  for (const e of all.slice(maxEdges)) omitted += e.weight;
  out.sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { groups: out, edges: kept, omitted: { groupEdges: v.omitted.groupEdges + all.length - kept.length, edges: omitted } };
}
