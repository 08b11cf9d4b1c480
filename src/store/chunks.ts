/**
 * The packed layout of the graph rows: nodes and edges are written as chunks of a few thousand
 * rows each (table `graphChunks`), in the graph's order, and read back by concatenating the
 * chunks in key order. Node chunks hold the rows; edge chunks hold columns (./edge-columns).
 */
import type { GraphEdge, GraphNode, StoredEdge } from '../model';
import type { ChunkKind, EdgeChunkRow, GraphChunkRow, NodeChunkRow, PolicyDB } from './db';
import { decodeEdges, encodeEdges, nodePositions } from './edge-columns';
import { SharedValues, shareNodeValues } from './shared-values';

/**
 * Graph rows per chunk. Measured in headless Chromium with the synthetic 100k-node / 389k-edge
 * graph (489k rows, raw IndexedDB, 2 shared cores, 4 puts in flight): write / read in batches of
 * 8 chunks took 1.47 / 2.30 s at 500 rows a chunk, 1.41 / 2.02 s at 1,000, 1.28 / 1.26 s at 2,000,
 * 1.65 / 1.50 s at 5,000 (a 142 ms task to clone one batch) and 1.45 / 1.06 s at 20,000 (349 ms
 * tasks). Rows as JSON strings were slower (2.60 / 3.19 s at 2,000). One row per edge: ~90 s.
 */
export const GRAPH_CHUNK_ROWS = 2000;

/** Longest stretch of cloning chunks in one main-thread task. */
const WRITE_SLICE_MS = 30;

/** Puts in flight at once: keeps IndexedDB's backend busy while the next chunk is cloned (1.65 → 1.28 s at 2,000). */
const WRITES_IN_FLIGHT = 4;

/** Zero-padded so that string order is chunk order. */
export function chunkKey(kind: ChunkKind, index: number): string {
  return `${kind}:${String(index).padStart(7, '0')}`;
}

function checkSize(size: number): void {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
}

/** Node rows in runs of `size`, as stored. */
export function packNodeChunks(rows: readonly GraphNode[], size = GRAPH_CHUNK_ROWS): NodeChunkRow[] {
  return [...nodeChunks(rows, size)];
}

/** Edge rows in runs of `size`, as columns against the node rows they will be stored with. */
export function packEdgeChunks(edges: readonly StoredEdge[], nodes: readonly GraphNode[], size = GRAPH_CHUNK_ROWS): EdgeChunkRow[] {
  return [...edgeChunks(edges, nodes, size)];
}

function* nodeChunks(rows: readonly GraphNode[], size: number): Generator<NodeChunkRow> {
  checkSize(size);
  for (let i = 0, k = 0; i < rows.length; i += size, k++) yield { key: chunkKey('nodes', k), kind: 'nodes', rows: rows.slice(i, i + size) };
}

/** Encoded one at a time, so that a writer can slice the encoding with the writing. */
function* edgeChunks(edges: readonly StoredEdge[], nodes: readonly GraphNode[], size: number): Generator<EdgeChunkRow> {
  checkSize(size);
  const positions = nodePositions(nodes);
  for (let i = 0, k = 0; i < edges.length; i += size, k++) {
    yield { key: chunkKey('edges', k), kind: 'edges', ...encodeEdges(edges.slice(i, i + size), positions) };
  }
}

/** Rows held by a stored chunk. */
function rowCount(chunk: GraphChunkRow): number {
  return chunk.kind === 'nodes' ? chunk.rows.length : chunk.ids.length;
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
  edges: readonly StoredEdge[],
  opts: WriteChunksOptions = {},
): Promise<void> {
  const size = opts.chunkSize ?? GRAPH_CHUNK_ROWS;
  // Checked before anything is cleared; the chunks are then encoded as they are written.
  checkSize(size);
  await db.graphChunks.clear();
  const chunks: Iterable<GraphChunkRow> = (function* () {
    yield* nodeChunks(nodes, size);
    yield* edgeChunks(edges, nodes, size);
  })();
  // Each chunk is encoded (edges: ~3–15 ms for 2,000 in Node) and its put clones it (~7 ms for
  // 2,000 rows). New requests can only be placed while the transaction is active, i.e. from a
  // request's success callback, never after a setTimeout; and when the backend is ahead, awaiting
  // an already finished put goes on in the same task, which chained puts into 1.4 s tasks. So
  // after WRITE_SLICE_MS of encoding and cloning we wait for the newest put: its success event is
  // dispatched as a later task, letting this one end.
  const pending: Promise<number>[] = [];
  let sliceStart = performance.now();
  const drain = async () => {
    while (pending.length) opts.onChunk?.(await pending.shift()!);
  };
  try {
    for (const chunk of chunks) {
      pending.push(db.graphChunks.put(chunk).then(() => rowCount(chunk)));
      if (pending.length >= WRITES_IN_FLIGHT) opts.onChunk?.(await pending.shift()!);
      if (performance.now() - sliceStart > WRITE_SLICE_MS) {
        await drain();
        sliceStart = performance.now();
      }
    }
    await drain();
  } catch (e) {
    // The transaction aborts; the puts still in flight fail with it and nobody else awaits them.
    for (const p of pending) p.catch(() => {});
    throw e;
  }
}

export interface StoredGraphRows<E extends StoredEdge = GraphEdge> {
  nodes: GraphNode[];
  edges: E[];
}

/**
 * Chunks read per request: small enough that no single result's deserialization is a long task.
 * Since a reload draws the stored view first, the analyst can act while the rows are read: 4
 * chunks (8,000 rows) decode in ~60–80 ms where 8 took 120–160 ms (up to 560 ms with a
 * garbage collection inside).
 */
const READ_BATCH = 4;
/**
 * Read requests in flight: the backend reads the next batches while this thread decodes one
 * (489k rows at 100k nodes: 1.13 s at 4 × 3 in flight; 1.15–1.21 s at 8 × 2, 1.31–1.79 s one
 * bulkGet batch at a time).
 */
const READS_IN_FLIGHT = 3;

export interface ReadChunksOptions {
  /**
   * 'inline' (default): edges as graph-file rows, each with its evidence list. 'packed': edges
   * point at their chunk's evidence, unpacked when asked for (`evidenceOf`): the explorer's load.
   */
  evidence?: 'inline' | 'packed';
}

/**
 * Every stored node and edge, in the order they were written. Runs in its own read transaction.
 * Node chunks are read first: an edge chunk names its endpoints by node position.
 */
export async function readGraphChunks(db: PolicyDB): Promise<StoredGraphRows>;
export async function readGraphChunks(db: PolicyDB, opts: ReadChunksOptions): Promise<StoredGraphRows<StoredEdge>>;
export async function readGraphChunks(db: PolicyDB, opts: ReadChunksOptions = {}): Promise<StoredGraphRows<StoredEdge>> {
  const evidence = opts.evidence ?? 'inline';
  return db.transaction('r', db.graphChunks, async () => {
    const keys = (await db.graphChunks.toCollection().primaryKeys()).sort();
    const ofKind = (kind: ChunkKind) => keys.filter((k) => k.startsWith(`${kind}:`));
    // Key ranges of up to READ_BATCH chunks, never spanning two kinds, nodes first.
    const ranges: [string, string][] = [];
    for (const run of [ofKind('nodes'), ofKind('edges')]) {
      for (let i = 0; i < run.length; i += READ_BATCH) ranges.push([run[i], run[Math.min(run.length, i + READ_BATCH) - 1]]);
    }
    const nodes: GraphNode[] = [];
    const edges: StoredEdge[] = [];
    const shared = new SharedValues();
    const pending: Promise<GraphChunkRow[]>[] = [];
    let next = 0;
    while (next < ranges.length || pending.length) {
      while (next < ranges.length && pending.length < READS_IN_FLIGHT) {
        const [lo, hi] = ranges[next++];
        pending.push(db.graphChunks.where(':id').between(lo, hi, true, true).toArray());
      }
      for (const c of await pending.shift()!) {
        if (c.kind === 'nodes') {
          for (const r of c.rows) {
            shareNodeValues(r, shared);
            nodes.push(r);
          }
        } else decodeEdges(c, nodes, evidence, edges);
      }
    }
    return { nodes, edges };
  });
}

/** Whether any node or edge is stored (without reading the rows). */
export async function hasGraphRows(db: PolicyDB): Promise<boolean> {
  return (await db.graphChunks.count()) > 0;
}
