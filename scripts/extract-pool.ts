/**
 * Extraction on several threads, for the Node hosts (build-graph, the benchmark): extraction is
 * independent per file, so with T threads the main thread and T-1 worker threads each extract
 * files, while the main thread also reads input, takes results in order and assembles. This one
 * file is both the pool (main thread) and the worker body (loaded again inside each worker).
 *   const pool = createExtractPool({ threads: 2 });
 *   await buildGraph(files, { extract: pool.extract, concurrency: pool.concurrency });
 *   await pool.close();
 * Why the main thread extracts too (2000 docs on 2 cores, alternating runs): with one worker per
 * core the main thread was idle half the time yet its reads, result decoding and V8's compiler and
 * GC threads competed with both workers (process CPU 5.7-6.6 s against 4.6-5.5 s single-thread);
 * main + 1 worker took 4.6-5.4 s of CPU and less wall time.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { extractFile, type FileResult } from '../src/extract';
import type { InputFile } from '../src/extract/types';
import { yieldToEventLoop } from '../src/util/schedule';

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

/**
 * Per thread (the workers, then the main thread last): files extracted, time extracting (the main
 * thread's includes the event-loop turns it gives between stages), time a worker waited for its
 * next file between two files.
 */
export interface PoolStats {
  jobs: number[];
  busyMs: number[];
  waitMs: number[];
}

interface PoolWorkerData {
  withText: boolean;
}

export interface ExtractPool {
  /** extractFile on a worker, or on the main thread when every worker has files queued. */
  extract: (file: InputFile) => Promise<FileResult>;
  /** How many files buildGraph should keep in flight so no worker waits for its next file. */
  concurrency: number;
  /** Threads that extract: the worker threads and the main thread. */
  threads: number;
  /** Resolves once every worker has loaded the extractor (compiling it is not extraction time). */
  ready: Promise<void>;
  /** What each thread did so far: shows whether the workers waited for files. */
  stats: () => PoolStats;
  close: () => Promise<void>;
}

/**
 * Files in flight per thread. buildGraph takes results in input order: with two a worker, a
 * worker that finished its files waited while the main thread awaited a longer file on the other
 * (2000 docs: each worker idle 0.6-0.9 s of 2.7 s); with eight, 0.1-0.3 s.
 */
const IN_FLIGHT_PER_THREAD = 8;
/** The main thread extracts the next file itself only when each worker has this many queued. */
const MAIN_AFTER_QUEUED = 4;

/**
 * Cores from which extraction uses a pool by default. On 2 cores the pool (this thread and one
 * worker) gained nothing once the single thread read synchronously: 2.09 s against 1.79 s at 2,000
 * documents and 6.69 against 6.53 s at 8,000 (npm run bench, 2026-11-24): results cross threads
 * by structured clone, assembly stays serial, and two extracting threads leave no core to V8's GC
 * and compiler threads (the process used 10.9 s of CPU against 8.3 s). More cores were not
 * measured here; `--workers N` chooses.
 */
const POOL_FROM_CORES = 4;

/** Extraction threads by default: one per core (the main thread counts as one) from POOL_FROM_CORES cores, else 1. */
export function defaultPoolThreads(cores = availableParallelism()): number {
  return cores >= POOL_FROM_CORES ? cores : 1;
}

export function createExtractPool(opts: { threads?: number; withText?: boolean } = {}): ExtractPool {
  const threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
  const size = threads - 1; // worker threads
  const withText = opts.withText !== false;
  const data: PoolWorkerData = { withText };
  const pending = new Map<number, { ok: (r: FileResult) => void; fail: (e: Error) => void; worker: number }>();
  const load = new Array<number>(size).fill(0);
  const dead: Array<Error | undefined> = new Array(size).fill(undefined);
  let nextId = 0;
  const stats: PoolStats = { jobs: new Array(threads).fill(0), busyMs: new Array(threads).fill(0), waitMs: new Array(threads).fill(0) };
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

  // One file at a time on the main thread; it gives the event loop a turn between stages, so the
  // workers' results are taken and their queues refilled meanwhile.
  let mainBusy = false;
  const onMain = (file: InputFile): Promise<FileResult> => {
    const start = performance.now();
    mainBusy = true;
    return extractFile(file, { pause: yieldToEventLoop })
      .finally(() => {
        mainBusy = false;
        stats.jobs[size]++;
        stats.busyMs[size] += performance.now() - start;
      })
      .then((r) => (withText ? r : { ...r, text: null }));
  };
  const extract = (file: InputFile): Promise<FileResult> =>
    new Promise((ok, fail) => {
      let w = -1;
      for (let i = 0; i < size; i++) if (!dead[i] && (w < 0 || load[i] < load[w])) w = i;
      // No worker left (none asked for, or all died): the main thread extracts everything.
      if (w < 0 || (!mainBusy && load[w] >= MAIN_AFTER_QUEUED)) return onMain(file).then(ok, fail);
      const id = nextId++;
      pending.set(id, { ok, fail, worker: w });
      load[w]++;
      // A copy of the bytes is moved, not cloned: a read file's Buffer may share a pooled ArrayBuffer.
      const bytes = file.bytes.slice();
      const job: Job = { id, file: { ...file, bytes } };
      workers[w].postMessage(job, [bytes.buffer]);
    });

  const ready = Promise.all(readies).then(() => undefined);
  ready.catch(() => undefined); // a worker that fails to start also fails its jobs; nobody need await ready
  return {
    extract,
    concurrency: threads * IN_FLIGHT_PER_THREAD,
    threads,
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
