/**
 * The graph-file JSON of a (sub)graph: the same contract as `src/model` (GraphFileSchema), so an
 * export can be re-imported by the app or read by any tool that reads the build's graph.json.
 */
import { GraphFileSchema, SCHEMA_VERSION, type Diagnostic, type GraphFile, type Source } from '../../model';
import { selectRows, type RowGraph } from './rows';

export interface JsonExportOptions {
  /** All sources known to the app; only those referenced by the exported rows are written. */
  sources?: readonly Source[];
  /** Diagnostics to carry over; only those about written sources (or about no source) are kept. */
  diagnostics?: readonly Diagnostic[];
  /** Indentation for JSON.stringify (default: none, the compact form). */
  indent?: number;
}

/** The subgraph as a validated GraphFile object (throws if the rows break the contract). */
export function toGraphFile(
  graph: RowGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>,
  opts: JsonExportOptions = {},
): GraphFile {
  const { nodes, edges } = selectRows(graph, nodeIds, edgeIds);
  const referenced = new Set<string>();
  for (const n of nodes) if ('sourceId' in n && n.sourceId) referenced.add(n.sourceId);
  for (const e of edges) for (const ev of e.evidence) referenced.add(ev.sourceId);
  const sources = (opts.sources ?? []).filter((s) => referenced.has(s.id));
  const written = new Set(sources.map((s) => s.id));
  const diagnostics = (opts.diagnostics ?? []).filter((d) => !d.sourceId || written.has(d.sourceId));
  return GraphFileSchema.parse({ schemaVersion: SCHEMA_VERSION, sources, nodes, edges, diagnostics });
}

export function toGraphJson(
  graph: RowGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>,
  opts: JsonExportOptions = {},
): string {
  return JSON.stringify(toGraphFile(graph, nodeIds, edgeIds, opts), null, opts.indent);
}
