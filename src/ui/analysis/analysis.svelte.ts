/**
 * State of the analysis panel (analytics, diffusion timeline, adoption matrix, full-text search):
 * which tab is open and what the analyst picked there. Shared through Svelte context so the top
 * bar, the detail panel and the panel itself reach the same instance.
 */
import { getContext, setContext } from 'svelte';
import { AnalyticsClient } from './analytics-client.svelte';

export type AnalysisTab = 'metrics' | 'timeline' | 'matrix' | 'fulltext';
export const ANALYSIS_TABS: readonly AnalysisTab[] = ['metrics', 'timeline', 'matrix', 'fulltext'];

export class AnalysisState {
  open = $state(false);
  tab = $state<AnalysisTab>('metrics');
  /** The document whose diffusion timeline is shown. */
  timelineDoc = $state<string | null>(null);
  /** The analyst's year for that document (null: what the graph knows). */
  overrideYear = $state<number | null>(null);
  /** Shortest path endpoints. */
  pathA = $state<string | null>(null);
  pathB = $state<string | null>(null);
  /** Colour the canvas by Louvain community. */
  communitiesOn = $state(false);
  /** Full-text search phrase (kept while switching tabs). */
  phrase = $state('');
  readonly client = new AnalyticsClient();

  show(tab: AnalysisTab): void {
    this.tab = tab;
    this.open = true;
  }

  showTimeline(documentId: string): void {
    if (this.timelineDoc !== documentId) this.overrideYear = null;
    this.timelineDoc = documentId;
    this.show('timeline');
  }
}

const KEY = Symbol('analysis');
export const provideAnalysis = (a: AnalysisState) => setContext(KEY, a);
export const useAnalysis = () => getContext<AnalysisState>(KEY);
