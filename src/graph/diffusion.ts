/**
 * Diffusion timeline of one document: which policies (and so which regions, at which level) cite
 * or adapt it, in which year, and how many years after the document itself. Plain data for a chart.
 */
import type { AbstractGraph } from 'graphology-types';
import type { EdgeType, GraphNode, Intent, Level, StoredEdge } from '../model';
import { citingPolicyOf } from './metrics';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface Place {
  region: string | null;
  province: string | null;
  level: Level | null;
  year: number | null;
}

const yearOfDate = (d: string | undefined) => (d ? Number(d.slice(0, 4)) : null);

/**
 * Where and when a policy was issued: its own attributes, else its `located_in` region node, else
 * the year of its dates.
 */
export function policyPlace(graph: RowGraph, policyId: string): Place {
  const p = graph.getNodeAttributes(policyId);
  let region: string | null = 'region' in p && p.region ? p.region : null;
  let level: Level | null = 'level' in p && p.level ? p.level : null;
  if (!region || !level) {
    graph.forEachOutEdge(policyId, (_e, edge, _s, target, _sa, ta) => {
      if (edge.type !== 'located_in' || ta.type !== 'region') return;
      region ??= ta.name;
      level ??= ta.level ?? null;
    });
  }
  const year =
    ('year' in p && p.year) ||
    (p.type === 'policy' ? yearOfDate(p.dateWritten) ?? yearOfDate(p.datePublished) : null) ||
    null;
  return { region, province: 'province' in p && p.province ? p.province : null, level, year };
}

/** The year a 文号 carries: 中发〔2019〕26号 → 2019 (any bracket style). */
export function yearFromDocNumber(docNumber: string | undefined): number | null {
  const m = docNumber?.match(/[〔［\[(（【]\s*((?:19|20)\d\d)\s*[〕］\])）】]/);
  return m ? Number(m[1]) : null;
}

export interface DiffusionCitation {
  edgeId: string;
  edgeType: EdgeType;
  /** The task or policy that cites. */
  citingId: string;
  citingLabel: string;
  intent: Intent | null;
}

export interface DiffusionEntry extends Place {
  policyId: string;
  policyLabel: string;
  /** Years between the document and this policy; null when either year is unknown. */
  lag: number | null;
  citations: DiffusionCitation[];
}

export interface DiffusionTimeline {
  documentId: string;
  documentLabel: string;
  documentYear: number | null;
  /** Where documentYear comes from. */
  yearSource: 'override' | 'attribute' | 'docNumber' | 'unknown';
  /** One entry per citing policy, by year (unknown last), then region, then id. */
  entries: DiffusionEntry[];
  /** Per year (null = unknown): the regions and how many policies took the document up. */
  byYear: { year: number | null; lag: number | null; regions: string[]; policies: number }[];
  /** Per region (null = unknown): first year, its lag and how many policies. */
  byRegion: { region: string | null; level: Level | null; firstYear: number | null; lag: number | null; policies: number }[];
}

export interface DiffusionOptions {
  /** The analyst's own year for the document, overriding what the graph knows (null: no override). */
  overrideYear?: number | null;
  /** Edges that count as taking the document up (default cites and adapts: a local version is diffusion too). */
  edgeTypes?: readonly EdgeType[];
}

/**
 * Labels for region names over a set of places: a name found under two or more provinces names
 * different places (the anonymised XX市 of 河北 and of 广东; two counties of one name), so each
 * is labelled 名（省）; any other name is itself, whether or not every place gave its province.
 */
export function regionLabeller(places: Iterable<{ region: string | null; province: string | null }>): (region: string | null, province: string | null) => string | null {
  const provinces = new Map<string, Set<string>>();
  for (const { region, province } of places) {
    if (region === null || province === null) continue;
    let set = provinces.get(region);
    if (!set) provinces.set(region, (set = new Set()));
    set.add(province);
  }
  return (region, province) => (region !== null && province !== null && (provinces.get(region)?.size ?? 0) > 1 ? `${region}（${province}）` : region);
}

const byYearThenName = (ya: number | null, yb: number | null) => (ya ?? Infinity) - (yb ?? Infinity);
const cmp = (a: string | null, b: string | null) => ((a ?? '\uffff') < (b ?? '\uffff') ? -1 : (a ?? '\uffff') > (b ?? '\uffff') ? 1 : 0);

export function diffusionTimeline(graph: RowGraph, documentId: string, opts: DiffusionOptions = {}): DiffusionTimeline {
  const doc = graph.getNodeAttributes(documentId);
  const types = new Set<string>(opts.edgeTypes ?? ['cites', 'adapts']);
  let documentYear: number | null = null;
  let yearSource: DiffusionTimeline['yearSource'] = 'unknown';
  const attrYear = 'year' in doc && doc.year ? doc.year : null;
  const numberYear = yearFromDocNumber('docNumber' in doc ? doc.docNumber : undefined);
  if (opts.overrideYear != null) [documentYear, yearSource] = [opts.overrideYear, 'override'];
  else if (attrYear) [documentYear, yearSource] = [attrYear, 'attribute'];
  else if (numberYear) [documentYear, yearSource] = [numberYear, 'docNumber'];
  const lagOf = (year: number | null) => (year != null && documentYear != null ? year - documentYear : null);

  const entries = new Map<string, DiffusionEntry>();
  graph.forEachInEdge(documentId, (edgeId, edge, source, _t, sa) => {
    if (!types.has(edge.type)) return;
    const policyId = citingPolicyOf(graph, source);
    if (!policyId || policyId === documentId) return;
    let entry = entries.get(policyId);
    if (!entry) {
      const place = policyPlace(graph, policyId);
      entry = { policyId, policyLabel: graph.getNodeAttribute(policyId, 'label'), ...place, lag: lagOf(place.year), citations: [] };
      entries.set(policyId, entry);
    }
    entry.citations.push({ edgeId, edgeType: edge.type, citingId: source, citingLabel: sa.label, intent: edge.intent ?? null });
  });
  const label = regionLabeller(entries.values());
  for (const e of entries.values()) e.region = label(e.region, e.province);
  const list = [...entries.values()].sort(
    (a, b) => byYearThenName(a.year, b.year) || cmp(a.region, b.region) || cmp(a.policyId, b.policyId),
  );

  const years = new Map<number | null, { regions: Set<string>; policies: number }>();
  const regions = new Map<string | null, { level: Level | null; firstYear: number | null; policies: number }>();
  for (const e of list) {
    const y = years.get(e.year) ?? { regions: new Set<string>(), policies: 0 };
    if (e.region) y.regions.add(e.region);
    y.policies++;
    years.set(e.year, y);
    const r = regions.get(e.region) ?? { level: e.level, firstYear: null, policies: 0 };
    r.policies++;
    if (e.year != null && (r.firstYear == null || e.year < r.firstYear)) r.firstYear = e.year;
    regions.set(e.region, r);
  }
  return {
    documentId,
    documentLabel: doc.label,
    documentYear,
    yearSource,
    entries: list,
    byYear: [...years].map(([year, y]) => ({ year, lag: lagOf(year), regions: [...y.regions].sort(), policies: y.policies })),
    byRegion: [...regions]
      .map(([region, r]) => ({ region, level: r.level, firstYear: r.firstYear, lag: lagOf(r.firstYear), policies: r.policies }))
      .sort((a, b) => byYearThenName(a.firstYear, b.firstYear) || cmp(a.region, b.region)),
  };
}
