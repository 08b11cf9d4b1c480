/**
 * State of the analysis panel (analytics, diffusion timeline, adoption matrix, full-text search):
 * which tab is open and what the analyst picked there. Shared through Svelte context so the top
 * bar, the detail panel and the panel itself reach the same instance.
 */
import { getContext, setContext } from 'svelte';
import { AnalyticsClient } from './analytics-client.svelte';
import { ANALYSIS_TABS, type AnalysisLink, type AnalysisTab } from '../state/urlstate';

export { ANALYSIS_TABS, type AnalysisTab };

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

  /** What a deep link keeps of the panel: nothing while it is closed. */
  link(): AnalysisLink | undefined {
    if (!this.open) return undefined;
    const l: AnalysisLink = { tab: this.tab };
    if (this.timelineDoc) l.doc = this.timelineDoc;
    if (this.overrideYear !== null) l.year = this.overrideYear;
    if (this.pathA) l.a = this.pathA;
    if (this.pathB) l.b = this.pathB;
    if (this.communitiesOn) l.communities = true;
    if (this.phrase) l.phrase = this.phrase;
    return l;
  }

  /**
   * Opens the panel as a deep link or a saved view says. One that holds no panel leaves it as it
   * is: a hash that only selects a node (#sel=…) does not close the analysis the analyst is in.
   */
  apply(l: AnalysisLink | undefined): void {
    if (!l) return;
    this.tab = l.tab;
    this.timelineDoc = l.doc ?? null;
    this.overrideYear = l.year ?? null;
    this.pathA = l.a ?? null;
    this.pathB = l.b ?? null;
    this.communitiesOn = l.communities === true;
    this.phrase = l.phrase ?? '';
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
