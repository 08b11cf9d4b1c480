/**
 * The aggregated overview on the canvas: one node per group of src/graph/aggregate (type ×
 * province or level) sized by its count, one edge per group pair weighted by its edge count,
 * placed by a fixed arrangement (a band of rows per type, places in one order across all bands,
 * so a province's groups line up) — no force layout needed. And what expanding a group filters to.
 */
import type { ElementDefinition } from 'cytoscape';
import type { AggregateGroup, AggregateView, GroupPlace } from '../../graph/aggregate';
import type { NodeType } from '../../model';
import { LEVELS } from '../../model';
import { levelName, nodeTypeName, translate, type Lang } from '../i18n';
import type { UiFilters } from '../state/urlstate';

/** Bands from top to bottom: what is cited above who cites it, places and bodies below. */
const BAND_ORDER: readonly NodeType[] = ['document', 'task', 'policy', 'program', 'institution', 'region'];
/** Groups per row of a band before it wraps. */
export const COLUMNS = 6;
const DX = 230;
const DY = 150;
const BAND_GAP = 60;

export function placeName(lang: Lang, p: GroupPlace): string {
  if (p.kind === 'province') return p.name;
  if (p.kind === 'level') return levelName(lang, p.level);
  if (p.kind === 'rest') return translate(lang, 'lv_rest', { n: p.places.length });
  return translate(lang, 'lv_noPlace');
}

function placeKey(p: GroupPlace): string {
  return p.kind === 'province' ? `p:${p.name}` : p.kind === 'level' ? `l:${p.level}` : p.kind === 'rest' ? 'r' : 'n';
}

const fmt = (lang: Lang, n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

export function groupLabel(lang: Lang, gr: AggregateGroup): string {
  return translate(lang, 'lv_groupLabel', { where: placeName(lang, gr.place), type: nodeTypeName(lang, gr.type), count: fmt(lang, gr.count) });
}

export function groupTitle(lang: Lang, gr: AggregateGroup): string {
  return translate(lang, 'lv_groupTitle', { where: placeName(lang, gr.place), type: nodeTypeName(lang, gr.type), count: fmt(lang, gr.count), shown: fmt(lang, gr.shown) });
}

/**
 * Positions of the groups: places ordered once (levels national → county, then provinces by
 * their total count, then unknown), each type's groups in that order, COLUMNS to a row.
 */
export function overviewPositions(groups: readonly AggregateGroup[]): Map<string, { x: number; y: number }> {
  const total = new Map<string, number>();
  for (const gr of groups) total.set(placeKey(gr.place), (total.get(placeKey(gr.place)) ?? 0) + gr.count);
  const rankOf = (p: GroupPlace) => (p.kind === 'level' ? LEVELS.indexOf(p.level) : p.kind === 'province' ? 100 : p.kind === 'none' ? 200 : 300);
  const sample = new Map<string, GroupPlace>();
  for (const gr of groups) sample.set(placeKey(gr.place), gr.place);
  const order = [...sample.entries()]
    .sort(([ka, a], [kb, b]) => rankOf(a) - rankOf(b) || total.get(kb)! - total.get(ka)! || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([k]) => k);
  const column = new Map(order.map((k, i) => [k, i]));
  const out = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const type of BAND_ORDER) {
    const band = groups.filter((gr) => gr.type === type).sort((a, b) => column.get(placeKey(a.place))! - column.get(placeKey(b.place))!);
    if (!band.length) continue;
    const width = Math.min(COLUMNS, band.length);
    band.forEach((gr, i) => {
      const row = Math.floor(i / COLUMNS);
      const col = i % COLUMNS;
      // Short bands are centred over the full width.
      out.set(gr.id, { x: (col - (width - 1) / 2) * DX, y: y + row * DY });
    });
    y += Math.ceil(band.length / COLUMNS) * DY + BAND_GAP;
  }
  return out;
}

/** Groups drawn per type: the largest five and one for the rest (the list beside shows every group). */
export const DRAWN_PER_TYPE = COLUMNS;

/** Cytoscape elements of an overview: groups (data.agg = 1) and weighted group edges. */
export function overviewElements(v: AggregateView, lang: Lang): ElementDefinition[] {
  const pos = overviewPositions(v.groups);
  const maxCount = Math.max(1, ...v.groups.map((g) => g.count));
  const maxWeight = Math.max(2, ...v.edges.map((e) => e.weight));
  const out: ElementDefinition[] = [];
  for (const gr of v.groups) {
    out.push({
      group: 'nodes',
      data: { id: gr.id, type: gr.type, agg: 1, count: gr.count, label: groupLabel(lang, gr), short: groupLabel(lang, gr), size: Math.round(24 + 66 * Math.sqrt(gr.count / maxCount)) },
      position: pos.get(gr.id),
    });
  }
  for (const e of v.edges) {
    const width = 1 + 7 * (Math.log(e.weight + 1) / Math.log(maxWeight + 1));
    out.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.mainType, agg: 1, weight: e.weight, width: Math.round(width * 10) / 10 } });
  }
  return out;
}

/**
 * The filters that show a group in detail: a province's (or level's) policies and tasks with what
 * they cite; for documents, programmes, institutions and regions, that type with the tasks linked
 * to them (in the group's province when it has one). Other filters are left as they are.
 */
export function groupFilters(gr: Pick<AggregateGroup, 'type' | 'place'>, current: UiFilters): UiFilters {
  const next: UiFilters = { ...current };
  const anchors = gr.type === 'policy' || gr.type === 'task';
  const places = gr.place.kind === 'rest' ? gr.place.places : [gr.place];
  const provinces = places.flatMap((p) => (p.kind === 'province' ? [p.name] : []));
  const levels = places.flatMap((p) => (p.kind === 'level' ? [p.level] : []));
  if (provinces.length) next.regions = provinces;
  else if (levels.length && anchors) next.levels = levels;
  // With the anchors that link to it, so the detail view has edges: regions hold policies, the rest are linked from tasks.
  if (!anchors) next.nodeTypes = [gr.type, gr.type === 'region' ? 'policy' : 'task'];
  else if (!provinces.length && !levels.length) next.nodeTypes = [gr.type];
  return next;
}
