/**
 * Shortest path between two nodes. By default edge direction is ignored so an analyst can connect
 * any two entities (a county plan and a national law meet through a shared cited document even
 * though neither cites the other); `directed: true` follows edges source → target only.
 */
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeType, GraphEdge, GraphNode } from '../model';

type RowGraph = AbstractGraph<GraphNode, GraphEdge>;

export interface PathOptions {
  directed?: boolean;
  /** Only walk these edge types (default: all). */
  edgeTypes?: readonly EdgeType[];
}

export interface GraphPath {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** One edge id per step (the first in graph order when several join the same two nodes). */
  edges: string[];
}

/** Fewest-hops path, or null when the nodes are not connected (or one is missing). */
export function shortestPath(graph: RowGraph, from: string, to: string, opts: PathOptions = {}): GraphPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const types = opts.edgeTypes ? new Set<string>(opts.edgeTypes) : undefined;
  // A simple projection keyed by node pair, remembering the first edge that joins each pair.
  const projection = opts.directed ? new DirectedGraph<object, { edge: string }>() : new UndirectedGraph<object, { edge: string }>();
  graph.forEachNode((id) => projection.addNode(id));
  graph.forEachEdge((id, edge, source, target) => {
    if (types && !types.has(edge.type)) return;
    if (source === target || projection.hasEdge(source, target)) return;
    projection.addEdge(source, target, { edge: id });
  });
  const nodes = bidirectional(projection, from, to);
  if (!nodes) return null;
  const edges: string[] = [];
  for (let i = 1; i < nodes.length; i++) {
    edges.push(projection.getEdgeAttribute(projection.edge(nodes[i - 1], nodes[i])!, 'edge'));
  }
  return { nodes, edges };
}
