/**
 * Messages between the app and the sync worker (./sync.worker.ts), which runs the first visit's
 * fetch, hash, parse, validation and write (src/store/sync `syncGraph`) off the main thread.
 *
 * Errors cross as data: the structured clone of an Error keeps neither a custom name (Dexie's
 * AbortError, GraphValidationError) nor the `inner`/`cause` chain that `describeStorageError`
 * walks to find a QuotaExceededError, so they are flattened here and rebuilt on the other side.
 */
import type { ErrorLike, ImportProgress, StoreTextsResult, SyncResult } from '../../store';

export interface SyncRequest {
  kind: 'sync';
  /** The database the page opened: the worker opens its own connection to it by name. */
  dbName: string;
  /** Absolute URL of graph.json (relative URLs would resolve against the worker script). */
  url: string;
  deferTexts?: boolean | 'auto';
  deferTextsAbove?: number;
  /** Whether the page wants text-fill progress messages. */
  textsProgress?: boolean;
  /** Wait for a TextsGo message before fetching deferred texts (see SyncOptions.textsAfter). */
  textsWait?: boolean;
}

/** Page → worker, after the request: deferred texts may be fetched now. */
export interface TextsGo {
  kind: 'texts-go';
}

/** A SyncResult without its `texts` promise (not cloneable): `textsPending` says one follows. */
export type SyncResultData = Omit<SyncResult, 'texts'>;

/** One error of a chain: the thrown error first, then what it wraps. */
export interface ErrorData {
  name: string;
  message: string;
  /** The errors it wraps (`inner`, `cause`, a BulkError's `failures`), flattened the same way. */
  wrapped?: ErrorData[];
}

/** The background text fill's outcome, its `error` (if any) as data. */
export type TextsResultData = Omit<StoreTextsResult, 'error'> & { error?: ErrorData };

export type SyncResponse =
  /** The worker's module loaded and listens: from here on a failure is the sync's, not the start's. */
  | { kind: 'ready' }
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'texts-progress'; done: number; total: number }
  | { kind: 'result'; result: SyncResultData; textsPending: boolean }
  | { kind: 'texts'; result: TextsResultData }
  | { kind: 'error'; error: ErrorData };

/** Bounds for a hostile or cyclic chain. */
const MAX_DEPTH = 8;
const MAX_WRAPPED = 20;

export function errorToData(err: unknown, depth = 0): ErrorData {
  if (!err || typeof err !== 'object') return { name: 'Error', message: String(err) };
  const e = err as ErrorLike;
  const data: ErrorData = {
    name: typeof e.name === 'string' && e.name ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(err),
  };
  if (depth >= MAX_DEPTH) return data;
  const wrapped = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])]
    .filter((w) => w && typeof w === 'object' && w !== err)
    .slice(0, MAX_WRAPPED)
    .map((w) => errorToData(w, depth + 1));
  if (wrapped.length) data.wrapped = wrapped;
  return data;
}

/**
 * An Error with the original name and message whose wrapped errors hang from `inner` (the first)
 * and `failures` (all), the fields `describeStorageError` follows.
 */
export function errorFromData(data: ErrorData): Error {
  const err = new Error(data.message) as Error & { inner?: Error; failures?: Error[] };
  err.name = data.name;
  if (data.wrapped?.length) {
    const wrapped = data.wrapped.map(errorFromData);
    err.inner = wrapped[0];
    if (wrapped.length > 1) err.failures = wrapped;
  }
  return err;
}

export function textsResultToData(r: StoreTextsResult): TextsResultData {
  const { error, ...rest } = r;
  return error === undefined ? rest : { ...rest, error: errorToData(error) };
}

export function textsResultFromData(r: TextsResultData): StoreTextsResult {
  const { error, ...rest } = r;
  return error === undefined ? rest : { ...rest, error: errorFromData(error) };
}
