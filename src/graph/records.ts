/**
 * graphology's own node and edge records, for the few hot paths that read them instead of the
 * public iterators (the filter index's build, the edge-key pass of a graph build).
 */
import type { EdgeAttributes, NodeAttributes, PolicyGraph } from './load';

/** A node and an edge as graphology records them. */
export interface NodeRecord {
  key: string;
  attributes: NodeAttributes;
}
export interface EdgeRecord {
  key: string;
  attributes: EdgeAttributes;
  source: NodeRecord;
  target: NodeRecord;
}

/**
 * graphology's maps of node and edge records (`_nodes`, `_edges`, checked at graphology 0.26), or
 * null where they are not as expected. Why reach in (filters.ts): `edgeEntries()` allocates an
 * entry object per edge, and finding an endpoint's position from its id string in a 100k-entry Map is much
 * slower than from its record object (a Map keyed by the record): at 389k edges, iterating and
 * finding both endpoints took 180–215 ms the public way, 64–79 ms from the records (Node 20).
 */
export function graphologyRecords(g: PolicyGraph): { nodes: Map<string, NodeRecord>; edges: Map<string, EdgeRecord> } | null {
  const { _nodes: nodes, _edges: edges } = g as unknown as { _nodes?: unknown; _edges?: unknown };
  if (!(nodes instanceof Map) || !(edges instanceof Map) || nodes.size !== g.order || edges.size !== g.size) return null;
  const n = nodes.values().next().value as Partial<NodeRecord> | undefined;
  if (n && (typeof n.key !== 'string' || !g.hasNode(n.key) || n.attributes !== g.getNodeAttributes(n.key))) return null;
  const e = edges.values().next().value as Partial<EdgeRecord> | undefined;
  if (e) {
    if (typeof e.key !== 'string' || !g.hasEdge(e.key) || e.attributes !== g.getEdgeAttributes(e.key)) return null;
    if (!e.source || !e.target || nodes.get(g.source(e.key)) !== e.source || nodes.get(g.target(e.key)) !== e.target) return null;
  }
  return { nodes: nodes as Map<string, NodeRecord>, edges: edges as Map<string, EdgeRecord> };
}
