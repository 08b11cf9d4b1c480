/**
 * Import a graph file into the database, all or nothing.
 *
 * Order matters (Dexie pitfalls): everything that is not IndexedDB — validation, fetching the
 * source texts — happens BEFORE the transaction opens, because awaiting a fetch inside a Dexie
 * transaction lets it auto-commit (PrematureCommitError). The write itself is one read-write
 * transaction over the graph tables: clear, then bulkPut in chunks; if anything throws, Dexie
 * aborts the transaction and the previous graph stays. Notes and saved views are not in the
 * transaction's scope, so an import can never touch them.
 */
import { GraphFileSchema, describeZodError, type GraphFile } from '../model';
import { META, type PolicyDB, type TextRow } from './db';

export const CHUNK_SIZE = 1000;

export type ImportPhase = 'validate' | 'texts' | 'write' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows (or texts) done so far in this phase, and the phase's total. */
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Loads the decoded text of one source, or null when it is unavailable. */
  fetchText?: (sourceId: string) => Promise<string | null>;
  /** Stored in meta so a later sync can tell whether the served graph changed. */
  contentHash?: string;
  onProgress?: (p: ImportProgress) => void;
  chunkSize?: number;
}

export interface ImportResult {
  nodes: number;
  edges: number;
  sources: number;
  texts: number;
  /** Sources whose text could not be loaded (the graph is imported without them). */
  missingTexts: string[];
}

export class GraphValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphValidationError';
  }
}

/** Validates `raw` against the graph-file schema; throws GraphValidationError. */
export function validateGraphFile(raw: unknown): GraphFile {
  const parsed = GraphFileSchema.safeParse(raw);
  if (!parsed.success) throw new GraphValidationError(describeZodError(parsed.error));
  return parsed.data;
}

async function loadTexts(
  graph: GraphFile,
  fetchText: ImportOptions['fetchText'],
  progress: (p: ImportProgress) => void,
): Promise<{ texts: TextRow[]; missing: string[] }> {
  const texts: TextRow[] = [];
  const missing: string[] = [];
  if (!fetchText) return { texts, missing: graph.sources.map((s) => s.id) };
  const total = graph.sources.length;
  let done = 0;
  progress({ phase: 'texts', done, total });
  // A few at a time: enough parallelism for HTTP, without hundreds of open requests.
  const queue = [...graph.sources];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      let text: string | null = null;
      try {
        text = await fetchText(s.id);
      } catch {
        text = null;
      }
      if (text === null) missing.push(s.id);
      else texts.push({ sourceId: s.id, text });
      progress({ phase: 'texts', done: ++done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, total) }, worker));
  return { texts, missing: missing.sort() };
}

export async function importGraph(db: PolicyDB, raw: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => {});
  const chunk = opts.chunkSize ?? CHUNK_SIZE;

  progress({ phase: 'validate', done: 0, total: 1 });
  const graph = validateGraphFile(raw);
  progress({ phase: 'validate', done: 1, total: 1 });

  const { texts, missing } = await loadTexts(graph, opts.fetchText, progress);

  const total = graph.nodes.length + graph.edges.length + graph.sources.length + texts.length;
  let written = 0;
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.type] = (counts[n.type] ?? 0) + 1;

  await db.transaction('rw', [db.nodes, db.edges, db.sources, db.texts, db.meta], async () => {
    await Promise.all([db.nodes.clear(), db.edges.clear(), db.sources.clear(), db.texts.clear()]);
    progress({ phase: 'write', done: 0, total });
    const put = async <T>(rows: readonly T[], table: { bulkPut(items: readonly T[]): Promise<unknown> }) => {
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        await table.bulkPut(slice);
        written += slice.length;
        progress({ phase: 'write', done: written, total });
      }
    };
    await put(graph.sources, db.sources);
    await put(graph.nodes, db.nodes);
    await put(graph.edges, db.edges);
    await put(texts, db.texts);
    await db.meta.bulkPut([
      { key: META.contentHash, value: opts.contentHash ?? null },
      { key: META.importedAt, value: Date.now() },
      { key: META.counts, value: { ...counts, edges: graph.edges.length, sources: graph.sources.length } },
    ]);
  });

  progress({ phase: 'done', done: total, total });
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    sources: graph.sources.length,
    texts: texts.length,
    missingTexts: missing,
  };
}
