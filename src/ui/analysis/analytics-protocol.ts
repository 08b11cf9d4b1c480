/** Messages between the analysis panel and its worker (heavy analytics off the main thread). */
import type { Communities } from '../../graph/communities';
import type { CoCitedPair } from '../../graph/cocitation';
import type { RankedNode } from '../../graph/metrics';
import type { MainPathResult } from '../../graph/mainpath';
import type { GraphEdge, GraphNode } from '../../model';

export type AnalyticsJob = 'pagerank' | 'communities' | 'cocitation' | 'mainpath';

export interface AnalyticsResults {
  pagerank: RankedNode[];
  communities: Communities;
  cocitation: CoCitedPair[];
  mainpath: MainPathResult;
}

/** Edge rows without their evidence: the analytics never read it, and it is most of the bytes. */
export type LeanEdge = Omit<GraphEdge, 'evidence'> & { evidence: [] };

export type ToWorker =
  | { type: 'rows'; version: number; nodes: GraphNode[]; edges: LeanEdge[] }
  | { type: 'run'; id: number; version: number; job: AnalyticsJob };

export type FromWorker =
  | { type: 'progress'; id: number; phase: 'build' | 'compute' }
  | { type: 'result'; id: number; job: AnalyticsJob; result: AnalyticsResults[AnalyticsJob]; ms: number }
  | { type: 'error'; id: number; message: string };
