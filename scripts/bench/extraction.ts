/**
 * The extraction benchmark: for each corpus size, generate (or reuse) a synthetic corpus and
 * measure it in a child process (scripts/bench/extract-run.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCorpus, type GroundTruth } from '../synth/generate';
import type { ExtractRun } from './extract-run';

export interface ExtractionRow extends ExtractRun {
  docs: number;
  mbPerS: number;
  baselineMbPerS: number;
  /** extraction time / baseline time on the same bytes, read the same way (synchronously). */
  ratio: number;
  msPerMb: number;
  /** msPerMb of this size / msPerMb of the previous (smaller) size: ≈1 when cost grows linearly. */
  growth?: number;
  /** The same corpus extracted on several threads: the main thread and workers-1 worker threads (the row's own numbers are single-thread). */
  pooled?: {
    workers: number;
    extractMs: number;
    mbPerS: number;
    ratio: number;
    assembleMs: number;
    peakRss: number;
    poolStartMs?: number;
    /** Process CPU time (all threads) during extractMs; the single-thread row's is cpuMs. */
    cpuMs: number;
    /** Per worker: time extracting, and time waiting for a file between two files. */
    workerBusyMs?: number[];
    workerWaitMs?: number[];
  };
}

/** A corpus for `docs` documents under `root`, regenerated only when missing or made with another seed. */
export async function ensureCorpus(root: string, docs: number, seed: number, log: (s: string) => void): Promise<string> {
  const dir = resolve(root, `synth-${docs}-s${seed}`);
  const truthFile = join(dir, 'ground-truth.json');
  if (existsSync(truthFile)) {
    const t = JSON.parse(readFileSync(truthFile, 'utf8')) as GroundTruth;
    if (t.docs === docs && t.seed === seed) return dir;
  }
  log(`  generating ${docs} documents → ${dir}`);
  await generateCorpus({ docs, out: dir, seed });
  return dir;
}

export function runExtraction(dir: string, workers = 1): Promise<ExtractRun> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', resolve('scripts/bench/extract-run.ts'), dir, '--workers', String(workers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`extract-run exited with ${code}`));
      try {
        ok(JSON.parse(out.trim().split('\n').pop()!) as ExtractRun);
      } catch (e) {
        fail(e);
      }
    });
  });
}

/** Single-thread first (the honest comparison with a one-pass scan), then pooled on `workers` threads (the main thread and workers-1 worker threads; default: one per core) when more than 1. */
export async function benchExtraction(sizes: number[], opts: { corpusRoot: string; seed: number; log: (s: string) => void; workers?: number }): Promise<ExtractionRow[]> {
  const rows: ExtractionRow[] = [];
  for (const docs of sizes) {
    const dir = await ensureCorpus(opts.corpusRoot, docs, opts.seed, opts.log);
    opts.log(`  extracting ${docs} documents`);
    const r = await runExtraction(dir);
    const mb = r.bytes / 1e6;
    const row: ExtractionRow = {
      ...r,
      docs,
      mbPerS: mb / (r.extractMs / 1000),
      baselineMbPerS: mb / (r.baselineMs / 1000),
      ratio: r.extractMs / r.baselineMs,
      msPerMb: r.extractMs / mb,
    };
    const prev = rows[rows.length - 1];
    if (prev) row.growth = row.msPerMb / prev.msPerMb;
    rows.push(row);
    opts.log(`  → ${docs} docs, ${(r.bytes / 1e6).toFixed(1)} MB: ${row.mbPerS.toFixed(2)} MB/s, ${row.ratio.toFixed(1)}× the scan (${row.baselineMbPerS.toFixed(0)} MB/s), peak RSS ${(r.peakRss / 1e6).toFixed(0)} MB`);
    const workers = opts.workers ?? availableParallelism();
    if (workers > 1) {
      opts.log(`  extracting ${docs} documents on ${workers} threads (main + ${workers - 1} worker${workers > 2 ? 's' : ''})`);
      const p = await runExtraction(dir, workers);
      // Against this run's own baseline: both read the same bytes the same way (synchronously) in
      // the same process; that baseline is the scan's own speed.
      row.pooled = {
        workers,
        extractMs: p.extractMs,
        mbPerS: mb / (p.extractMs / 1000),
        ratio: p.extractMs / p.baselineMs,
        assembleMs: p.assembleMs,
        peakRss: p.peakRss,
        cpuMs: p.cpuMs,
        ...(p.workerBusyMs ? { workerBusyMs: p.workerBusyMs, workerWaitMs: p.workerWaitMs } : {}),
        ...(p.poolStartMs !== undefined ? { poolStartMs: p.poolStartMs } : {}),
      };
      const perWorker = (ms?: number[]) => (ms ?? []).map((x) => (x / 1000).toFixed(2)).join('/');
      opts.log(
        `  → pooled: ${row.pooled.mbPerS.toFixed(2)} MB/s, ${row.pooled.ratio.toFixed(1)}× baseline, peak RSS ${(p.peakRss / 1e6).toFixed(0)} MB; ` +
          `CPU ${(p.cpuMs / 1000).toFixed(2)} s (single ${(r.cpuMs / 1000).toFixed(2)} s), extracting ${perWorker(p.workerBusyMs)} s, workers waiting ${perWorker(p.workerWaitMs?.slice(0, -1))} s (per thread, main last)`,
      );
    }
  }
  return rows;
}
