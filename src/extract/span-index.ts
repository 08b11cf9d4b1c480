/**
 * "Which span holds this offset?" in O(log n), for the per-mention lookups (the task of a
 * citation, whether a 文号 lies inside a 《title》). A linear scan per mention is quadratic on a
 * 1 MB file with tens of thousands of mentions.
 */
import type { Span } from './types';

export class SpanIndex<T extends Span = Span> {
  /** Indices into the original list, sorted by start; only spans the filter kept. */
  private readonly order: number[];
  /** True when no two kept spans overlap: then one binary search answers. */
  private readonly disjoint: boolean;

  private readonly sorted: Span[];

  constructor(
    private readonly spans: readonly T[],
    keep: (s: T, i: number) => boolean = () => true,
  ) {
    this.order = spans.map((_, i) => i).filter((i) => keep(spans[i], i) && spans[i].end > spans[i].start);
    this.order.sort((a, b) => spans[a].start - spans[b].start || a - b);
    let disjoint = true;
    for (let k = 1; k < this.order.length; k++) {
      if (spans[this.order[k]].start < spans[this.order[k - 1]].end) disjoint = false;
    }
    this.disjoint = disjoint;
    this.sorted = this.order.map((i) => spans[i]);
  }

  /** The lowest original index of a kept span with start ≤ pos < end, or -1. */
  indexAt(pos: number): number {
    const { spans, order } = this;
    if (!this.disjoint) {
      // Overlapping spans (rare): keep the linear scan's answer, the first match in list order.
      let best = -1;
      for (const i of order) if (pos >= spans[i].start && pos < spans[i].end && (best < 0 || i < best)) best = i;
      return best;
    }
    const k = coveringIndex(this.sorted, pos);
    return k < 0 ? -1 : order[k];
  }

  /** Whether some kept span holds pos. */
  holds(pos: number): boolean {
    return this.indexAt(pos) >= 0;
  }
}

/**
 * In spans sorted by start and not overlapping, the index of the one with start ≤ pos < end, or -1:
 * the last span starting at or before pos is the only candidate.
 */
export function coveringIndex(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && pos < spans[found].end ? found : -1;
}
