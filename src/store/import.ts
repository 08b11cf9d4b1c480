/**
 * Import a graph file into the database, all or nothing.
 *
 * Order matters (Dexie pitfalls): everything that is not IndexedDB — validation, fetching the
 * source texts — happens BEFORE the transaction opens, because awaiting a fetch inside a Dexie
 * transaction lets it auto-commit (PrematureCommitError). Validation runs in slices that yield
 * (./validate), so a big file is no long main-thread task. The write itself is one read-write
 * transaction over the graph tables: clear, then the packed node and edge chunks (./chunks); if
 * anything throws, Dexie aborts the transaction and the previous graph stays. Notes and saved views are not in the
 * transaction's scope, so an import can never touch them.
 */
import { ExtractionsFileSchema, describeZodError, type ExtractionsFile, type GraphFile } from '../model';
import { replaceGraphChunks } from './chunks';
import { META, type PolicyDB, type TextRow } from './db';
import { ConcurrentChangeError, INGEST_META, listUserSources, type Assembler } from './ingest';
import { fetchTexts, type FetchText } from './texts';
import { GraphValidationError, validateExtractionsFileSliced, validateGraphFileSliced } from './validate';

export { GraphValidationError, validateExtractionsFileSliced, validateGraphFile, validateGraphFileSliced } from './validate';

/** Rows per bulkPut for the small tables (sources, texts, extractions). */
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
  fetchText?: FetchText;
  /**
   * Do not fetch texts before the write: the graph is stored without waiting for them, texts
   * already stored for the new graph's sources are kept, and the caller fetches the others
   * afterwards with `storeMissingTexts` (they are listed in `missingTexts`).
   */
  deferTexts?: boolean;
  /** Stored in meta so a later sync can tell whether the served graph changed. */
  contentHash?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Rows per write: graph rows per packed chunk (default GRAPH_CHUNK_ROWS), other rows per bulkPut. */
  chunkSize?: number;
  /**
   * The served extractions.json (unvalidated), when there is one: stored so the graph can be
   * re-assembled with the analyst's own files.
   */
  extractions?: unknown;
  /** Re-assembles corpus + the analyst's files when the database holds files the analyst added. */
  assemble?: Assembler;
}

export interface ImportResult {
  nodes: number;
  edges: number;
  sources: number;
  texts: number;
  /** Sources whose text could not be loaded, or (deferTexts) is not stored yet. */
  missingTexts: string[];
  /** The texts were not fetched (deferTexts): `missingTexts` are for `storeMissingTexts`. */
  textsDeferred?: boolean;
  /** The analyst's own files kept and assembled into the new graph. */
  userSources?: number;
  /** The analyst's files kept in the store but not in the graph (no extractions.json or no assembler). */
  userSourcesNotMerged?: number;
  /** Why the served extractions.json was not stored (it did not validate). */
  extractionsError?: string;
}

/** Validates a served extractions.json; throws GraphValidationError. */
export function validateExtractionsFile(raw: unknown): ExtractionsFile {
  const parsed = ExtractionsFileSchema.safeParse(raw);
  if (!parsed.success) throw new GraphValidationError(`extractions.json: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export async function importGraph(db: PolicyDB, raw: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => {});
  const chunk = opts.chunkSize ?? CHUNK_SIZE;

  progress({ phase: 'validate', done: 0, total: 1 });
  let graph = await validateGraphFileSliced(raw, { onProgress: (done, total) => progress({ phase: 'validate', done, total }) });
  // A bad extractions.json does not stop the import of a good graph; files just cannot be added to it.
  let corpusExtractions: ExtractionsFile['extractions'] | null = null;
  let extractionsError: string | undefined;
  try {
    if (opts.extractions !== undefined) corpusExtractions = (await validateExtractionsFileSliced(opts.extractions)).extractions;
  } catch (e) {
    extractionsError = e instanceof Error ? e.message : String(e);
  }

  const graphSourceIds = graph.sources.map((s) => s.id);
  let texts: TextRow[] = [];
  let missing: string[] = graphSourceIds;
  if (opts.fetchText && !opts.deferTexts) {
    progress({ phase: 'texts', done: 0, total: graphSourceIds.length });
    ({ texts, missing } = await fetchTexts(graphSourceIds, opts.fetchText, { onText: (_, done, total) => progress({ phase: 'texts', done, total }) }));
  }

  // The analyst's own files stay (source, text, extraction) and, when possible, stay in the graph:
  // it is re-assembled from the served corpus's extractions plus theirs, before the transaction.
  const corpusIds = new Set(graph.sources.map((s) => s.id));
  const user = (await listUserSources(db)).filter((u) => !corpusIds.has(u.source.id));
  const userIds = user.map((u) => u.source.id).sort();
  const merge = user.length > 0 && corpusExtractions !== null && opts.assemble !== undefined;
  if (merge) {
    const assembled = await opts.assemble!(
      [...graph.sources, ...user.map((u) => u.source)],
      [...corpusExtractions!, ...user.map((u) => u.extraction)],
    );
    graph = { ...graph, nodes: assembled.nodes, edges: assembled.edges };
  }

  const total = graph.nodes.length + graph.edges.length + graph.sources.length + texts.length + (corpusExtractions?.length ?? 0);
  let written = 0;
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.type] = (counts[n.type] ?? 0) + 1;

  await db.transaction('rw', [db.graphChunks, db.sources, db.texts, db.meta, db.extractions], async () => {
    const userNow = (await db.sources.where('origin').equals('user').primaryKeys()).filter((id) => !corpusIds.has(id)).sort();
    if (userNow.join('\n') !== userIds.join('\n')) throw new ConcurrentChangeError();
    const keep = new Set(userIds);
    const notKept = (ids: string[]) => ids.filter((id) => !keep.has(id));
    const [sourceIds, textIds, extractionIds] = await Promise.all([
      db.sources.toCollection().primaryKeys(),
      db.texts.toCollection().primaryKeys(),
      db.extractions.toCollection().primaryKeys(),
    ]);
    if (opts.deferTexts) {
      const stored = new Set(textIds);
      missing = graphSourceIds.filter((id) => !stored.has(id)).sort();
    }
    await Promise.all([
      db.sources.bulkDelete(notKept(sourceIds)),
      // Deferred texts: a stored text of a source id in the new graph is that source's text (ids come from the bytes).
      db.texts.bulkDelete(opts.deferTexts ? notKept(textIds).filter((id) => !corpusIds.has(id)) : notKept(textIds)),
      db.extractions.bulkDelete(notKept(extractionIds)),
    ]);
    progress({ phase: 'write', done: 0, total });
    const put = async <T>(rows: readonly T[], table: { bulkPut(items: readonly T[]): Promise<unknown> }) => {
      for (let i = 0; i < rows.length; i += chunk) {
        const slice = rows.slice(i, i + chunk);
        await table.bulkPut(slice);
        written += slice.length;
        progress({ phase: 'write', done: written, total });
      }
    };
    await put(graph.sources.map((s) => ({ ...s, origin: 'corpus' as const })), db.sources);
    if (corpusExtractions) await put(corpusExtractions, db.extractions);
    await replaceGraphChunks(db, graph.nodes, graph.edges, {
      chunkSize: opts.chunkSize,
      onChunk: (rows) => {
        written += rows;
        progress({ phase: 'write', done: written, total });
      },
    });
    await put(texts, db.texts);
    await db.meta.bulkPut([
      { key: META.contentHash, value: opts.contentHash ?? null },
      { key: META.importedAt, value: Date.now() },
      { key: META.counts, value: { ...counts, edges: graph.edges.length, sources: graph.sources.length + user.length } },
      { key: META.diagnostics, value: graph.diagnostics },
      { key: INGEST_META.revision, value: ((await db.meta.get(INGEST_META.revision))?.value as number | undefined ?? 0) + 1 },
      // Without extractions.json the corpus rows cannot be re-assembled (then files cannot be added).
      { key: INGEST_META.assemblable, value: corpusExtractions !== null || graph.sources.length === 0 },
    ]);
  });

  progress({ phase: 'done', done: total, total });
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    sources: graph.sources.length,
    texts: opts.deferTexts ? graphSourceIds.length - missing.length : texts.length,
    missingTexts: missing,
    ...(opts.deferTexts ? { textsDeferred: true } : {}),
    userSources: merge ? user.length : 0,
    userSourcesNotMerged: merge ? 0 : user.length,
    ...(extractionsError ? { extractionsError } : {}),
  };
}
