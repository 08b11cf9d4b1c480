/**
 * The packed layout: chunk boundaries, order across many chunks (keys sort as numbers), a smaller
 * graph replacing a bigger one leaves no stale chunk, and a write that fails midway (in an import
 * or an ingest commit) leaves the previous chunks as they were.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConcurrentChangeError,
  chunkKey,
  commitAssembly,
  countsByType,
  importGraph,
  loadGraphRows,
  packEdgeChunks,
  packNodeChunks,
  readGraphChunks,
  readAssemblyInput,
  storedContentHash,
} from '../../../src/store';
import type { GraphFile, GraphNode } from '../../../src/model';
import { freshDbs } from '../../support/db';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixture = (): GraphFile => JSON.parse(readFileSync(join(FIXTURE_DIR, 'graph.json'), 'utf8'));
const freshDb = freshDbs('chunks');

/** The fixture with `n` more program nodes, so it spans many chunks of a small size. */
function grown(n: number): GraphFile {
  const g = fixture();
  const template = g.nodes.find((x) => x.type === 'program')!;
  const extra: GraphNode[] = Array.from({ length: n }, (_, i) => ({ ...template, id: `program:p${i}`, label: `p${i}` }));
  return { ...g, nodes: [...g.nodes, ...extra] };
}

describe('packing', () => {
  const { nodes: rows, edges } = fixture();
  it('cuts rows into runs of at most the size, in order, with keys that sort in that order', () => {
    for (const size of [1, 2, 3, rows.length - 1, rows.length, rows.length + 5]) {
      const chunks = packNodeChunks(rows, size);
      expect(chunks.length).toBe(Math.ceil(rows.length / size));
      expect(chunks.flatMap((c): unknown[] => c.rows)).toEqual(rows);
      expect(chunks.every((c) => c.kind === 'nodes' && c.rows.length <= size && c.rows.length > 0)).toBe(true);
      const keys = chunks.map((c) => c.key);
      expect([...keys].sort()).toEqual(keys);
      const edgeChunks = packEdgeChunks(edges, rows, size);
      expect(edgeChunks.length).toBe(Math.ceil(edges.length / size));
      expect(edgeChunks.flatMap((c) => c.ids)).toEqual(edges.map((e) => e.id));
    }
    expect(packEdgeChunks([], rows, 10)).toEqual([]);
    expect(chunkKey('nodes', 9) < chunkKey('nodes', 10)).toBe(true);
    expect(chunkKey('edges', 123456) < chunkKey('nodes', 0)).toBe(true);
  });

  it('refuses a size below one', () => {
    expect(() => packNodeChunks(rows, 0)).toThrow(RangeError);
    expect(() => packNodeChunks(rows, Number.NaN)).toThrow(RangeError);
    expect(() => packEdgeChunks(edges, rows, 0)).toThrow(RangeError);
  });
});

describe('stored chunks', () => {
  it('read back in order across more than ten chunks and several read batches', async () => {
    const db = await freshDb();
    const g = grown(60);
    await importGraph(db, g, { chunkSize: 3 });
    expect(await db.graphChunks.count()).toBeGreaterThan(20);
    const rows = await loadGraphRows(db);
    expect(rows.nodes).toEqual(g.nodes);
    expect(rows.edges).toEqual(g.edges);
    expect((await countsByType(db)).program).toBe(g.nodes.filter((n) => n.type === 'program').length);
  });

  it('a smaller graph leaves no chunk of the bigger one behind', async () => {
    const db = await freshDb();
    await importGraph(db, grown(60), { chunkSize: 4 });
    const small = fixture();
    await importGraph(db, small, { chunkSize: 4 });
    expect(await db.graphChunks.count()).toBe(Math.ceil(small.nodes.length / 4) + Math.ceil(small.edges.length / 4));
    expect(await loadGraphRows(db)).toEqual({ nodes: small.nodes, edges: small.edges });
  });

  it('an empty database reads as no rows and zero counts', async () => {
    const db = await freshDb();
    expect(await loadGraphRows(db)).toEqual({ nodes: [], edges: [] });
    expect(Object.values(await countsByType(db)).every((c) => c === 0)).toBe(true);
  });

  it('an ingest commit that fails after some chunks are written leaves the previous chunks and counts', async () => {
    const db = await freshDb();
    const g = fixture();
    await importGraph(db, g, { chunkSize: 5, contentHash: 'h' });
    const before = { rows: await loadGraphRows(db), counts: await countsByType(db), chunks: await db.graphChunks.toArray() };
    const input = await readAssemblyInput(db);
    let calls = 0;
    await expect(
      commitAssembly(
        db,
        { expectRevision: input.revision, graph: grown(30), change: { add: [], remove: [] } },
        { chunkSize: 5, onProgress: () => { if (++calls === 3) throw new Error('worker gone'); } },
      ),
    ).rejects.toThrow('worker gone');
    expect(calls).toBe(3);
    expect(await db.graphChunks.toArray()).toEqual(before.chunks);
    expect(await loadGraphRows(db)).toEqual(before.rows);
    expect(await countsByType(db)).toEqual(before.counts);
    // And a commit from a stale revision is refused before any chunk is touched.
    await expect(commitAssembly(db, { expectRevision: input.revision - 1, graph: grown(30), change: { add: [], remove: [] } })).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await loadGraphRows(db)).toEqual(before.rows);
    expect(await storedContentHash(db)).toBe('h');
  });
});
