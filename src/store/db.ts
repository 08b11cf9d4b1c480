/**
 * The IndexedDB schema (Dexie) and how to open it.
 *
 * Graph rows are stored as the graph file has them (plain objects validated by src/model), so
 * reading them back needs no mapping. Analyst data (notes, saved views) lives in its own tables,
 * which an import never touches.
 */
import Dexie, { type Table } from 'dexie';
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

/** Keys of the meta table. */
export const META = {
  contentHash: 'contentHash',
  importedAt: 'importedAt',
  counts: 'counts',
  /** The graph file's diagnostics, carried into a JSON export. */
  diagnostics: 'diagnostics',
} as const;

export class PolicyDB extends Dexie {
  nodes!: Table<GraphNode, string>;
  edges!: Table<GraphEdge, string>;
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
