/**
 * The aggregated overview of a view too large to draw: its nodes grouped by type × place
 * (province where one is known, else level), with counts, and its edges summed between groups.
 * What the capped canvas cuts is still counted here, so the analyst sees the whole.
 */
import type { EdgeType, Level, NodeType } from '../model';
import { compiledView } from './filters';
import type { NodeAttributes, PolicyGraph } from './load';

/** What a group's place is: a province name, a level, or nothing known. */
export type GroupPlace = { kind: 'province'; name: string } | { kind: 'level'; level: Level } | { kind: 'none' };

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
  /** The edge type that contributes most of the weight. */
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

/** Province names of the graph's region nodes: a province's own name, a city's parent's name. */
function provinceOfRegionName(g: PolicyGraph): Map<string, string | null> {
  const byName = new Map<string, string | null>(); // null: ambiguous name
  g.forEachNode((_, a) => {
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
  return byName;
}

/** The group key of a node: type and place. */
export function placeOf(g: PolicyGraph, a: NodeAttributes, regionProvince: Map<string, string | null>): GroupPlace {
  let province: string | undefined;
  if (a.type === 'policy') province = a.province;
  else if (a.type === 'task' && g.hasNode(a.policyId)) {
    const p = g.getNodeAttributes(a.policyId);
    if (p.type === 'policy') province = p.province;
  }
  if (!province) {
    const region = a.type === 'region' ? a.name : 'region' in a && typeof a.region === 'string' ? a.region : undefined;
    if (region) province = regionProvince.get(region) ?? undefined;
  }
  if (province) return { kind: 'province', name: province };
  const level = 'level' in a ? a.level : undefined;
  if (level) return { kind: 'level', level };
  return { kind: 'none' };
}

function placeKey(p: GroupPlace): string {
  return p.kind === 'province' ? `province:${p.name}` : p.kind === 'level' ? `level:${p.level}` : 'none';
}

/**
 * Groups a view (node and edge ids, e.g. from applyFilters) by type × place and sums its edges
 * between groups. Edges whose ends are not both in `nodes` are ignored. Arrays straight from
 * applyFilters take a fast path on the filters' compiled positions.
 */
export function aggregateView(g: PolicyGraph, nodes: readonly string[], edges: readonly string[], opts: AggregateOptions = {}): AggregateView {
  const regionProvince = provinceOfRegionName(g);
  const groups: AggregateGroup[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const a = g.getNodeAttributes(nodes[i]);
    const place = placeOf(g, a, regionProvince);
    const id = `agg:${a.type}:${placeKey(place)}`;
    let gi = groupIndex.get(id);
    if (gi === undefined) {
      gi = groups.length;
      groupIndex.set(id, gi);
      groups.push({ id, type: a.type, place, count: 0, shown: 0, internalEdges: 0 });
    }
    groupOf[i] = gi;
    groups[gi].count++;
    if (opts.drawn?.has(nodes[i])) groups[gi].shown++;
  }

  // Edge ends as positions in `nodes` (fast path) or looked up by id.
  const fast = compiledView(g, nodes, edges);
  let pos: Map<string, number> | null = null;
  if (!fast) {
    pos = new Map();
    for (let i = 0; i < nodes.length; i++) pos.set(nodes[i], i);
  }
  const G = groups.length;
  // Per ordered group pair: total weight and per edge type.
  const pair = new Map<number, { weight: number; byType: Map<EdgeType, number> }>();
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
    if (gs === gt) {
      groups[gs].internalEdges++;
      continue;
    }
    const key = gs * G + gt;
    let p = pair.get(key);
    if (!p) pair.set(key, (p = { weight: 0, byType: new Map() }));
    p.weight++;
    const type = g.getEdgeAttribute(edges[j], 'type');
    p.byType.set(type, (p.byType.get(type) ?? 0) + 1);
  }

  const all: AggregateEdge[] = [];
  for (const [key, p] of pair) {
    const s = groups[Math.floor(key / G)].id;
    const t = groups[key % G].id;
    let mainType: EdgeType = 'cites';
    let best = -1;
    for (const [type, c] of p.byType) if (c > best || (c === best && type < mainType)) [mainType, best] = [type, c];
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
