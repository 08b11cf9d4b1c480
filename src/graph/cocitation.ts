/**
 * Co-citation (Small 1973): two documents are co-cited when the same citing unit cites both; the
 * count of such units measures how closely the corpus ties them together.
 */
import type { AbstractGraph } from 'graphology-types';
import type { GraphNode, Intent, StoredEdge } from '../model';
import { citingPolicyOf } from './metrics';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface CoCitationOptions {
  /**
   * The citing unit: 'task' (a task, or a policy's own preamble-level citations) or 'policy'
   * (a policy together with all its tasks). Default 'policy'.
   */
  by?: 'task' | 'policy';
  /** Keep pairs cited together at least this often (default 1). */
  minCount?: number;
  /** Count only citations with these intents (default: all). */
  intents?: readonly Intent[];
  limit?: number;
}

export interface CoCitedPair {
  /** The two documents, a < b. */
  a: string;
  b: string;
  count: number;
  /** The citing units (task or policy ids) that cite both, sorted. */
  units: string[];
}

/** Pairs of cited nodes with the units citing both, most co-cited first (ties by ids). */
export function coCitation(graph: RowGraph, opts: CoCitationOptions = {}): CoCitedPair[] {
  const by = opts.by ?? 'policy';
  const intents = opts.intents ? new Set<string>(opts.intents) : undefined;
  const cited = new Map<string, Set<string>>(); // unit → cited ids
  graph.forEachEdge((_id, edge, source, target) => {
    if (edge.type !== 'cites') return;
    if (intents && !intents.has(edge.intent ?? 'other')) return;
    const unit = by === 'policy' ? citingPolicyOf(graph, source) ?? source : source;
    if (unit === target) return; // a task citing its own policy
    let set = cited.get(unit);
    if (!set) cited.set(unit, (set = new Set()));
    set.add(target);
  });
  const pairs = new Map<string, CoCitedPair>();
  for (const [unit, set] of cited) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { a: ids[i], b: ids[j], count: 0, units: [] }));
        pair.count++;
        pair.units.push(unit);
      }
    }
  }
  const min = opts.minCount ?? 1;
  const out = [...pairs.values()].filter((p) => p.count >= min);
  for (const p of out) p.units.sort();
  out.sort((x, y) => y.count - x.count || cmp(x.a, y.a) || cmp(x.b, y.b));
  return opts.limit === undefined ? out : out.slice(0, opts.limit);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
