/**
 * Ingestion of the analyst's files, start to end: read the stored set of extractions, extract
 * each new file (the CLI's `extractFile`), re-assemble the whole graph from stored + new
 * extractions (the CLI's `assembleGraph`), and commit rows, sources, texts and extractions in one
 * transaction. Nothing is written before that last step, so a cancel or a failure at any earlier
 * point leaves the database exactly as it was. Runs in the ingestion worker; host-independent,
 * so the unit tests run it in Node on fake-indexeddb.
 */
import { assembleGraph, extractFile } from '../extract';
import type { Diagnostic, FileExtractionRecord, GraphFile, Source, UserSource } from '../model';
import { commitAssembly, readAssemblyInput, NotAssemblableError, type PolicyDB } from '../store';
import { accept, type FileReport } from './accept';
import { applyChange } from './merge';
import type { IngestProgress, IngestSummary } from './protocol';

export interface IngestInput {
  path: string;
  /** The bytes, or a Blob (a File) read only when its turn comes. */
  bytes: Uint8Array | Blob;
}

export interface RunOptions {
  /** Polled between files and before the write; true stops the run with nothing written. */
  isCancelled?: () => boolean;
  onProgress?: (p: IngestProgress) => void;
  onFile?: (r: FileReport) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Lets queued messages (a cancel) in between files. */
const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));

/** The assembler both hosts use: corpus-wide resolution over every stored extraction. */
export function assemble(sources: Source[], extractions: FileExtractionRecord[], diagnostics: Diagnostic[] = []): GraphFile {
  return assembleGraph(sources, extractions, diagnostics);
}

export async function ingestFiles(db: PolicyDB, files: IngestInput[], opts: RunOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const cancelled = opts.isCancelled ?? (() => false);
  const progress = opts.onProgress ?? (() => {});
  const reports: FileReport[] = [];
  const summary = (status: IngestSummary['status'], graph: GraphFile | null, ms: Partial<IngestSummary['ms']>): IngestSummary => ({
    status,
    reports,
    added: status === 'done' ? reports.filter((r) => r.status === 'added').length : 0,
    nodes: graph?.nodes.length ?? 0,
    edges: graph?.edges.length ?? 0,
    ms: { extract: 0, assemble: 0, write: 0, ...ms, total: performance.now() - t0 },
  });

  progress({ phase: 'read', done: 0, total: files.length });
  const input = await readAssemblyInput(db);
  if (!input.assemblable) throw new NotAssemblableError();

  const known = { stored: new Map(input.sources.map((s) => [s.id, s.path])), batch: new Map<string, string>() };
  const added: UserSource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < files.length; i++) {
    await yieldToEvents();
    if (cancelled()) return summary('cancelled', null, { extract: performance.now() - t0 });
    const f = files[i];
    progress({ phase: 'extract', done: i, total: files.length, path: f.path });
    let bytes: Uint8Array;
    try {
      bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(await f.bytes.arrayBuffer());
    } catch (e) {
      // A file that vanished or cannot be read since it was chosen: reported, the rest goes on.
      const report: FileReport = { path: f.path, sourceId: '', status: 'rejected', reason: `${f.path}: cannot read: ${e instanceof Error ? e.message : String(e)}` };
      reports.push(report);
      opts.onFile?.(report);
      continue;
    }
    const r = await extractFile({ path: f.path, bytes, origin: 'user' });
    const { report, source } = accept(r, known);
    if (source) {
      added.push(source);
      diagnostics.push(...r.diagnostics);
    }
    reports.push(report);
    opts.onFile?.(report);
  }
  progress({ phase: 'extract', done: files.length, total: files.length });
  const t1 = performance.now();
  await yieldToEvents();
  if (cancelled()) return summary('cancelled', null, { extract: t1 - t0 });
  if (!added.length) return summary('done', null, { extract: t1 - t0 });

  progress({ phase: 'assemble', done: 0, total: 1 });
  const change = { add: added, remove: [] };
  const next = applyChange(input, change);
  const graph = assemble(next.sources, next.extractions, diagnostics);
  const t2 = performance.now();
  progress({ phase: 'assemble', done: 1, total: 1 });
  await yieldToEvents();
  // Last chance: once the transaction starts, the run completes or fails as a whole.
  if (cancelled()) return summary('cancelled', null, { extract: t1 - t0, assemble: t2 - t1 });

  await commitAssembly(db, { expectRevision: input.revision, graph, change }, {
    onProgress: (done, total) => progress({ phase: 'write', done, total }),
  });
  return summary('done', graph, { extract: t1 - t0, assemble: t2 - t1, write: performance.now() - t2 });
}
