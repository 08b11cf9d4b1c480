/**
 * The page's side of the sync worker: `syncInBackground` runs `syncGraph` in ./sync.worker.ts and
 * answers like it (progress callbacks, a SyncResult whose `texts` promise settles when the worker
 * says the background text fill is done, errors that `describeStorageError` classifies as before).
 *
 * When there is no Worker, or the worker fails before it starts listening (blocked, script not
 * loadable), the same sync runs on the main thread as it did before the worker existed. A failure
 * after the start is the sync's own and is reported, never retried: the worker's write is one
 * transaction, so a failed one left nothing half-written, but a retry could fail the same way twice.
 */
import { syncGraph, type Assembler, type ImportProgress, type PolicyDB, type SyncOptions, type SyncResult } from '../../store';
import { errorFromData, textsResultFromData, type SyncRequest, type SyncResponse, type TextsGo } from './sync-protocol';

/** The part of a Worker the client uses (a stand-in in the unit tests). */
export interface SyncWorkerLike {
  postMessage(message: SyncRequest | TextsGo): void;
  onmessage: ((ev: MessageEvent<SyncResponse>) => void) | null;
  onerror: ((ev: ErrorEvent | Event) => void) | null;
  terminate(): void;
}

export type SyncHost = 'worker' | 'main';

export interface BackgroundSyncOptions {
  /** URL of graph.json, relative to the page (default ./data/graph.json). */
  url?: string;
  onProgress?: (p: ImportProgress) => void;
  onTextsProgress?: (done: number, total: number) => void;
  deferTexts?: boolean | 'auto';
  deferTextsAbove?: number;
  /** Deferred texts are fetched only once this settles (see SyncOptions.textsAfter). */
  textsAfter?: Promise<unknown>;
  /** Told where the sync runs, once that is known (the worker listens, or the fallback begins). */
  onHost?: (host: SyncHost) => void;
  /** The assembler of the main-thread fallback (the worker assembles in place). */
  assemble?: Assembler;
  /** Makes the worker; null or a throw means none can run here. Default: ./sync.worker.ts. */
  createWorker?: () => SyncWorkerLike | null;
  /** The main-thread sync of the fallback (default syncGraph). */
  syncOnMainThread?: (db: PolicyDB, opts: SyncOptions) => Promise<SyncResult>;
}

function defaultWorker(): SyncWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' }) as SyncWorkerLike;
}

function absoluteUrl(url: string): string {
  const base = typeof location !== 'undefined' ? location.href : 'http://localhost/';
  return new URL(url, base).href;
}

/** What `runInWorker` rejects with when the worker failed before it listened. */
const NOT_STARTED = Symbol('sync worker did not start');

/** The worker's messages turned into a result; rejects with NOT_STARTED when the worker did not start. */
function runInWorker(worker: SyncWorkerLike, req: SyncRequest, opts: BackgroundSyncOptions): Promise<SyncResult> {
  return new Promise<SyncResult>((resolve, reject) => {
    let started = false;
    let settled = false;
    // Set when the result says texts follow; settled by the 'texts' message (or the worker's end).
    let settleTexts: ((r: Awaited<NonNullable<SyncResult['texts']>>) => void) | null = null;
    const finish = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    worker.onmessage = (ev) => {
      const m = ev.data;
      started = true;
      switch (m.kind) {
        case 'ready':
          opts.onHost?.('worker');
          return;
        case 'progress':
          opts.onProgress?.(m.progress);
          return;
        case 'texts-progress':
          opts.onTextsProgress?.(m.done, m.total);
          return;
        case 'result': {
          settled = true;
          const result: SyncResult = { ...m.result };
          if (m.textsPending) {
            result.texts = new Promise((ok) => (settleTexts = ok));
            const go: TextsGo = { kind: 'texts-go' };
            void (opts.textsAfter ?? Promise.resolve()).catch(() => undefined).then(() => settleTexts && worker.postMessage(go));
          } else finish();
          resolve(result);
          return;
        }
        case 'texts':
          settleTexts?.(textsResultFromData(m.result));
          settleTexts = null;
          finish();
          return;
        case 'error':
          settled = true;
          finish();
          reject(errorFromData(m.error));
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      const message = (ev as ErrorEvent).message || 'could not start';
      finish();
      if (settleTexts) {
        // Like storeMissingTexts, the texts promise never rejects: the failure is in its result.
        settleTexts({ stored: 0, missing: [], error: new Error(`sync worker failed: ${message}`) });
        settleTexts = null;
      }
      if (settled) return;
      settled = true;
      if (!started) reject(NOT_STARTED);
      else reject(Object.assign(new Error(`sync worker failed: ${message}`), { name: 'SyncWorkerError' }));
    };
    worker.postMessage(req);
  });
}

/** The performance measure spanning each sync, for the benchmark's main-thread view of it. */
export const SYNC_MEASURE = 'policy-lineage:sync';

/** `syncGraph` off the main thread when a worker can run, else on it. */
export async function syncInBackground(db: PolicyDB, opts: BackgroundSyncOptions = {}): Promise<SyncResult> {
  const start = performance.now();
  try {
    return await syncSomewhere(db, opts);
  } finally {
    performance.measure?.(SYNC_MEASURE, { start });
  }
}

async function syncSomewhere(db: PolicyDB, opts: BackgroundSyncOptions): Promise<SyncResult> {
  const url = absoluteUrl(opts.url ?? './data/graph.json');
  const onMainThread = (): Promise<SyncResult> => {
    const sync = opts.syncOnMainThread ?? syncGraph;
    opts.onHost?.('main');
    return sync(db, {
      url,
      onProgress: opts.onProgress,
      onTextsProgress: opts.onTextsProgress,
      deferTexts: opts.deferTexts,
      deferTextsAbove: opts.deferTextsAbove,
      assemble: opts.assemble,
      textsAfter: opts.textsAfter,
    });
  };

  let worker: SyncWorkerLike | null;
  try {
    worker = (opts.createWorker ?? defaultWorker)();
  } catch {
    worker = null;
  }
  if (!worker) return onMainThread();

  const req: SyncRequest = {
    kind: 'sync',
    dbName: db.name,
    url,
    deferTexts: opts.deferTexts,
    deferTextsAbove: opts.deferTextsAbove,
    textsProgress: opts.onTextsProgress !== undefined,
    textsWait: opts.textsAfter !== undefined,
  };
  try {
    return await runInWorker(worker, req, opts);
  } catch (e) {
    if (e === NOT_STARTED) return onMainThread();
    throw e;
  }
}
