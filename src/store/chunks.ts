/**
 * The packed layout of the graph rows: nodes and edges are written as chunks of a few thousand
 * rows each (table `graphChunks`), in the graph's order, and read back by concatenating the
 * chunks in key order.
 */
import type { GraphEdge, GraphNode } from '../model';
import type { ChunkKind, GraphChunkRow, PolicyDB } from './db';

/**
 * Graph rows per chunk. Measured in headless Chromium on the synthetic 100k-node graph
 * (scripts/bench): writes and reads are flat from ~1,000 to ~5,000 rows a chunk and slow down
 * below ~250 (per-row cost again) and above ~20,000 (one structured clone becomes a long task).
 */
export const GRAPH_CHUNK_ROWS = 2000;

/** Zero-padded so that string order is chunk order. */
export function chunkKey(kind: ChunkKind, index: number): string {
  return `${kind}:${String(index).padStart(7, '0')}`;
}

export function packChunks(kind: 'nodes', rows: readonly GraphNode[], size?: number): GraphChunkRow[];
export function packChunks(kind: 'edges', rows: readonly GraphEdge[], size?: number): GraphChunkRow[];
export function packChunks(kind: ChunkKind, rows: readonly (GraphNode | GraphEdge)[], size = GRAPH_CHUNK_ROWS): GraphChunkRow[] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const out: GraphChunkRow[] = [];
  for (let i = 0, k = 0; i < rows.length; i += size, k++) {
    out.push({ key: chunkKey(kind, k), kind, rows: rows.slice(i, i + size) } as GraphChunkRow);
  }
  return out;
}

export interface WriteChunksOptions {
  chunkSize?: number;
  /** Called after each chunk is written, with the graph rows it held. */
  onChunk?: (rows: number) => void;
}

/**
 * Replaces every stored node and edge. Must run inside a read-write transaction over
 * `graphChunks` (the caller's, which makes it all or nothing with the rest of its write).
 */
export async function replaceGraphChunks(
  db: PolicyDB,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  opts: WriteChunksOptions = {},
): Promise<void> {
  await db.graphChunks.clear();
  const chunks = [...packChunks('nodes', nodes, opts.chunkSize), ...packChunks('edges', edges, opts.chunkSize)];
  // One chunk per request: each put's structured clone is a short main-thread task, and the
  // transaction stays alive across the awaits because a request is always pending or just done.
  for (const chunk of chunks) {
    await db.graphChunks.put(chunk);
    opts.onChunk?.(chunk.rows.length);
  }
}

export interface StoredGraphRows {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Chunks read per request: small enough that no single result's deserialization is a long task. */
const READ_BATCH = 8;

/** Every stored node and edge, in the order they were written. Runs in its own read transaction. */
export async function readGraphChunks(db: PolicyDB): Promise<StoredGraphRows> {
  return db.transaction('r', db.graphChunks, async () => {
    const keys = (await db.graphChunks.toCollection().primaryKeys()).sort();
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    for (let i = 0; i < keys.length; i += READ_BATCH) {
      const batch = await db.graphChunks.bulkGet(keys.slice(i, i + READ_BATCH));
      for (const c of batch) {
        if (!c) continue;
        if (c.kind === 'nodes') for (const r of c.rows) nodes.push(r);
        else for (const r of c.rows) edges.push(r);
      }
    }
    return { nodes, edges };
  });
}

/** Whether any node or edge is stored (without reading the rows). */
export async function hasGraphRows(db: PolicyDB): Promise<boolean> {
  return (await db.graphChunks.count()) > 0;
}
