/// <reference lib="webworker" />
/**
 * The sync worker: the first visit's download, hash, JSON.parse (seconds for a 100k-node graph),
 * validation and packed write run here, so the page only shows progress. It opens its own
 * connection to the page's database by name, assembles the analyst's files in place (no second
 * worker), answers one request and, once the background text fill is done too, closes.
 */
import '../../ingest/zod-setup';
import { openDb, syncGraph, type ImportProgress, type PolicyDB } from '../../store';
import { assemble } from '../../ingest/run';
import { errorToData, textsResultToData, type SyncRequest, type SyncResponse, type TextsGo } from './sync-protocol';

/** Progress of one phase is sent at most this often (the last value of a phase always is). */
const PROGRESS_EVERY_MS = 50;

export interface ServeOptions {
  /** Replaces the worker's fetch (tests). */
  fetch?: typeof globalThis.fetch;
  /** Settles when the page sends TextsGo (the worker entry wires it). */
  textsGo?: Promise<void>;
}

/** Runs one sync request, posting every message for it; never throws. */
export async function serveSync(req: SyncRequest, post: (m: SyncResponse) => void, opts: ServeOptions = {}): Promise<void> {
  // Settled by the page's TextsGo message when the request asks to wait for it.
  const textsAfter = req.textsWait ? (opts.textsGo ?? Promise.resolve()) : undefined;
  let db: PolicyDB | null = null;
  try {
    db = await openDb({ name: req.dbName });
    let last: { phase: string; at: number } | null = null;
    const onProgress = (progress: ImportProgress) => {
      const now = performance.now();
      const phaseEnd = progress.done >= progress.total;
      if (last && last.phase === progress.phase && now - last.at < PROGRESS_EVERY_MS && !phaseEnd) return;
      last = { phase: progress.phase, at: now };
      post({ kind: 'progress', progress });
    };
    const { texts, ...result } = await syncGraph(db, {
      url: req.url,
      fetch: opts.fetch,
      deferTexts: req.deferTexts,
      deferTextsAbove: req.deferTextsAbove,
      onProgress,
      onTextsProgress: req.textsProgress ? (done, total) => post({ kind: 'texts-progress', done, total }) : undefined,
      assemble: (sources, extractions) => assemble(sources, extractions),
      textsAfter,
    });
    post({ kind: 'result', result, textsPending: texts !== undefined });
    // storeMissingTexts never rejects: its failure is in the result.
    if (texts) post({ kind: 'texts', result: textsResultToData(await texts) });
  } catch (e) {
    post({ kind: 'error', error: errorToData(e) });
  } finally {
    db?.close();
  }
}

// Registers only when loaded as a worker (the unit tests import serveSync in Node).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const post = (m: SyncResponse) => scope.postMessage(m);
  let go: () => void = () => {};
  const textsGo = new Promise<void>((ok) => (go = ok));
  scope.onmessage = (ev: MessageEvent<SyncRequest | TextsGo>) => {
    if (ev.data?.kind === 'texts-go') return go();
    if (ev.data?.kind !== 'sync') return;
    void serveSync(ev.data, post, { textsGo }).finally(() => scope.close());
  };
  post({ kind: 'ready' });
}
