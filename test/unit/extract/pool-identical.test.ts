/**
 * Pooled extraction must write the very bytes single-thread extraction writes: graph.json (as
 * build-graph serialises it), extractions.json and the texts, on a synthetic corpus (every layout:
 * txt, md, html, with planted citations and noise) and on the seeds. Also: every planted citation is
 * still found, and the pool's own accounting covers every file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type InputFile } from '../../../src/extract';
import { createExtractPool } from '../../../scripts/extract-pool';
import { listCorpus } from '../../../scripts/corpus-files';
import { generateCorpus } from '../../../scripts/synth/generate';
import { NOISE } from '../../../scripts/synth/lexicon';
import { parsePlanted, scoreRecall } from '../../../scripts/synth/recall';

const repo = join(__dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'pool-identical-'));
const corpus = join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The files of a folder as the hosts hand them to buildGraph (node:crypto hash included). */
async function inputs(dir: string): Promise<InputFile[]> {
  return (await listCorpus(dir)).map((p) => {
    const bytes = new Uint8Array(readFileSync(p));
    return { path: relative(dir, p).split(sep).join('/'), bytes, origin: 'corpus', sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** graph.json's bytes as build-graph writes them. */
const graphJson = (g: unknown) => JSON.stringify(g, null, 1) + '\n';

beforeAll(async () => {
  await generateCorpus({ docs: 90, out: corpus, seed: 11 });
}, 120_000);

describe('buildGraph on the main thread and two workers', () => {
  it('gives the bytes of the single-thread build, finds every planted citation, and accounts for every file', async () => {
    for (const dir of [corpus, join(repo, 'seeds')]) {
      const files = await inputs(dir);
      const single = await buildGraph(files, { keepTexts: true });
      const pool = createExtractPool({ threads: 3 });
      try {
        const pooled = await buildGraph(files, { keepTexts: true, extract: pool.extract, concurrency: pool.concurrency });
        expect(graphJson(pooled.graph)).toBe(graphJson(single.graph));
        expect(JSON.stringify(pooled.extractions)).toBe(JSON.stringify(single.extractions));
        expect([...pooled.texts]).toEqual([...single.texts]);
        const stats = pool.stats();
        expect(stats.jobs.reduce((a, b) => a + b, 0)).toBe(files.length);
        expect(stats.jobs).toHaveLength(3);
        if (dir === corpus) {
          // Both workers and the main thread (last) extracted files (the seeds are too few to fill the workers' queues).
          expect(stats.jobs.every((n) => n > 0)).toBe(true);
          expect(stats.busyMs.every((ms) => ms > 0)).toBe(true);
          const recall = scoreRecall(pooled.graph, parsePlanted(readFileSync(join(corpus, 'planted.jsonl'), 'utf8')), NOISE);
          expect(recall.planted).toBeGreaterThan(0);
          expect(recall.recall).toBe(1);
        }
      } finally {
        await pool.close();
      }
    }
  }, 120_000);
});

describe('build-graph with --workers 2 and --workers 1', () => {
  /** Every file build-graph wrote under `dir`, path → bytes. */
  function written(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
      }
    };
    walk(dir);
    return out;
  }

  it('writes the same graph.json, extractions.json, manifest and texts', () => {
    const runs = [1, 2].map((workers) => {
      const out = join(root, `out-${workers}`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/build-graph.ts'), '--input', corpus, '--out', join(out, 'graph.json'), '--quiet', '--workers', String(workers)], { cwd: repo, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return written(out);
    });
    expect(runs[0].size).toBeGreaterThan(90); // graph, extractions, manifest and a text per file
    expect(runs[0].has('graph.json')).toBe(true);
    expect(runs[1]).toEqual(runs[0]);
  }, 120_000);
});
