/**
 * Programme adoption matrix: programmes × regions (and years), each cell listing the tasks that
 * mention the programme. Plain data for a heat-map or a table.
 */
import type { AbstractGraph } from 'graphology-types';
import type { GraphNode, StoredEdge } from '../model';
import { policyPlace, regionLabeller } from './diffusion';
import { citingPolicyOf } from './metrics';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface AdoptionTask {
  taskId: string;
  taskLabel: string;
  policyId: string | null;
  year: number | null;
  edgeId: string;
}

export interface AdoptionCell {
  programId: string;
  /** The region's name, as 名（省） when the name is shared by places in several provinces; null when unknown. */
  region: string | null;
  tasks: AdoptionTask[];
  /** Distinct years of those tasks, ascending (unknown years left out). */
  years: number[];
  firstYear: number | null;
}

export interface AdoptionMatrix {
  /** Programmes, most widely adopted first (regions, then tasks, then id). */
  programs: { id: string; label: string; regions: number; tasks: number }[];
  /** Regions in order of first adoption, then name; null (unknown) last. */
  regions: (string | null)[];
  /** Every year seen in a cell, ascending. */
  years: number[];
  cells: AdoptionCell[];
}

export interface AdoptionOptions {
  /** Restrict to these programmes (default: every program node mentioned by a task). */
  programIds?: readonly string[];
}

const cmp = (a: string | null, b: string | null) => ((a ?? '\uffff') < (b ?? '\uffff') ? -1 : (a ?? '\uffff') > (b ?? '\uffff') ? 1 : 0);

/**
 * Cells were collected per (programme, region name, province): relabelled by regionLabeller (名（省）
 * only for a name found under several provinces) and merged where the labels then agree.
 */
function mergeUnambiguous(cells: Map<string, AdoptionCell>, provinceOf: ReadonlyMap<AdoptionCell, string | null>): void {
  const label = regionLabeller([...provinceOf].map(([cell, province]) => ({ region: cell.region, province })));
  const merged = new Map<string, AdoptionCell>();
  for (const cell of cells.values()) {
    cell.region = label(cell.region, provinceOf.get(cell) ?? null);
    const key = `${cell.programId}\u0000${cell.region ?? ''}`;
    const into = merged.get(key);
    if (into) into.tasks.push(...cell.tasks);
    else merged.set(key, cell);
  }
  cells.clear();
  for (const [k, c] of merged) cells.set(k, c);
}

export function adoptionMatrix(graph: RowGraph, opts: AdoptionOptions = {}): AdoptionMatrix {
  const only = opts.programIds ? new Set(opts.programIds) : undefined;
  const cells = new Map<string, AdoptionCell>();
  const placeCache = new Map<string, ReturnType<typeof policyPlace>>();
  const provinceOf = new Map<AdoptionCell, string | null>();
  graph.forEachEdge((edgeId, edge, source, target, sa, ta) => {
    if (edge.type !== 'mentions' || ta.type !== 'program') return;
    if (only && !only.has(target)) return;
    const policyId = citingPolicyOf(graph, source) ?? null;
    let place = policyId ? placeCache.get(policyId) : undefined;
    if (policyId && !place) placeCache.set(policyId, (place = policyPlace(graph, policyId)));
    const region = ('region' in sa && sa.region) || place?.region || null;
    const province = place?.province ?? null;
    const year = ('year' in sa && sa.year) || place?.year || null;
    const key = `${target}\u0000${region ?? ''}\u0000${province ?? ''}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { programId: target, region, tasks: [], years: [], firstYear: null }));
    provinceOf.set(cell, province);
    cell.tasks.push({ taskId: source, taskLabel: sa.label, policyId, year, edgeId });
  });
  mergeUnambiguous(cells, provinceOf);

  const allYears = new Set<number>();
  const regionFirst = new Map<string | null, number | null>();
  const programStats = new Map<string, { regions: number; tasks: number }>();
  for (const cell of cells.values()) {
    cell.tasks.sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || cmp(a.taskId, b.taskId));
    cell.years = [...new Set(cell.tasks.map((t) => t.year).filter((y): y is number => y != null))].sort((a, b) => a - b);
    cell.firstYear = cell.years[0] ?? null;
    cell.years.forEach((y) => allYears.add(y));
    const prev = regionFirst.get(cell.region);
    if (!regionFirst.has(cell.region) || (cell.firstYear != null && (prev == null || cell.firstYear < prev))) {
      regionFirst.set(cell.region, cell.firstYear ?? prev ?? null);
    }
    const s = programStats.get(cell.programId) ?? { regions: 0, tasks: 0 };
    s.regions++;
    s.tasks += cell.tasks.length;
    programStats.set(cell.programId, s);
  }
  const programs = [...programStats]
    .map(([id, s]) => ({ id, label: graph.getNodeAttribute(id, 'label'), ...s }))
    .sort((a, b) => b.regions - a.regions || b.tasks - a.tasks || cmp(a.id, b.id));
  const regions = [...regionFirst]
    .sort(([ra, ya], [rb, yb]) => (ra === null ? 1 : 0) - (rb === null ? 1 : 0) || (ya ?? Infinity) - (yb ?? Infinity) || cmp(ra, rb))
    .map(([r]) => r);
  const programOrder = new Map(programs.map((p, i) => [p.id, i]));
  const regionOrder = new Map(regions.map((r, i) => [r, i]));
  const list = [...cells.values()].sort(
    (a, b) => programOrder.get(a.programId)! - programOrder.get(b.programId)! || regionOrder.get(a.region)! - regionOrder.get(b.region)!,
  );
  return { programs, regions, years: [...allYears].sort((a, b) => a - b), cells: list };
}
