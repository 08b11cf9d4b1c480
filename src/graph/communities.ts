/**
 * Communities by Louvain modularity, for colouring the graph. Run on an undirected, simple,
 * weighted projection (parallel and opposite edges add up), with a seeded random generator so the
 * same graph always gets the same colours.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeType, GraphNode, StoredEdge } from '../model';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface CommunityOptions {
  /** Edge types to take into account (default: all). */
  edgeTypes?: readonly EdgeType[];
  /** Louvain resolution: above 1 gives more, smaller communities (default 1). */
  resolution?: number;
  /** Seed of the random generator (default 1). */
  seed?: number;
}

export interface Communities {
  /** node id → community number; 0 is the largest community, then by size. */
  community: Record<string, number>;
  count: number;
  /** Size of each community, indexed by community number. */
  sizes: number[];
  modularity: number;
}

/** mulberry32: a small, good-enough seeded PRNG. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function communities(graph: RowGraph, opts: CommunityOptions = {}): Communities {
  const types = opts.edgeTypes ? new Set<string>(opts.edgeTypes) : undefined;
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((id) => simple.addNode(id));
  graph.forEachEdge((_id, edge, source, target) => {
    if (types && !types.has(edge.type)) return;
    if (source === target) return;
    const e = simple.edge(source, target);
    if (e) simple.updateEdgeAttribute(e, 'weight', (w) => (w ?? 0) + 1);
    else simple.addEdge(source, target, { weight: 1 });
  });

  let raw: Record<string, number>;
  let modularity = 0;
  if (simple.size === 0) {
    raw = {};
    let next = 0;
    simple.forEachNode((id) => (raw[id] = next++));
  } else {
    const detailed = louvain.detailed(simple, {
      getEdgeWeight: 'weight',
      resolution: opts.resolution ?? 1,
      rng: seededRandom(opts.seed ?? 1),
    });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }

  // Renumber: largest first, ties by the smallest member id, so numbers are stable colours.
  const members = new Map<number, string[]>();
  for (const [id, c] of Object.entries(raw)) {
    const list = members.get(c) ?? [];
    list.push(id);
    members.set(c, list);
  }
  const groups = [...members.values()].map((ids) => ids.sort());
  groups.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const community: Record<string, number> = {};
  groups.forEach((ids, i) => ids.forEach((id) => (community[id] = i)));
  return { community, count: groups.length, sizes: groups.map((g) => g.length), modularity };
}
