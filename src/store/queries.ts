/** Read-side queries: plain rows out, nothing else. */
import type { Diagnostic, GraphEdge, GraphNode, NodeType, Source } from '../model';
import { META, type PolicyDB } from './db';

export interface GraphRows {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export async function loadGraphRows(db: PolicyDB): Promise<GraphRows> {
  return db.transaction('r', [db.nodes, db.edges], async () => {
    const [nodes, edges] = await Promise.all([db.nodes.toArray(), db.edges.toArray()]);
    return { nodes, edges };
  });
}

/** The decoded text of a source, or null when it was not stored. */
export async function getText(db: PolicyDB, sourceId: string): Promise<string | null> {
  return (await db.texts.get(sourceId))?.text ?? null;
}

export async function getSources(db: PolicyDB): Promise<Source[]> {
  return db.sources.toArray();
}

/** Node counts per type (by index, without loading the rows) plus the edge count. */
export async function countsByType(db: PolicyDB): Promise<Record<NodeType | 'edges', number>> {
  const types: NodeType[] = ['policy', 'task', 'document', 'program', 'institution', 'region'];
  const counts = await Promise.all(types.map((t) => db.nodes.where('type').equals(t).count()));
  const out = Object.fromEntries(types.map((t, i) => [t, counts[i]])) as Record<NodeType | 'edges', number>;
  out.edges = await db.edges.count();
  return out;
}

export async function hasGraph(db: PolicyDB): Promise<boolean> {
  return (await db.meta.get(META.contentHash)) !== undefined;
}

/** The diagnostics of the last imported graph file (empty when none were stored). */
export async function getDiagnostics(db: PolicyDB): Promise<Diagnostic[]> {
  const row = await db.meta.get(META.diagnostics);
  return Array.isArray(row?.value) ? (row.value as Diagnostic[]) : [];
}
