/**
 * Start-up: open the database, bring it in step with the served graph (with progress), then
 * load the graph into memory. Every failure ends up in `ex.error` for the UI to show; when the
 * served graph cannot be imported, whatever the database already holds is still shown.
 */
import {
  describeStorageError,
  openDb,
  requestPersistentStorage,
} from '../../store';
import type { Explorer } from './explorer.svelte';
import { graphSettled, loadViewRows, reloadGraph } from './graph-rows';
import { assembleInWorker } from '../ingest/client';
import { syncInBackground } from './sync-client';
import { matchingStoredView } from './stored-view';

/** Timings of the start, exposed for the browser tests' measurements. */
export interface BootTimings {
  syncMs: number;
  loadMs: number;
  totalMs: number;
  status: string;
}

export async function boot(ex: Explorer): Promise<BootTimings | null> {
  const t0 = performance.now();
  try {
    ex.db = await openDb({ onVersionChange: () => (ex.versionChanged = true) });
  } catch (e) {
    ex.error = describeStorageError(e);
    return null;
  }
  void requestPersistentStorage().then((p) => (ex.persisted = p));

  const db = ex.db;
  // A big corpus's texts download after the graph is shown and searchable, not beside its load.
  let graphShown: () => void = () => {};
  const textsAfter = new Promise<void>((ok) => (graphShown = ok));
  // What the database holds is read while the worker checks the served graph: on a reload that
  // finds it unchanged (or offline), these are the rows to show, and the check cost no time.
  const preread = loadViewRows(db);
  preread.catch(() => undefined);
  // The view last drawn from these rows, drawn while they are read and built (seconds at 100k
  // nodes); dropped if the sync brings other rows.
  let rowsReplaced = false;
  void matchingStoredView(db, ex).then((v) => {
    if (v && !ex.graph && !rowsReplaced) ex.storedView = v;
  });
  try {
    // In the sync worker (fetch, parse, validation and write off the main thread), else here.
    // assemble: a refresh of the served graph keeps the analyst's own files in it (src/store/ingest);
    // the worker assembles in place, the main-thread fallback in the ingest worker.
    const res = await syncInBackground(db, {
      onProgress: (p) => (ex.progress = p),
      assemble: assembleInWorker,
      textsAfter,
      // A marker for the browser tests (no behaviour depends on it).
      onHost: (host) => (document.documentElement.dataset.syncHost = host),
    });
    ex.syncStatus = res.status;
    if (res.status !== 'unchanged' && res.status !== 'offline') {
      rowsReplaced = true;
      ex.storedView = null;
    }
  } catch (e) {
    ex.error = describeStorageError(e);
  }
  const t1 = performance.now();
  try {
    // Rows with the analyst's corrections applied (the only place they are applied).
    const kept = ex.syncStatus === 'unchanged' || ex.syncStatus === 'offline';
    await reloadGraph(ex, (done, total) => (ex.progress = { phase: 'graph', done, total }), kept ? preread.catch(() => loadViewRows(db)) : undefined);
  } catch (e) {
    ex.error ??= describeStorageError(e);
  } finally {
    ex.progress = null;
    void graphSettled().then(graphShown);
  }
  const t2 = performance.now();
  const timings = { syncMs: t1 - t0, loadMs: t2 - t1, totalMs: t2 - t0, status: ex.syncStatus ?? 'error' };
  // A machine-readable marker for the browser tests (no behaviour depends on it).
  document.documentElement.dataset.bootMs = String(Math.round(timings.totalMs));
  document.documentElement.dataset.bootStatus = timings.status;
  return timings;
}
