/**
 * GEXF (Gephi's format) through graphology-gexf's writer. Attributes are flattened to scalars first
 * (the writer would otherwise declare list types or JSON-encode objects) and stripped of characters
 * XML 1.0 forbids, which the writer's escaping does not remove. The writer itself escapes & < > ".
 */
import { MultiDirectedGraph } from 'graphology';
// The writer module alone: the package root pulls in @xmldom, the browser entry needs DOMParser at
// load time (absent in workers and Node); the writer needs neither.
import write from 'graphology-gexf/common/writer.js';
import { flattenEdge, flattenNode, selectRows, stripXmlIllegal, type FlatRow, type RowGraph } from './rows';

function cleanRow(row: FlatRow): FlatRow {
  const out: FlatRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? stripXmlIllegal(v) : v;
  return out;
}

export function toGEXF(graph: RowGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): string {
  const { nodes, edges } = selectRows(graph, nodeIds, edgeIds);
  const flat = new MultiDirectedGraph<FlatRow, FlatRow>();
  const idOf = (id: string) => stripXmlIllegal(id);
  for (const node of nodes) flat.addNode(idOf(node.id), cleanRow(flattenNode(node)));
  for (const edge of edges) flat.addEdgeWithKey(idOf(edge.id), idOf(edge.source), idOf(edge.target), cleanRow(flattenEdge(edge)));
  return write(flat, {
    version: '1.2',
    // One line: a third faster (~3 s instead of ~4.4 s for 24k nodes and 67k edges), and tools do not care.
    pretty: false,
    // Our own formatters: the defaults treat `kind`, `size`, `color`… as GEXF viz/edge-kind fields.
    formatNode: (_key, { label, ...rest }) => ({ label: String(label ?? ''), attributes: rest }),
    formatEdge: (_key, attrs) => ({ label: String(attrs.type_en ?? ''), attributes: attrs }),
  });
}
