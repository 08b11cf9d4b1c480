/**
 * The one place the graph the UI shows is read from the store: the extracted rows with the
 * analyst's corrections applied. Boot, sync, rebuild and in-browser ingestion all go through
 * `loadViewRows` (or `reloadGraph`, which also swaps the explorer's graph), so corrections are
 * applied again after every change of the rows.
 */
import { applyCorrections, type CorrectedGraph } from '../../graph/corrections';
import { buildGraphSliced } from '../../graph/load';
import { createSearchIndex } from '../../graph/search';
import { listCorrections, loadGraphRows, type PolicyDB } from '../../store';
import type { Explorer } from './explorer.svelte';

export type ViewRows = CorrectedGraph;

export async function loadViewRows(db: PolicyDB): Promise<ViewRows> {
  const [rows, corrections] = await Promise.all([loadGraphRows(db), listCorrections(db)]);
  return applyCorrections(rows.nodes, rows.edges, corrections);
}

/** Reads the rows (corrections applied) and makes them the explorer's graph and search index. */
export async function reloadGraph(ex: Explorer, onProgress?: (done: number, total: number) => void): Promise<ViewRows> {
  if (!ex.db) throw new Error('database not open');
  const rows = await loadViewRows(ex.db);
  // Sliced: at 100k nodes the build takes seconds, which must not freeze the page.
  const g = await buildGraphSliced(rows.nodes, rows.edges, { onProgress });
  ex.searchIndex = createSearchIndex(g);
  ex.corrected = rows.corrected;
  ex.correctionOutcomes = rows.outcomes;
  ex.graph = g;
  return rows;
}
