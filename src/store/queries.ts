/** Read-side queries: plain rows out, nothing else. */
import { NODE_TYPES, type Diagnostic, type GraphEdge, type GraphNode, type NodeType, type Source, type StoredEdge } from '../model';
import { readGraphChunks, type ReadChunksOptions } from './chunks';
import { META, type PolicyDB } from './db';

export interface GraphRows {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Every stored node and edge, in the order the graph had them when it was written; edges as
 * graph-file rows, or with `{ evidence: 'packed' }` with their evidence unpacked on demand.
 */
export async function loadGraphRows(db: PolicyDB): Promise<GraphRows>;
export async function loadGraphRows(db: PolicyDB, opts: ReadChunksOptions): Promise<{ nodes: GraphNode[]; edges: StoredEdge[] }>;
export async function loadGraphRows(db: PolicyDB, opts: ReadChunksOptions = {}): Promise<{ nodes: GraphNode[]; edges: StoredEdge[] }> {
  return readGraphChunks(db, opts);
}

/** The decoded text of a source, or null when it was not stored. */
export async function getText(db: PolicyDB, sourceId: string): Promise<string | null> {
  return (await db.texts.get(sourceId))?.text ?? null;
}

export async function getSources(db: PolicyDB): Promise<Source[]> {
  return db.sources.toArray();
}

/**
 * Node counts per type plus the edge count, as every write of the graph records them in meta
 * (without reading the rows). Zero for a type the graph has none of, or when nothing is stored.
 */
export async function countsByType(db: PolicyDB): Promise<Record<NodeType | 'edges', number>> {
  const stored = (await db.meta.get(META.counts))?.value;
  const counts = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const out = {} as Record<NodeType | 'edges', number>;
  for (const k of [...NODE_TYPES, 'edges'] as const) {
    const v = counts[k];
    out[k] = typeof v === 'number' ? v : 0;
  }
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
