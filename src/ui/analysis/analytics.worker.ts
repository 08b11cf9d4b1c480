/// <reference lib="webworker" />
/**
 * Heavy analytics (PageRank, Louvain, co-citation, main path) in a worker: the main thread posts
 * the graph's rows once per graph version, then asks for results by name.
 */
import { buildGraph, type PolicyGraph } from '../../graph/load';
import { pageRank } from '../../graph/metrics';
import { communities } from '../../graph/communities';
import { coCitation } from '../../graph/cocitation';
import { mainPathAnalysis } from '../../graph/mainpath';
import type { AnalyticsJob, AnalyticsResults, FromWorker, ToWorker } from './analytics-protocol';

let rows: Extract<ToWorker, { type: 'rows' }> | null = null;
let graph: { version: number; g: PolicyGraph } | null = null;

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function compute(g: PolicyGraph, job: AnalyticsJob): AnalyticsResults[AnalyticsJob] {
  switch (job) {
    case 'pagerank':
      return pageRank(g).slice(0, 200);
    case 'communities':
      return communities(g);
    case 'cocitation':
      return coCitation(g, { by: 'policy', limit: 200 });
    case 'mainpath':
      return mainPathAnalysis(g, { keyRoutes: 3 });
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'rows') {
    rows = m;
    graph = null;
    return;
  }
  try {
    if (!rows || rows.version !== m.version) throw new Error('graph rows not loaded');
    const t0 = performance.now();
    if (!graph || graph.version !== m.version) {
      post({ type: 'progress', id: m.id, phase: 'build' });
      graph = { version: m.version, g: buildGraph(rows.nodes, rows.edges) };
    }
    post({ type: 'progress', id: m.id, phase: 'compute' });
    const result = compute(graph.g, m.job);
    post({ type: 'result', id: m.id, job: m.job, result, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
  }
};
