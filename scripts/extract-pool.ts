/**
 * A pool of worker threads running extractFile, for the Node hosts (build-graph, the benchmark):
 * extraction is independent per file, so N files are read at once on N cores while the main thread
 * reads input, takes results in order and assembles. This one file is both the pool (main thread)
 * and the worker body (loaded again inside each worker).
 *   const pool = createExtractPool({ size: 2 });
 *   await buildGraph(files, { extract: pool.extract, concurrency: pool.concurrency });
 *   await pool.close();
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { extractFile, type FileResult } from '../src/extract';
import type { InputFile } from '../src/extract/types';

interface Job {
  id: number;
  file: InputFile;
}

interface Reply {
  id: number;
  result?: FileResult;
  error?: string;
  /** Time the worker spent in extractFile on this file, and waiting for it since its previous reply. */
  busyMs: number;
  waitMs: number;
}

/** Per worker: files extracted, time extracting, time waiting for the next file between two files. */
export interface PoolStats {
  jobs: number[];
  busyMs: number[];
  waitMs: number[];
}

interface PoolWorkerData {
  withText: boolean;
}

export interface ExtractPool {
  /** extractFile on some worker of the pool. */
  extract: (file: InputFile) => Promise<FileResult>;
  /** How many files buildGraph should keep in flight so no worker waits for its next file. */
  concurrency: number;
  size: number;
  /** Resolves once every worker has loaded the extractor (compiling it is not extraction time). */
  ready: Promise<void>;
  /** What each worker did so far: shows whether the workers waited for files. */
  stats: () => PoolStats;
  close: () => Promise<void>;
}

/** Files queued per worker (see concurrency below); a queued file costs its bytes and its result. */
const PER_WORKER_IN_FLIGHT = 8;

/** Worker count by default: every core but none beyond what a small corpus can use. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export function createExtractPool(opts: { size?: number; withText?: boolean } = {}): ExtractPool {
  const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  const data: PoolWorkerData = { withText: opts.withText !== false };
  const pending = new Map<number, { ok: (r: FileResult) => void; fail: (e: Error) => void; worker: number }>();
  const load = new Array<number>(size).fill(0);
  const dead: Array<Error | undefined> = new Array(size).fill(undefined);
  let nextId = 0;
  const stats: PoolStats = { jobs: new Array(size).fill(0), busyMs: new Array(size).fill(0), waitMs: new Array(size).fill(0) };
  const readies: Array<Promise<void>> = [];
  // The worker runs this very module, which is TypeScript: a worker does not inherit the parent's
  // tsx hooks, so a two-line bootstrap registers them before importing it.
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const workers = Array.from({ length: size }, (_, w) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    readies.push(
      new Promise<void>((ok, fail) => {
        worker.once('message', () => ok()); // the worker's first message says it is ready
        worker.once('error', fail);
      }),
    );
    worker.on('message', (reply: Reply | 'ready') => {
      if (reply === 'ready') return;
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      load[job.worker]--;
      stats.jobs[job.worker]++;
      stats.busyMs[job.worker] += reply.busyMs;
      stats.waitMs[job.worker] += reply.waitMs;
      if (reply.result) job.ok(reply.result);
      else job.fail(new Error(reply.error ?? 'extraction worker failed'));
    });
    worker.on('error', (err) => {
      dead[w] = err;
      for (const [id, job] of pending) {
        if (job.worker !== w) continue;
        pending.delete(id);
        job.fail(err);
      }
    });
    return worker;
  });

  const extract = (file: InputFile): Promise<FileResult> =>
    new Promise((ok, fail) => {
      let w = -1;
      for (let i = 0; i < size; i++) if (!dead[i] && (w < 0 || load[i] < load[w])) w = i;
      if (w < 0) return fail(dead[0] ?? new Error('no extraction worker left'));
      const id = nextId++;
      pending.set(id, { ok, fail, worker: w });
      load[w]++;
      // A copy of the bytes is moved, not cloned: readFile's buffers may share a pooled ArrayBuffer.
      const bytes = file.bytes.slice();
      const job: Job = { id, file: { ...file, bytes } };
      workers[w].postMessage(job, [bytes.buffer]);
    });

  const ready = Promise.all(readies).then(() => undefined);
  ready.catch(() => undefined); // a worker that fails to start also fails its jobs; nobody need await ready
  return {
    extract,
    // buildGraph takes results in input order: with two files a worker, a worker that finished its
    // files waited while the main thread awaited a longer file on the other (2000 docs: each worker
    // idle 0.6-0.9 s of 2.7 s); eight a worker leaves it idle 0.1-0.3 s.
    concurrency: size * PER_WORKER_IN_FLIGHT,
    size,
    ready,
    stats: () => ({ jobs: [...stats.jobs], busyMs: [...stats.busyMs], waitMs: [...stats.waitMs] }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { withText } = workerData as PoolWorkerData;
  let lastReply: number | undefined; // undefined until the first file: start-up is not waiting
  port.on('message', (job: Job) => {
    const start = performance.now();
    const waitMs = lastReply === undefined ? 0 : Math.max(0, start - lastReply);
    const reply = (r: Omit<Reply, 'busyMs' | 'waitMs'>) => {
      const end = performance.now();
      port.postMessage({ ...r, busyMs: end - start, waitMs } satisfies Reply);
      lastReply = performance.now();
    };
    extractFile(job.file).then(
      (result) => reply({ id: job.id, result: withText ? result : { ...result, text: null } }),
      (err: unknown) => reply({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
  port.postMessage('ready');
}
