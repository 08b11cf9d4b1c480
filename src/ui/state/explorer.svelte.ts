/**
 * The explorer's state: what the analyst chose (view, filters, selection, language) and what was
 * loaded (the graph, the search index, load progress, errors). Components read and write it; the
 * graph work itself is done by the pure functions of src/graph.
 */
import type { PolicyGraph } from '../../graph/load';
import type { CorrectionOutcome } from '../../graph/corrections';
import type { Core } from 'cytoscape';
import type { SearchIndex } from '../../graph/search';
import type { StoredView } from './stored-view';
import type { ImportProgress, PolicyDB, StorageErrorInfo, SyncStatus } from '../../store';
import { translate, type Lang, type MessageKey } from '../i18n';
import { decodeHash, defaultFilters, encodeHash, type AnalysisLink, type UiFilters, type UiState, type ViewMode } from './urlstate';

export interface ViewCounts {
  nodes: number;
  edges: number;
  /** Nodes and edges that pass the filters but are over the canvas cap. */
  cappedNodes: number;
  cappedEdges: number;
  cap: number;
  totalNodes: number;
  totalEdges: number;
  /** When the overview is drawn instead of the detail: the filtered nodes and their groups. */
  overview?: { nodes: number; groups: number; drawn: number };
}

export class Explorer {
  lang = $state<Lang>('zh');
  view = $state<ViewMode>('graph');
  filters = $state<UiFilters>(defaultFilters());
  selection = $state<string[]>([]);
  /** Lineage mode: the node whose lineage is drawn. */
  root = $state<string | undefined>(undefined);
  query = $state('');
  /** Nodes added to the view by double-click (expanded neighbours), beyond the filters. */
  expanded = $state<string[]>([]);
  /** Evidence the source-text viewer shows: a source and a span to scroll to. */
  textFocus = $state<{ sourceId: string; start: number; end: number } | null>(null);

  graph = $state.raw<PolicyGraph | null>(null);
  /** Until the graph is built: the view last drawn from the same rows (src/ui/state/stored-view), drawn meanwhile. */
  storedView = $state.raw<StoredView | null>(null);
  /** The identity of the rows `graph` was built from (src/store/last-view), stored with a drawn view. */
  rowsIdentity: string | null = null;
  searchIndex = $state.raw<SearchIndex | null>(null);
  /** While the search index of the current graph is being built (after the first canvas): nodes done of total. */
  searchIndexing = $state<{ done: number; total: number } | null>(null);
  db: PolicyDB | null = null;

  /** Start-up progress: the import's phases, then building the in-memory graph ('graph'). */
  progress = $state<ImportProgress | { phase: 'graph'; done: number; total: number } | null>(null);
  syncStatus = $state<SyncStatus | null>(null);
  error = $state<StorageErrorInfo | null>(null);
  versionChanged = $state(false);
  persisted = $state<boolean | null>(null);
  /** What the current canvas shows and hides (status bar). */
  viewCounts = $state<ViewCounts | null>(null);
  /** Ids of the nodes the graph view currently draws. */
  drawn = $state.raw<ReadonlySet<string>>(new Set());
  /** While the overview is drawn (no graph node on the canvas): the filtered view it summarises, for "export view". */
  overviewOf = $state.raw<{ nodes: string[]; edges: string[] } | null>(null);
  /** Milliseconds of the last canvas layout and where it ran (status bar). */
  layoutInfo = $state<{ where: string; ms: number } | null>(null);

  // Workspace, corrections and exports (src/ui/workspace, src/ui/export).
  /** Node and edge ids a correction touched → the corrections' ids (badge and canvas style). */
  corrected = $state.raw<ReadonlyMap<string, string[]>>(new Map());
  /** What became of each stored correction when the rows were last loaded (applied / stale). */
  correctionOutcomes = $state.raw<CorrectionOutcome[]>([]);
  /** Text the analyst selected in the source-text viewer (evidence for an added citation). */
  textSelection = $state<{ sourceId: string; start: number; end: number; text: string } | null>(null);
  /** The live Cytoscape instance of the canvas (exports read positions and draw images from it). */
  cy: Core | null = null;
  /** Node positions a saved view brings: the canvas uses them instead of a layout on its next render. */
  pendingPositions: Record<string, { x: number; y: number }> | null = null;

  /** The analysis panel's state (set by the app), so deep links and saved views carry it too. */
  analysis: { link(): AnalysisLink | undefined; apply(l: AnalysisLink | undefined): void } | null = null;

  t = (key: MessageKey, params?: Record<string, string | number>) => translate(this.lang, key, params);

  snapshot(): UiState {
    return {
      view: this.view,
      lang: this.lang,
      filters: $state.snapshot(this.filters),
      selection: [...this.selection],
      root: this.root,
      query: this.query,
      expanded: [...this.expanded],
      analysis: this.analysis?.link(),
    };
  }

  restore(s: UiState): void {
    this.view = s.view;
    this.lang = s.lang;
    this.filters = s.filters;
    this.selection = s.selection;
    this.root = s.root;
    this.query = s.query;
    this.expanded = s.expanded;
    this.analysis?.apply(s.analysis);
  }

  /** Selects `id` (adding to the selection when `additive`); an unknown id is ignored. */
  select(id: string, additive = false): void {
    if (this.graph && !this.graph.hasNode(id)) return;
    // The source text shown belongs to the previous node's evidence: a new node closes it.
    if (!additive && this.selection[0] !== id) this.textFocus = null;
    if (additive) {
      this.selection = this.selection.includes(id) ? this.selection.filter((x) => x !== id) : [...this.selection, id];
    } else this.selection = [id];
  }

  clearSelection(): void {
    this.selection = [];
    this.textFocus = null;
  }

  /** Shows the lineage of a node (a document, policy or task). */
  showLineage(id: string): void {
    this.root = id;
    this.view = 'lineage';
    this.selection = [id];
  }

  expand(id: string): void {
    if (!this.expanded.includes(id)) this.expanded = [...this.expanded, id];
  }

  resetFilters(): void {
    this.filters = defaultFilters();
    this.expanded = [];
  }
}

/** Keeps the URL hash and the state in step (both directions). */
export function bindHash(ex: Explorer): () => void {
  let last = location.hash;
  const initial = decodeHash(location.hash);
  ex.restore(initial);
  const onHash = () => {
    if (location.hash === last) return;
    last = location.hash;
    ex.restore(decodeHash(location.hash));
  };
  window.addEventListener('hashchange', onHash);
  const stop = $effect.root(() => {
    $effect(() => {
      const h = encodeHash(ex.snapshot());
      if (h === last || (h === '' && last === '')) return;
      last = h;
      history.replaceState(null, '', h || location.pathname + location.search);
    });
  });
  return () => {
    window.removeEventListener('hashchange', onHash);
    stop();
  };
}
