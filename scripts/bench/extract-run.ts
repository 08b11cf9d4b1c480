/**
 * One extraction measurement, run in its own process so its peak memory is its own:
 *   tsx scripts/bench/extract-run.ts CORPUS_DIR [--workers N]
 * Reads the corpus from disk for the raw-scan baseline (synchronous reads, as the extraction reads),
 * then the extractor (buildGraph, texts not kept, as build-graph does) on this
 * thread, or with --workers N > 1 on N threads: this one and N-1 worker threads (started and
 * loaded before the clock starts; their start-up is reported apart). Samples RSS and heap every
 * 20 ms during extraction, and process CPU time, scores recall against the corpus's ground truth,
 * and prints one JSON line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { buildGraph } from '../../src/extract';
import type { InputFile } from '../../src/extract/types';
import { NOISE } from '../synth/lexicon';
import { parsePlanted, scoreRecall } from '../synth/recall';
import { rawScan, type ScanCount } from './baseline';
import { listCorpus } from '../corpus-files';
import { createExtractPool, type ExtractPool } from '../extract-pool';

export interface ExtractRun {
  /** Extraction threads. 1: the main thread alone; N > 1: the main thread and N-1 worker threads (scripts/extract-pool). */
  workers: number;
  /** Pool only: starting the workers and loading the extractor in them (not in extractMs). */
  poolStartMs?: number;
  files: number;
  bytes: number;
  /** The raw scan (scripts/bench/baseline) over the same files, read synchronously as the extraction reads them. */
  baselineMs: number;
  baselineCounts: ScanCount;
  extractMs: number;
  /** Of extractMs: the cross-file assembly (assembleGraph) is inside buildGraph; measured apart via progress timing. */
  perFileMs: number;
  assembleMs: number;
  /** CPU time of the whole process (every thread: main, workers, V8's compiler and GC threads) during extractMs. */
  cpuMs: number;
  /** Pool only: per thread (workers, then the main thread), time extracting and time waiting for a file between two files. */
  workerBusyMs?: number[];
  workerWaitMs?: number[];
  peakRss: number;
  peakHeap: number;
  baseRss: number;
  nodes: number;
  edges: number;
  cites: number;
  recall?: number;
  recallPlanted?: number;
  noiseDocuments?: number;
  promises?: number;
  fulfilled?: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const w = process.argv.indexOf('--workers');
  const workers = w > 0 ? Math.max(1, Number(process.argv[w + 1]) || 1) : 1;
  const paths = await listCorpus(dir);
  const rel = (p: string) => relative(dir, p).split(sep).join('/');

  // The baseline: the best of two passes (the first also warms the page cache), reading each file
  // synchronously as the extraction does (single-thread and pooled alike).
  let counts: ScanCount = { titles: 0, numbers: 0 };
  let bytes = 0;
  const scanSync = (): number => {
    const c: ScanCount = { titles: 0, numbers: 0 };
    bytes = 0;
    const t = performance.now();
    for (const p of paths) {
      const b = readFileSync(p);
      bytes += b.length;
      rawScan(b, c);
    }
    counts = c;
    return performance.now() - t;
  };
  const baselineMs = Math.min(scanSync(), scanSync());

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 20);
  // Worker RSS is part of this process's RSS; their heaps are not in heapUsed (main thread only).
  let poolStartMs: number | undefined;
  let pool: ExtractPool | undefined;
  if (workers > 1) {
    const t = performance.now();
    pool = createExtractPool({ threads: workers, withText: false });
    await pool.ready;
    poolStartMs = performance.now() - t;
  }
  // Hashed here as build-graph does (node:crypto, synchronous): inside the timed extraction.
  const input = (i: number, bytes: Buffer): InputFile => ({ path: rel(paths[i]), bytes: new Uint8Array(bytes), origin: 'corpus', sha256: createHash('sha256').update(bytes).digest('hex') });
  // Read synchronously, as build-graph does. An async readFile is four hops through libuv's thread
  // pool: single-thread, overlapping them with the extraction needed pauses between its stages
  // (2000 docs: per-file time 2.5 s against 1.9 s read synchronously); pooled, each hop waited for a
  // core the extracting threads hold (the main thread spent 1.6-1.9 s of a 2000-file run waiting
  // for reads while the workers waited for files).
  function* filesSync(): Generator<InputFile> {
    for (let i = 0; i < paths.length; i++) yield input(i, readFileSync(paths[i]));
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastFile = t0;
  const { graph } = await buildGraph(filesSync(), {
    ...(pool ? { extract: pool.extract, concurrency: pool.concurrency } : {}),
    total: paths.length,
    keepTexts: false,
    onProgress: (done) => {
      if (done === paths.length) lastFile = performance.now();
      if (done % 50 === 0) sample();
    },
  });
  const extractMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const poolStats = pool?.stats();
  sample();
  clearInterval(timer);
  await pool?.close();

  const run: ExtractRun = {
    workers,
    ...(poolStartMs !== undefined ? { poolStartMs } : {}),
    files: paths.length,
    bytes,
    baselineMs,
    baselineCounts: counts,
    extractMs,
    perFileMs: lastFile - t0,
    assembleMs: extractMs - (lastFile - t0),
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(poolStats ? { workerBusyMs: poolStats.busyMs, workerWaitMs: poolStats.waitMs } : {}),
    peakRss,
    peakHeap,
    baseRss,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    cites: graph.edges.filter((e) => e.type === 'cites').length,
  };
  try {
    const planted = parsePlanted(await readFile(join(dir, 'planted.jsonl'), 'utf8'));
    const r = scoreRecall(graph, planted, NOISE);
    Object.assign(run, { recall: r.recall, recallPlanted: r.planted, noiseDocuments: r.noiseDocuments.length, promises: r.promises, fulfilled: r.fulfilled });
  } catch {
    // not a synthetic corpus: no ground truth
  }
  process.stdout.write(JSON.stringify(run) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
