/**
 * The IndexedDB schema (Dexie) and how to open it.
 *
 * Graph rows are stored as the graph file has them (plain objects validated by src/model), so
 * reading them back needs no mapping, but PACKED: since version 3 a row of `graphChunks` holds a
 * few thousand nodes or edges (see ./chunks). IndexedDB's cost is per row (one row per edge wrote
 * 7–12k rows/s in Chromium; packed rows write and read hundreds of thousands of graph rows a
 * second), and nothing in the app queried the old per-row indexes. Analyst data (notes, saved
 * views) lives in its own tables, which an import never touches.
 */
import Dexie, { type Table } from 'dexie';
import { packEdgeChunks, packNodeChunks } from './chunks';
import type { EdgeColumns } from './edge-columns';
import type { Correction, FileExtractionRecord, GraphEdge, GraphNode, Note, SavedView, Source } from '../model';

export const DEFAULT_DB_NAME = 'policy-lineage';

export interface TextRow {
  sourceId: string;
  text: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A note (and tags) on a node, keyed by the node's canonical id (src/model/workspace). */
export type NoteRow = Note;

/** A saved view: its deep-link hash and, optionally, the layout's node positions. */
export type SavedViewRow = SavedView;

/** A correction to the extracted graph, applied on load (src/graph/corrections). */
export type CorrectionRow = Correction;

/** A file's extraction, kept so the graph can be re-assembled when an analyst adds files. */
export type ExtractionRow = FileExtractionRecord;

export type ChunkKind = 'nodes' | 'edges';

/** A packed run of node rows, in the graph's order; `key` sorts chunks of a kind in that order. */
export type NodeChunkRow = { key: string; kind: 'nodes'; rows: GraphNode[] };
/** A packed run of edges as columns (./edge-columns), endpoints by position in the node rows. */
export type EdgeChunkRow = { key: string; kind: 'edges' } & EdgeColumns;
export type GraphChunkRow = NodeChunkRow | EdgeChunkRow;
/** An edge chunk as schema version 3 wrote it: the rows themselves. */
type RowsEdgeChunkRow = { key: string; kind: 'edges'; rows: GraphEdge[] };

/** Keys of the meta table. */
export const META = {
  contentHash: 'contentHash',
  importedAt: 'importedAt',
  counts: 'counts',
  /** The graph file's diagnostics, carried into a JSON export. */
  diagnostics: 'diagnostics',
} as const;

export class PolicyDB extends Dexie {
  graphChunks!: Table<GraphChunkRow, string>;
  texts!: Table<TextRow, string>;
  sources!: Table<Source, string>;
  meta!: Table<MetaRow, string>;
  notes!: Table<NoteRow, string>;
  views!: Table<SavedViewRow, string>;
  corrections!: Table<CorrectionRow, string>;
  extractions!: Table<ExtractionRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores({
      nodes: 'id, type, year, region, level, docNumber',
      edges: 'id, type, source, target',
      texts: 'sourceId',
      sources: 'id',
      meta: 'key',
      notes: 'nodeId',
      views: 'id',
    });
    // Version 2: tags on notes (multi-entry index), corrections, per-file extractions (so the graph
    // can be re-assembled with an analyst's own files), sources indexed by origin.
    this.version(2)
      .stores({
        notes: 'nodeId, *tags',
        sources: 'id, origin',
        corrections: 'id, createdAt',
        extractions: 'sourceId',
      })
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((n: Partial<NoteRow>) => {
            if (!Array.isArray(n.tags)) n.tags = [];
          });
      });
    // Version 3: nodes and edges packed into chunks (import of 100k nodes / 400k edges went from
    // ~90 s to seconds). The old tables are readable inside the upgrade and dropped after it.
    this.version(3)
      .stores({ nodes: null, edges: null, graphChunks: 'key' })
      .upgrade(async (tx) => {
        const [nodes, edges] = await Promise.all([tx.table<GraphNode, string>('nodes').toArray(), tx.table<GraphEdge, string>('edges').toArray()]);
        await tx.table<GraphChunkRow, string>('graphChunks').bulkPut([...packNodeChunks(nodes), ...packEdgeChunks(edges, nodes)]);
      });
    // Version 4: edge chunks as columns with their evidence packed (./edge-columns): a reload
    // at 100k nodes decodes the edges in a fraction of the time. Chunks of rows are rewritten.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const table = tx.table<GraphChunkRow | RowsEdgeChunkRow, string>('graphChunks');
        const chunks = (await table.toArray()).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const legacy = chunks.filter((c): c is RowsEdgeChunkRow => c.kind === 'edges' && 'rows' in c);
        if (!legacy.length) return;
        const nodes = chunks.flatMap((c) => (c.kind === 'nodes' ? c.rows : []));
        await table.bulkDelete(legacy.map((c) => c.key));
        await table.bulkPut(packEdgeChunks(legacy.flatMap((c) => c.rows), nodes));
      });
  }
}

export interface OpenOptions {
  name?: string;
  /**
   * Called when another tab upgrades the schema. The connection is closed first (otherwise the
   * other tab stays blocked); the UI should tell the analyst to reload.
   */
  onVersionChange?: () => void;
}

export async function openDb(opts: OpenOptions = {}): Promise<PolicyDB> {
  const db = new PolicyDB(opts.name);
  db.on('versionchange', () => {
    db.close();
    opts.onVersionChange?.();
    return false; // we closed it ourselves; skip Dexie's default handling
  });
  await db.open();
  return db;
}
