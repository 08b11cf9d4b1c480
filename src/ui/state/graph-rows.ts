/**
 * The one place the graph the UI shows is read from the store: the extracted rows with the
 * analyst's corrections applied. Boot, sync, rebuild and in-browser ingestion all go through
 * `loadViewRows` (or `reloadGraph`, which also swaps the explorer's graph), so corrections are
 * applied again after every change of the rows.
 */
import { applyCorrections, type CorrectedGraph } from '../../graph/corrections';
import { buildGraphSliced, type PolicyGraph } from '../../graph/load';
import { compileFilterIndexSliced } from '../../graph/filters';
import { computeGraphGroupsSliced } from '../../graph/aggregate';
import { applyIndexChanges, createSearchIndexAsync, indexChanges } from '../../graph/search';
import { listCorrections, loadGraphRows, rowsIdentity, type PolicyDB } from '../../store';
import type { Explorer } from './explorer.svelte';
import { whenCanvasDrawn } from './canvas-drawn';
import { yieldToEventLoop } from '../../util/schedule';

export type ViewRows = CorrectedGraph;

export async function loadViewRows(db: PolicyDB): Promise<ViewRows> {
  const [rows, corrections] = await Promise.all([loadGraphRows(db, { evidence: 'packed' }), listCorrections(db)]);
  return applyCorrections(rows.nodes, rows.edges, corrections);
}

/**
 * Reads the rows (corrections applied) and makes them the explorer's graph and search index.
 * `preread`: rows already being read (boot reads them while the served graph is checked).
 */
export async function reloadGraph(ex: Explorer, onProgress?: (done: number, total: number) => void, preread?: Promise<ViewRows>): Promise<ViewRows> {
  if (!ex.db) throw new Error('database not open');
  // Performance measures (ple:*) let the benchmark split a reload into its phases.
  const t0 = performance.now();
  const identity = rowsIdentity(ex.db);
  const rows = await (preread ?? loadViewRows(ex.db));
  const t1 = performance.now();
  // Sliced: at 100k nodes the build takes seconds, which must not freeze the page.
  // The rows were just read for this graph (corrections copy what they change): no copies.
  const g = await buildGraphSliced(rows.nodes, rows.edges, { onProgress, adoptNodeRows: true });
  // The filters' index and the overview's groups too, so that the first view's computation (and
  // every later filter change's) is not one long task.
  await compileFilterIndexSliced(g);
  await computeGraphGroupsSliced(g);
  performance.measure('ple:read-rows', { start: t0, end: t1 });
  performance.measure('ple:build-graph', { start: t1, end: performance.now() });
  // The search index of the graph shown so far, brought in step with only what changed (a
  // correction, a few added documents) rather than rebuilt (≈1 s at 100k nodes).
  const prev = ex.searchIndex;
  const changes = prev ? await indexChanges(prev, g, { abandon: () => ex.searchIndex !== prev }) : undefined;
  const incremental = !!prev && !!changes && changes.changed.length + changes.removed.length <= INCREMENTAL_MAX;
  ex.searchIndex = null;
  ex.corrected = rows.corrected;
  ex.correctionOutcomes = rows.outcomes;
  ex.rowsIdentity = await identity.catch(() => null);
  ex.graph = g;
  ex.storedView = null;
  if (incremental) {
    indexing?.abort();
    applyIndexChanges(prev, g, changes);
    // For the browser tests: what was re-indexed.
    performance.mark('ple:search-index-updated', { detail: { changed: changes.changed.length, removed: changes.removed.length } });
    // A new object over the updated index, so that what shows search results sees the change.
    ex.searchIndex = { ...prev };
    ex.searchIndexing = null;
    settled = whenCanvasDrawn();
  } else indexAfterCanvas(ex, g);
  return rows;
}

/** Changed nodes up to which the search index is updated in place (≈10 µs a node, one task). */
const INCREMENTAL_MAX = 5000;

/** The search index build under way (a newer graph aborts it). */
let indexing: AbortController | null = null;
/** Settles when the latest graph's first paint and search index are done (or failed). */
let settled: Promise<void> = Promise.resolve();

/** Resolves once the latest graph is painted and its search index built (never rejects). */
export function graphSettled(): Promise<void> {
  return settled;
}

/**
 * Builds the search index of `g` once the canvas has drawn the new graph's view, in time slices
 * (≈1.5 s at 100k nodes, no task over ~50 ms), so it neither delays nor freezes the first
 * canvas; the search box says "indexing" until `ex.searchIndex` is set.
 */
function indexAfterCanvas(ex: Explorer, g: PolicyGraph): void {
  indexing?.abort();
  const ctl = (indexing = new AbortController());
  ex.searchIndexing = { done: 0, total: g.order };
  settled = whenCanvasDrawn()
    // A task of its own: the canvas signals from inside the task that computed the view.
    .then(() => yieldToEventLoop())
    .then(() => createSearchIndexAsync(g, { signal: ctl.signal, onProgress: (done, total) => (ex.searchIndexing = { done, total }) }))
    .then((index) => {
      if (ex.graph !== g) return;
      ex.searchIndex = index;
      ex.searchIndexing = null;
    })
    .catch((e: unknown) => {
      if (ctl.signal.aborted) return;
      // Search is lost but the graph still works: say so in the box rather than fail the load.
      ex.searchIndexing = null;
      console.error('search index', e);
    });
}
