/**
 * Shortest path between two nodes. By default edge direction is ignored so an analyst can connect
 * any two entities (a county plan and a national law meet through a shared cited document even
 * though neither cites the other); `directed: true` follows edges source → target only.
 *
 * A breadth-first search straight on the multigraph rather than graphology-shortest-path: the
 * library needs a simple (projected, undirected) copy of the whole graph per query, which cost
 * ~0.5 s on a 24k-node graph, while this search stops as soon as it reaches the target and
 * returns the edge ids to highlight as well.
 */
import type { AbstractGraph } from 'graphology-types';
import type { EdgeType, GraphNode, StoredEdge } from '../model';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface PathOptions {
  directed?: boolean;
  /** Only walk these edge types (default: all). */
  edgeTypes?: readonly EdgeType[];
}

export interface GraphPath {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** One edge id per step (the first met in graph order when several join the same two nodes). */
  edges: string[];
}

/** Fewest-hops path, or null when the nodes are not connected (or one is missing). */
export function shortestPath(graph: RowGraph, from: string, to: string, opts: PathOptions = {}): GraphPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const types = opts.edgeTypes ? new Set<string>(opts.edgeTypes) : undefined;
  const reachedBy = new Map<string, { node: string; edge: string } | null>([[from, null]]);
  const queue = [from];
  let found = false;
  for (let head = 0; head < queue.length && !found; head++) {
    const v = queue[head];
    const step = (edge: string, attrs: StoredEdge, source: string, target: string): boolean => {
      if (types && !types.has(attrs.type)) return false;
      const w = source === v ? target : source;
      if (reachedBy.has(w)) return false;
      reachedBy.set(w, { node: v, edge });
      if (w === to) return (found = true);
      queue.push(w);
      return false;
    };
    if (opts.directed) graph.someOutEdge(v, step);
    else graph.someEdge(v, step);
  }
  if (!found) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let r = reachedBy.get(to); r; r = reachedBy.get(r.node)) {
    nodes.unshift(r.node);
    edges.unshift(r.edge);
  }
  return { nodes, edges };
}
