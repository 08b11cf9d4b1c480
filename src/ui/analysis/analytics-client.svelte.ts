/**
 * Runs the heavy analytics in the worker, one result per (graph, job) cached, with the state of
 * running jobs for the progress display. The rows go to the worker once per graph object (a
 * corrected or extended graph is a new object, so results never outlive the graph they describe).
 */
import type { PolicyGraph } from '../../graph/load';
import type { AnalyticsJob, AnalyticsResults, FromWorker, LeanEdge, ToWorker } from './analytics-protocol';

export interface RunningJob {
  job: AnalyticsJob;
  phase: 'send' | 'build' | 'compute';
  startedAt: number;
}

export class AnalyticsClient {
  /** Jobs in flight (for progress bars). */
  running = $state<RunningJob[]>([]);
  /** Milliseconds of the last run of each job (shown beside the result). */
  timings = $state<Partial<Record<AnalyticsJob, number>>>({});

  #worker: Worker | null = null;
  #versions = new WeakMap<PolicyGraph, number>();
  #nextVersion = 1;
  #sentVersion = 0;
  #nextId = 1;
  #pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void; job: AnalyticsJob }>();
  #cache = new WeakMap<PolicyGraph, Map<AnalyticsJob, Promise<unknown>>>();

  #getWorker(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.#onMessage(e.data);
    w.onerror = (e) => {
      for (const [id, p] of this.#pending) p.reject(new Error(e.message || 'worker failed')), this.#done(id);
    };
    return (this.#worker = w);
  }

  #onMessage(m: FromWorker) {
    const p = this.#pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      this.running = this.running.map((r) => (r.job === p.job ? { ...r, phase: m.phase } : r));
      return;
    }
    if (m.type === 'result') {
      this.timings = { ...this.timings, [m.job]: Math.round(m.ms) };
      p.resolve(m.result as never);
    } else p.reject(new Error(m.message));
    this.#done(m.id);
  }

  #done(id: number) {
    const p = this.#pending.get(id);
    this.#pending.delete(id);
    if (p) this.running = this.running.filter((r) => r.job !== p.job);
  }

  #sendRows(g: PolicyGraph): number {
    let version = this.#versions.get(g);
    if (!version) this.#versions.set(g, (version = this.#nextVersion++));
    if (this.#sentVersion !== version) {
      const nodes = g.mapNodes((_id, a) => a);
      // Without the packed evidence's chunk either: it would be cloned into the worker.
      const edges = g.mapEdges((_id, { evidenceChunk: _chunk, evidenceRow: _row, ...a }) => ({ ...a, evidence: [] }) as LeanEdge);
      this.#getWorker().postMessage({ type: 'rows', version, nodes, edges } satisfies ToWorker);
      this.#sentVersion = version;
    }
    return version;
  }

  run<J extends AnalyticsJob>(g: PolicyGraph, job: J): Promise<AnalyticsResults[J]> {
    let perGraph = this.#cache.get(g);
    if (!perGraph) this.#cache.set(g, (perGraph = new Map()));
    const cached = perGraph.get(job);
    if (cached) return cached as Promise<AnalyticsResults[J]>;
    const promise = new Promise<AnalyticsResults[J]>((resolve, reject) => {
      this.running = [...this.running, { job, phase: 'send', startedAt: performance.now() }];
      const id = this.#nextId++;
      this.#pending.set(id, { resolve: resolve as (r: never) => void, reject, job });
      try {
        const version = this.#sendRows(g);
        this.#getWorker().postMessage({ type: 'run', id, version, job } satisfies ToWorker);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
        this.#done(id);
      }
    });
    // A failed run is not cached: the next request tries again.
    promise.catch(() => perGraph!.delete(job));
    perGraph.set(job, promise);
    return promise;
  }

  dispose() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#sentVersion = 0;
  }
}
