/**
 * The IndexedDB schema (Dexie) and how to open it.
 *
 * Graph rows are stored as the graph file has them (plain objects validated by src/model), so
 * reading them back needs no mapping. Analyst data (notes, saved views) lives in its own tables,
 * which an import never touches.
 */
import Dexie, { type Table } from 'dexie';
import type { GraphEdge, GraphNode, Source } from '../model';

export const DEFAULT_DB_NAME = 'policy-lineage';

export interface TextRow {
  sourceId: string;
  text: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface NoteRow {
  nodeId: string;
  text: string;
  updatedAt: number;
}

export interface SavedViewRow {
  id: string;
  name: string;
  /** The deep-link hash that restores the view (see src/ui/urlstate.ts). */
  hash: string;
  createdAt: number;
}

/** Keys of the meta table. */
export const META = {
  contentHash: 'contentHash',
  importedAt: 'importedAt',
  counts: 'counts',
} as const;

export class PolicyDB extends Dexie {
  nodes!: Table<GraphNode, string>;
  edges!: Table<GraphEdge, string>;
  texts!: Table<TextRow, string>;
  sources!: Table<Source, string>;
  meta!: Table<MetaRow, string>;
  notes!: Table<NoteRow, string>;
  views!: Table<SavedViewRow, string>;

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
