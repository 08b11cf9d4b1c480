/**
 * The analyst's own documents in the store, and the one write that changes the set of files the
 * graph is assembled from.
 *
 * The graph rows are a pure function of the stored extractions (src/extract/assemble), so adding
 * or removing a file means: read the stored set, assemble the new graph (in a worker, outside any
 * transaction), then write the new rows together with the added/removed sources, texts and
 * extractions in ONE read-write transaction. If anything fails or the work is cancelled before
 * that transaction, nothing stored has changed. A revision number in `meta` detects a change made
 * in between (another tab, a served-graph refresh), so an assembly from a stale read is refused
 * rather than written over newer data.
 */
import type { FileExtractionRecord, GraphEdge, GraphFile, GraphNode, Source, UserSource } from '../model';
import { applyChange, isUserSource, type ExtractionChange, type ExtractionSet } from '../ingest/merge';
import { hasGraphRows, replaceGraphChunks } from './chunks';
import { META, type PolicyDB } from './db';

/** Meta keys owned by this module. */
export const INGEST_META = {
  /** Increases with every write that changes the stored extractions. */
  revision: 'extractionsRevision',
  /**
   * True when every stored graph row can be rebuilt from the stored extractions. False when the
   * served graph came without extractions.json: then re-assembling would lose the corpus rows.
   */
  assemblable: 'assemblable',
} as const;

/** Assembles the graph of a set of sources and their extractions (the worker's or a direct call). */
export type Assembler = (sources: Source[], extractions: FileExtractionRecord[]) => GraphFile | Promise<GraphFile>;

export interface AssemblyInput extends ExtractionSet {
  revision: number;
  assemblable: boolean;
}

export class NotAssemblableError extends Error {
  constructor() {
    super('the stored graph has no per-file extractions (extractions.json was not served), so files cannot be added to it');
    this.name = 'NotAssemblableError';
  }
}

export class ConcurrentChangeError extends Error {
  constructor() {
    super('the stored documents changed while the graph was being assembled; try again');
    this.name = 'ConcurrentChangeError';
  }
}

async function revisionOf(db: PolicyDB): Promise<number> {
  const v = (await db.meta.get(INGEST_META.revision))?.value;
  return typeof v === 'number' ? v : 0;
}

/** Everything assembly needs, read in one transaction. An empty database is assemblable. */
export async function readAssemblyInput(db: PolicyDB): Promise<AssemblyInput> {
  return db.transaction('r', [db.sources, db.extractions, db.meta, db.graphChunks], async () => {
    const [sources, extractions, revision, flag, hasRows] = await Promise.all([
      db.sources.toArray(),
      db.extractions.toArray(),
      revisionOf(db),
      db.meta.get(INGEST_META.assemblable),
      hasGraphRows(db),
    ]);
    return { sources, extractions, revision, assemblable: flag?.value === true || !hasRows };
  });
}

export interface AssemblyCommit {
  /** The revision `readAssemblyInput` returned: the write is refused if it changed since. */
  expectRevision: number;
  /** The whole new graph (it replaces every node and edge row). */
  graph: Pick<GraphFile, 'nodes' | 'edges'>;
  change: ExtractionChange;
}

export interface CommitOptions {
  /** Graph rows per packed chunk (default GRAPH_CHUNK_ROWS). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

function countsOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[], sources: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of nodes) counts[n.type] = (counts[n.type] ?? 0) + 1;
  return { ...counts, edges: edges.length, sources };
}

/** Writes an assembled graph and the change of files that produced it, all or nothing. */
export async function commitAssembly(db: PolicyDB, commit: AssemblyCommit, opts: CommitOptions = {}): Promise<void> {
  const { nodes, edges } = commit.graph;
  const { add, remove } = commit.change;
  const total = nodes.length + edges.length + add.length;
  let written = 0;
  await db.transaction('rw', [db.graphChunks, db.sources, db.texts, db.extractions, db.meta], async () => {
    if ((await revisionOf(db)) !== commit.expectRevision) throw new ConcurrentChangeError();
    if (remove.length) await Promise.all([db.sources.bulkDelete(remove), db.texts.bulkDelete(remove), db.extractions.bulkDelete(remove)]);
    await replaceGraphChunks(db, nodes, edges, {
      chunkSize: opts.chunkSize,
      onChunk: (rows) => {
        written += rows;
        opts.onProgress?.(written, total);
      },
    });
    if (add.length) {
      await db.sources.bulkPut(add.map((u) => ({ ...u.source, origin: 'user' as const })));
      await db.texts.bulkPut(add.map((u) => ({ sourceId: u.source.id, text: u.text })));
      await db.extractions.bulkPut(add.map((u) => u.extraction));
      written += add.length;
      opts.onProgress?.(written, total);
    }
    await db.meta.bulkPut([
      { key: INGEST_META.revision, value: commit.expectRevision + 1 },
      { key: INGEST_META.assemblable, value: true },
      { key: META.counts, value: countsOf(nodes, edges, await db.sources.count()) },
    ]);
  });
}

/** The analyst's added documents (source, decoded text, extraction), for the workspace file. */
export async function listUserSources(db: PolicyDB): Promise<UserSource[]> {
  return db.transaction('r', [db.sources, db.texts, db.extractions], async () => {
    const sources = (await db.sources.where('origin').equals('user').toArray()).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const ids = sources.map((s) => s.id);
    const [texts, extractions] = await Promise.all([db.texts.bulkGet(ids), db.extractions.bulkGet(ids)]);
    const out: UserSource[] = [];
    sources.forEach((source, i) => {
      const text = texts[i];
      const extraction = extractions[i];
      if (text && extraction) out.push({ source, text: text.text, extraction });
    });
    return out;
  });
}

/** Re-assembles the stored set after `change` and commits it. Returns the new graph. */
export async function changeSources(db: PolicyDB, change: ExtractionChange, assemble: Assembler): Promise<GraphFile> {
  const input = await readAssemblyInput(db);
  if (!input.assemblable) throw new NotAssemblableError();
  const next = applyChange(input, change);
  const graph = await assemble(next.sources, next.extractions);
  await commitAssembly(db, { expectRevision: input.revision, graph, change });
  return graph;
}

/**
 * Brings back the analyst's documents from a workspace file: each is added (replacing a stored
 * source with the same content id) and the graph re-assembled. With `replace`, the analyst's
 * documents not in the file are removed. Corpus sources are never touched.
 */
export async function restoreUserSources(
  db: PolicyDB,
  userSources: UserSource[],
  assemble: Assembler,
  opts: { replace?: boolean } = {},
): Promise<{ added: number; removed: number }> {
  const input = await readAssemblyInput(db);
  if (!input.assemblable) throw new NotAssemblableError();
  const corpus = new Set(input.sources.filter((s) => !isUserSource(s)).map((s) => s.id));
  // A document that has since become part of the served corpus is already there.
  const add = userSources.filter((u) => !corpus.has(u.source.id));
  const keep = new Set(add.map((u) => u.source.id));
  const remove = opts.replace ? input.sources.filter((s) => isUserSource(s) && !keep.has(s.id)).map((s) => s.id) : [];
  if (!add.length && !remove.length) return { added: 0, removed: 0 };
  const next = applyChange(input, { add, remove });
  const graph = await assemble(next.sources, next.extractions);
  await commitAssembly(db, { expectRevision: input.revision, graph, change: { add, remove } });
  return { added: add.length, removed: remove.length };
}

/**
 * Re-assembles the graph from what is stored, changing no file: for a writer that stored the
 * analyst's sources itself (the workspace import) and now wants them in the graph.
 */
export async function reassembleStored(db: PolicyDB, assemble: Assembler): Promise<GraphFile> {
  return changeSources(db, { add: [], remove: [] }, assemble);
}

/** Removes the analyst's documents with these ids (corpus sources are refused) and re-assembles. */
export async function removeUserSources(db: PolicyDB, ids: string[], assemble: Assembler): Promise<GraphFile> {
  const sources = await db.sources.bulkGet(ids);
  const notUser = ids.filter((_, i) => !sources[i] || !isUserSource(sources[i]!));
  if (notUser.length) throw new Error(`not the analyst's documents: ${notUser.join(', ')}`);
  return changeSources(db, { add: [], remove: ids }, assemble);
}
