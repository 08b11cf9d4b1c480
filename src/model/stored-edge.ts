/**
 * An edge as the explorer holds it in memory: the graph file's row, except that its evidence may
 * still be packed. A reload at 100k nodes decoded 289k evidence objects (with their quotes) that
 * only the detail panel and the exports ever read: the store now keeps a chunk's evidence as one
 * JSON string and an edge read back points at that string and its row in it. `evidenceOf` gives
 * the evidence either way; rows from a graph file or an ingestion carry it inline as before.
 */
import type { Evidence, GraphEdge } from './graph';

/** The evidence of a run of edges, as the JSON text of one array per edge; parsed on first use. */
export class EvidenceChunk {
  #json: string;
  #parsed: Evidence[][] | null = null;

  constructor(json: string) {
    this.#json = json;
  }

  /** The evidence of the chunk's `row`-th edge (an empty list past the end). */
  at(row: number): Evidence[] {
    this.#parsed ??= JSON.parse(this.#json) as Evidence[][];
    return this.#parsed[row] ?? [];
  }
}

/** Where a packed edge's evidence is: its chunk and its row in it. */
export interface PackedEvidence {
  evidenceChunk: EvidenceChunk;
  evidenceRow: number;
}

/** An edge row with its evidence inline (`evidence`) or packed (`evidenceChunk` + `evidenceRow`). */
export type StoredEdge = Omit<GraphEdge, 'evidence'> & { evidence?: Evidence[] } & Partial<PackedEvidence>;

/** The edge's evidence, inline or unpacked from its chunk. */
export function evidenceOf(edge: StoredEdge): Evidence[] {
  if (edge.evidence) return edge.evidence;
  return edge.evidenceChunk ? edge.evidenceChunk.at(edge.evidenceRow ?? -1) : [];
}

/** The edge as a graph-file row: the contract's fields only, evidence inline. */
export function edgeRow(edge: StoredEdge): GraphEdge {
  const { evidenceChunk: _chunk, evidenceRow: _row, evidence: _inline, ...rest } = edge;
  return { ...rest, evidence: evidenceOf(edge) };
}
