/**
 * Layout of the diffusion timeline chart: years across, levels down (national at the top, county
 * at the bottom, unknown last), one mark per citing policy and intent class, promises linked to
 * the policy that kept them. Pure geometry: the component draws what this returns.
 */
import type { Intent, Level } from '../../model';
import type { DiffusionTimeline } from '../../graph/diffusion';

/** How a mark is drawn: implementing is filled, promising is hollow, anything else grey. */
export type MarkKind = 'implements' | 'will_issue' | 'other';

export const ROW_LEVELS: readonly (Level | null)[] = ['national', 'provincial', 'municipal', 'county', null];

export function markKind(intent: Intent | null): MarkKind {
  return intent === 'implements' || intent === 'will_issue' ? intent : 'other';
}

export interface ChartFulfilment {
  policyId: string;
  label: string;
  year: number | null;
}

export interface TimelineMark {
  key: string;
  kind: MarkKind;
  policyId: string;
  policyLabel: string;
  /** The citing task (or policy) to select when the mark is activated. */
  citingId: string;
  citingIds: string[];
  region: string | null;
  level: Level | null;
  year: number | null;
  lag: number | null;
  x: number;
  y: number;
  /** For a promise: where the policy that kept it sits on the chart. */
  kept: (ChartFulfilment & { x: number; y: number })[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rows: { level: Level | null; y: number; height: number }[];
  ticks: { year: number; x: number }[];
  /** x of the column for unknown years (null when every year is known). */
  unknownX: number | null;
  /** x of the document's own year (null when unknown). */
  documentX: number | null;
  marks: TimelineMark[];
  years: { from: number; to: number } | null;
}

export interface ChartSize {
  width: number;
  rowHeight?: number;
  left?: number;
}

/** Year → x on [left, right], with half a year of room at each end. */
export function yearScale(from: number, to: number, left: number, right: number): (year: number) => number {
  const span = Math.max(1, to - from + 1);
  return (year) => left + ((year - from + 0.5) / span) * (right - left);
}

/** Tick years: every year when few, else a round step so labels do not collide. */
export function tickYears(from: number, to: number, maxTicks: number): number[] {
  const span = to - from;
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s < maxTicks) ?? 100;
  const out: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) out.push(y);
  return out;
}

export function layoutTimeline(
  tl: DiffusionTimeline,
  fulfilmentOf: (citingId: string) => ChartFulfilment[],
  size: ChartSize,
): TimelineLayout {
  const rowHeight = size.rowHeight ?? 56;
  const left = size.left ?? 64;
  const top = 24;
  // One mark per (policy, intent class): a plan that both implements and promises shows both.
  interface Draft extends Omit<TimelineMark, 'x' | 'y' | 'kept'> { keptRaw: ChartFulfilment[] }
  const drafts: Draft[] = [];
  for (const e of tl.entries) {
    const byKind = new Map<MarkKind, string[]>();
    for (const c of e.citations) {
      const k = markKind(c.intent);
      byKind.set(k, [...(byKind.get(k) ?? []), c.citingId]);
    }
    for (const kind of ['implements', 'will_issue', 'other'] as const) {
      const citing = byKind.get(kind);
      if (!citing) continue;
      const keptRaw = kind === 'will_issue' ? citing.flatMap(fulfilmentOf) : [];
      drafts.push({ key: `${e.policyId}|${kind}`, kind, policyId: e.policyId, policyLabel: e.policyLabel, citingId: citing[0], citingIds: [...new Set(citing)], region: e.region, level: e.level, year: e.year, lag: e.lag, keptRaw });
    }
  }
  const known = [
    ...drafts.map((d) => d.year),
    ...drafts.flatMap((d) => d.keptRaw.map((k) => k.year)),
    tl.documentYear,
  ].filter((y): y is number => y != null);
  const hasUnknown = drafts.some((d) => d.year == null);
  const unknownWidth = hasUnknown ? 72 : 0;
  const right = size.width - 16 - unknownWidth;
  const years = known.length ? { from: Math.min(...known), to: Math.max(...known) } : null;
  const x = years ? yearScale(years.from, years.to, left, right) : () => (left + right) / 2;
  const unknownX = hasUnknown ? size.width - 16 - unknownWidth / 2 : null;

  const rows = ROW_LEVELS.filter((l) => l !== null || drafts.some((d) => d.level == null)).map((level, i) => ({ level, y: top + i * rowHeight + rowHeight / 2, height: rowHeight }));
  const rowY = new Map(rows.map((r) => [r.level, r.y]));

  // Marks sharing a year and a row are spread horizontally around the year's x.
  const cellCount = new Map<string, number>();
  const cellKey = (d: { year: number | null; level: Level | null }) => `${d.year ?? '?'}|${d.level ?? '?'}`;
  for (const d of drafts) cellCount.set(cellKey(d), (cellCount.get(cellKey(d)) ?? 0) + 1);
  const cellSeen = new Map<string, number>();
  const yearWidth = years ? (right - left) / Math.max(1, years.to - years.from + 1) : right - left;
  const marks: TimelineMark[] = drafts.map(({ keptRaw, ...d }) => {
    const k = cellKey(d);
    const n = cellCount.get(k)!;
    const i = cellSeen.get(k) ?? 0;
    cellSeen.set(k, i + 1);
    const spacing = Math.min(16, (Math.min(yearWidth, 72) - 8) / Math.max(1, n));
    const cx = (d.year == null ? unknownX! : x(d.year)) + (i - (n - 1) / 2) * spacing;
    const cy = rowY.get(d.level)!;
    const kept = keptRaw.map((f) => ({ ...f, x: f.year == null ? cx + 24 : x(f.year), y: cy - 14 }));
    return { ...d, x: cx, y: cy, kept };
  });

  return {
    width: size.width,
    height: top + rows.length * rowHeight + 28,
    plot: { left, right, top, bottom: top + rows.length * rowHeight },
    rows,
    ticks: years ? tickYears(years.from, years.to, Math.max(2, Math.floor((right - left) / 44))).map((year) => ({ year, x: x(year) })) : [],
    unknownX,
    documentX: tl.documentYear != null && years ? x(tl.documentYear) : null,
    marks,
    years,
  };
}
