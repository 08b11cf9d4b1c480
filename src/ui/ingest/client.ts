/**
 * The app's side of the ingestion worker: one worker, created on first use, jobs identified by a
 * number. Only handles and small messages cross the boundary (File objects are read in the
 * worker), so the main thread stays free while files are extracted, assembled and written.
 */
import type { FileExtractionRecord, GraphFile, Source, UserSource } from '../../model';
import type { FileReport } from '../../ingest/accept';
import type { IngestProgress, IngestSummary, InputFile, WorkerRequest, WorkerResponse } from '../../ingest/protocol';

export type { FileReport, IngestProgress, IngestSummary, InputFile };

interface Pending {
  onProgress?: (p: IngestProgress) => void;
  onFile?: (r: FileReport) => void;
  resolve: (v: IngestSummary | GraphFile) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const [, p] of pending) p.reject(new Error(message));
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../../ingest/ingest.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (ev: MessageEvent<WorkerResponse>) => {
    const m = ev.data;
    const p = pending.get(m.job);
    if (!p) return;
    if (m.kind === 'progress') p.onProgress?.(m.progress);
    else if (m.kind === 'file') p.onFile?.(m.report);
    else {
      pending.delete(m.job);
      if (m.kind === 'done') p.resolve(m.summary);
      else if (m.kind === 'assembled') p.resolve(m.graph);
      else {
        const err = new Error(m.message);
        err.name = m.name;
        p.reject(err);
      }
    }
  };
  w.onerror = (e) => {
    failAll(`ingestion worker failed: ${e.message || 'could not start'}`);
    worker = null;
    w.terminate();
  };
  worker = w;
  return w;
}

type JobRequest = WorkerRequest extends infer R ? (R extends { job: number } ? Omit<R, 'job'> : never) : never;

function send<T extends IngestSummary | GraphFile>(req: JobRequest, handlers: Omit<Pending, 'resolve' | 'reject'> = {}): { job: number; done: Promise<T> } {
  const job = nextJob++;
  const done = new Promise<T>((resolve, reject) => {
    pending.set(job, { ...handlers, resolve: resolve as Pending['resolve'], reject });
    getWorker().postMessage({ ...req, job } as WorkerRequest);
  });
  return { job, done };
}

export interface IngestJob {
  done: Promise<IngestSummary>;
  /** Stops at the next file boundary; nothing is written (unless the final write already began). */
  cancel(): void;
}

export function ingestInWorker(
  dbName: string,
  files: InputFile[],
  handlers: { onProgress?: (p: IngestProgress) => void; onFile?: (r: FileReport) => void } = {},
): IngestJob {
  const { job, done } = send<IngestSummary>({ kind: 'ingest', dbName, files }, handlers);
  return { done, cancel: () => worker?.postMessage({ kind: 'cancel', job } satisfies WorkerRequest) };
}

export function removeInWorker(dbName: string, sourceIds: string[]): Promise<IngestSummary> {
  return send<IngestSummary>({ kind: 'remove', dbName, sourceIds }).done;
}

/** Restores a workspace's documents (see restoreUserSources in src/store/ingest). */
export function restoreInWorker(dbName: string, userSources: UserSource[], replace = false): Promise<IngestSummary> {
  return send<IngestSummary>({ kind: 'restore', dbName, userSources, replace }).done;
}

/**
 * Re-assembles the stored graph with every stored extraction: call it after writing the analyst's
 * sources some other way (the workspace import), then reload the view's graph.
 */
export function reassembleInWorker(dbName: string): Promise<IngestSummary> {
  return send<IngestSummary>({ kind: 'reassemble', dbName }).done;
}

/** An `Assembler` (src/store/ingest) that runs off the main thread. */
export function assembleInWorker(sources: Source[], extractions: FileExtractionRecord[]): Promise<GraphFile> {
  return send<GraphFile>({ kind: 'assemble', sources, extractions }).done;
}
