/**
 * The deep link: what the URL hash holds and how it maps to the explorer's state.
 *
 * Format (URLSearchParams in the hash, so it survives copy and paste and stays readable):
 *   #v=lineage&root=<id>&sel=<id>|<id>&x=<id>|<id>&types=policy,task&y=2019-2021&region=大连市
 *    &level=municipal&issuer=<name>&minc=2&iso=1&ego=2&lang=en&q=<query>
 *    &an=timeline&and=<document id>&any=2020&ana=<id>&anb=<id>&anc=1&anq=<phrase>   (the analysis
 *    panel, when open: its tab, the timeline's document and year, the path's ends, communities
 *    coloured, the full-text phrase)
 * Unknown keys and malformed values are ignored; a missing key means the default.
 */
import { INTENTS, LEVELS, NODE_TYPES, type Intent, type Level, type NodeType } from '../../model';
import type { Lang } from '../i18n';

export type ViewMode = 'graph' | 'lineage';

export type AnalysisTab = 'metrics' | 'timeline' | 'matrix' | 'fulltext';
export const ANALYSIS_TABS: readonly AnalysisTab[] = ['metrics', 'timeline', 'matrix', 'fulltext'];

/** The open analysis panel, as a deep link holds it (src/ui/analysis/analysis.svelte.ts). */
export interface AnalysisLink {
  tab: AnalysisTab;
  /** The document whose diffusion timeline is shown, and the year the analyst set for it. */
  doc?: string;
  year?: number;
  /** The shortest path's ends. */
  a?: string;
  b?: string;
  /** The canvas coloured by community. */
  communities?: boolean;
  /** The full-text search phrase. */
  phrase?: string;
}

export interface UiFilters {
  nodeTypes: NodeType[];
  yearFrom?: number;
  yearTo?: number;
  regions: string[];
  levels: Level[];
  issuers: string[];
  minCitedBy: number;
  hideIsolated: boolean;
  /** Hops of the ego network around the selection; 0 = off. */
  egoHops: number;
  /** Intents of `cites` edges shown; omitted or empty means all. */
  citeIntents?: Intent[];
}

export interface UiState {
  view: ViewMode;
  lang: Lang;
  filters: UiFilters;
  selection: string[];
  /** The node whose lineage is shown in lineage mode. */
  root?: string;
  query: string;
  /** Nodes pulled into the graph view beyond the filters (search hits, expanded neighbours). */
  expanded: string[];
  /** The analysis panel, when it is open. */
  analysis?: AnalysisLink;
}

export const defaultFilters = (): UiFilters => ({
  nodeTypes: [],
  regions: [],
  levels: [],
  issuers: [],
  minCitedBy: 0,
  hideIsolated: false,
  egoHops: 0,
});

export const defaultState = (): UiState => ({
  view: 'graph',
  lang: 'zh',
  filters: defaultFilters(),
  selection: [],
  query: '',
  expanded: [],
});

// Lists of ids joined with '|'; '%' and '|' inside an id are escaped so any id round-trips.
const escapeItem = (x: string) => x.replaceAll('%', '%25').replaceAll('|', '%7C');
const unescapeItem = (x: string) => x.replace(/%(25|7C)/g, (_m, c: string) => (c === '25' ? '%' : '|'));
const list = (xs: readonly string[]) => xs.map(escapeItem).join('|');
const unlist = (s: string | null) => (s ? s.split('|').filter(Boolean).map(unescapeItem) : []);

function int(s: string | null, min: number, max: number): number | undefined {
  if (s === null || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

export function encodeHash(s: UiState): string {
  const p = new URLSearchParams();
  if (s.view !== 'graph') p.set('v', s.view);
  if (s.root) p.set('root', s.root);
  if (s.selection.length) p.set('sel', list(s.selection));
  if (s.expanded.length) p.set('x', list(s.expanded));
  const f = s.filters;
  if (f.nodeTypes.length) p.set('types', f.nodeTypes.join(','));
  if (f.yearFrom !== undefined || f.yearTo !== undefined) p.set('y', `${f.yearFrom ?? ''}-${f.yearTo ?? ''}`);
  if (f.regions.length) p.set('region', list(f.regions));
  if (f.levels.length) p.set('level', f.levels.join(','));
  if (f.issuers.length) p.set('issuer', list(f.issuers));
  if (f.minCitedBy > 0) p.set('minc', String(f.minCitedBy));
  if (f.hideIsolated) p.set('iso', '1');
  if (f.egoHops > 0) p.set('ego', String(f.egoHops));
  if (f.citeIntents?.length) p.set('intent', f.citeIntents.join(','));
  if (s.lang !== 'zh') p.set('lang', s.lang);
  if (s.query) p.set('q', s.query);
  const a = s.analysis;
  if (a) {
    p.set('an', a.tab);
    if (a.doc) p.set('and', a.doc);
    if (a.year !== undefined) p.set('any', String(a.year));
    if (a.a) p.set('ana', a.a);
    if (a.b) p.set('anb', a.b);
    if (a.communities) p.set('anc', '1');
    if (a.phrase) p.set('anq', a.phrase);
  }
  const str = p.toString();
  return str ? `#${str}` : '';
}

export function decodeHash(hash: string): UiState {
  const s = defaultState();
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  if (p.get('v') === 'lineage') s.view = 'lineage';
  const root = p.get('root');
  if (root) s.root = root;
  s.selection = unlist(p.get('sel'));
  s.expanded = unlist(p.get('x'));
  const f = s.filters;
  f.nodeTypes = (p.get('types') ?? '').split(',').filter((t): t is NodeType => (NODE_TYPES as readonly string[]).includes(t));
  const y = /^(\d{4})?-(\d{4})?$/.exec(p.get('y') ?? '');
  if (y) {
    f.yearFrom = y[1] ? Number(y[1]) : undefined;
    f.yearTo = y[2] ? Number(y[2]) : undefined;
  }
  f.regions = unlist(p.get('region'));
  f.levels = (p.get('level') ?? '').split(',').filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
  f.issuers = unlist(p.get('issuer'));
  f.minCitedBy = int(p.get('minc'), 0, 100000) ?? 0;
  f.hideIsolated = p.get('iso') === '1';
  f.egoHops = int(p.get('ego'), 0, 10) ?? 0;
  const intents = (p.get('intent') ?? '').split(',').filter((i): i is Intent => (INTENTS as readonly string[]).includes(i));
  if (intents.length) f.citeIntents = intents;
  if (p.get('lang') === 'en') s.lang = 'en';
  s.query = p.get('q') ?? '';
  const tab = p.get('an');
  if (tab && (ANALYSIS_TABS as readonly string[]).includes(tab)) {
    const a: AnalysisLink = { tab: tab as AnalysisTab };
    const doc = p.get('and');
    if (doc) a.doc = doc;
    const year = int(p.get('any'), 0, 9999);
    if (year !== undefined) a.year = year;
    const from = p.get('ana');
    if (from) a.a = from;
    const to = p.get('anb');
    if (to) a.b = to;
    if (p.get('anc') === '1') a.communities = true;
    const phrase = p.get('anq');
    if (phrase) a.phrase = phrase;
    s.analysis = a;
  }
  return s;
}
