/**
 * Extraction in parallel must build the same graph as extraction in sequence: buildGraph takes
 * results in input order whatever order they finish in (so the first of two identical files is the
 * one kept), and the worker-thread pool of the Node hosts returns what extractFile returns.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph, extractFile, type InputFile } from '../../../src/extract';
import { createExtractPool, defaultPoolThreads, type ExtractPool } from '../../../scripts/extract-pool';

const seedDir = join(__dirname, '../../../seeds');
const seeds: InputFile[] = readdirSync(seedDir)
  .filter((f) => /\.(txt|md|html?)$/.test(f))
  .sort()
  .map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(seedDir, f))), origin: 'corpus' as const }));
// A second copy of the first seed under another name: the same source, reported and skipped.
const files: InputFile[] = [...seeds, { path: 'copy-of-first.txt', bytes: seeds[0].bytes.slice(), origin: 'corpus' }];

const sequential = await buildGraph(files, { keepTexts: true });

describe('buildGraph with files in flight at once', () => {
  it('has seeds to work on', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    expect(sequential.graph.sources).toHaveLength(seeds.length);
    expect(sequential.graph.diagnostics.some((d) => d.path === 'copy-of-first.txt' && /same content/.test(d.message))).toBe(true);
  });

  it('builds the same graph when later files finish first', async () => {
    // Each file takes longer than the one after it: results arrive in reverse order.
    const slowFirst = (f: InputFile) => {
      const wait = (files.length - files.indexOf(f)) * 15;
      return new Promise<Awaited<ReturnType<typeof extractFile>>>((ok) => setTimeout(() => ok(extractFile(f)), wait));
    };
    const order: string[] = [];
    const r = await buildGraph(files, { keepTexts: true, extract: slowFirst, concurrency: files.length, onProgress: (_d, _t, path) => order.push(path) });
    expect(order).toEqual(files.map((f) => f.path));
    expect(r.graph).toEqual(sequential.graph);
    expect(r.extractions).toEqual(sequential.extractions);
    expect([...r.texts.keys()]).toEqual([...sequential.texts.keys()]);
  });

  it('raises an extraction failure where it is taken, once', async () => {
    const failing = (f: InputFile) => (f.path === files[1].path ? Promise.reject(new Error('worker died')) : extractFile(f));
    await expect(buildGraph(files, { extract: failing, concurrency: 3 })).rejects.toThrow('worker died');
  });
});

describe('a hash the host supplies', () => {
  it('is the Web Crypto hash the browser computes, so source ids agree', async () => {
    for (const f of seeds) {
      const native = createHash('sha256').update(f.bytes).digest('hex');
      const given = await extractFile({ ...f, sha256: native });
      const computed = await extractFile(f);
      expect(computed.source.sha256).toBe(native);
      expect(given).toEqual(computed);
    }
  });
});

describe('the worker-thread extraction pool', () => {
  let pool: ExtractPool | undefined;
  afterAll(async () => {
    await pool?.close();
  });

  it('builds the graph extractFile builds', async () => {
    pool = createExtractPool({ threads: 2 });
    await pool.ready;
    const r = await buildGraph(files, { keepTexts: true, extract: pool.extract, concurrency: pool.concurrency });
    expect(r.graph).toEqual(sequential.graph);
    expect(r.extractions).toEqual(sequential.extractions);
    expect(r.texts).toEqual(sequential.texts);
  }, 60_000);

  it('extracts on the main thread alone when it has no worker, texts left out when asked', async () => {
    const alone = createExtractPool({ threads: 1, withText: false });
    const r = await buildGraph(files, { keepTexts: true, extract: alone.extract, concurrency: alone.concurrency });
    expect(r.graph).toEqual(sequential.graph);
    expect(r.extractions).toEqual(sequential.extractions);
    expect(r.texts.size).toBe(0);
    expect(alone.stats().jobs).toEqual([files.length]);
    await alone.close();
  });

  it('leaves the texts out when asked to (the benchmark does not keep them)', async () => {
    const lean = createExtractPool({ threads: 2, withText: false });
    try {
      const r = await lean.extract(seeds[0]);
      const direct = await extractFile(seeds[0]);
      expect(r.text).toBeNull();
      expect(r.extraction).toEqual(direct.extraction);
      expect(r.source).toEqual(direct.source);
    } finally {
      await lean.close();
    }
  }, 60_000);
});

describe('the default number of extracting threads', () => {
  it('is 1 below 4 cores (a pool measured no gain on 2) and one per core from 4', () => {
    expect([1, 2, 3].map((c) => defaultPoolThreads(c))).toEqual([1, 1, 1]);
    expect([4, 8].map((c) => defaultPoolThreads(c))).toEqual([4, 8]);
  });
});
