import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  openDb,
  importGraph,
  countsByType,
  loadGraphRows,
  getText,
  saveNote,
  getNote,
  saveView,
  listViews,
  syncGraph,
  storedContentHash,
  sha256Hex,
  GraphValidationError,
  describeStorageError,
  isQuotaError,
  type PolicyDB,
} from '../../../src/store';
import type { GraphFile } from '../../../src/model';
import { freshDbs } from '../../support/db';
import { fixtureServer as fakeServer } from '../../support/fixture-server';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixtureBytes = readFileSync(join(FIXTURE_DIR, 'graph.json'));
const fixture = (): GraphFile => JSON.parse(fixtureBytes.toString('utf8'));
const fixtureText = (id: string) => readFileSync(join(FIXTURE_DIR, 'texts', `${id}.txt`), 'utf8');

const freshDb = freshDbs('test');

/** A stored node by id, read the way the app reads the graph. */
async function storedNode(db: PolicyDB, id: string) {
  return (await loadGraphRows(db)).nodes.find((x) => x.id === id);
}

/** A second, different graph: the fixture with one document dropped and one node renamed. */
function changedGraph(): GraphFile {
  const g = fixture();
  g.nodes = g.nodes.filter((x) => x.id !== 'program:双减').map((x) => (x.id === 'region:甲市' ? { ...x, label: '甲市(改)' } : x));
  g.edges = g.edges.filter((e) => e.target !== 'program:双减');
  return g;
}

describe('importGraph', () => {
  it('imports every row and reports counts by type', async () => {
    const db = await freshDb();
    const g = fixture();
    const phases = new Set<string>();
    const res = await importGraph(db, g, {
      fetchText: async (id) => fixtureText(id),
      onProgress: (p) => phases.add(p.phase),
      chunkSize: 3,
    });
    expect(res).toMatchObject({ nodes: g.nodes.length, edges: g.edges.length, sources: 2, texts: 2, missingTexts: [] });
    expect([...phases]).toEqual(['validate', 'texts', 'write', 'done']);
    const counts = await countsByType(db);
    const expected: Record<string, number> = {};
    for (const node of g.nodes) expected[node.type] = (expected[node.type] ?? 0) + 1;
    for (const [t, c] of Object.entries(expected)) expect(counts[t as keyof typeof counts]).toBe(c);
    expect(counts.edges).toBe(g.edges.length);
    const rows = await loadGraphRows(db);
    expect(rows.nodes.map((x) => x.id).sort()).toEqual(g.nodes.map((x) => x.id).sort());
    expect(await getText(db, 'src-a')).toBe(fixtureText('src-a'));
    // Packed: chunks of at most chunkSize rows, nodes then edges each in the file's order.
    const chunks = await db.graphChunks.toArray();
    expect(chunks.length).toBe(Math.ceil(g.nodes.length / 3) + Math.ceil(g.edges.length / 3));
    const size = (c: (typeof chunks)[number]) => (c.kind === 'nodes' ? c.rows.length : c.ids.length);
    expect(chunks.every((c) => size(c) >= 1 && size(c) <= 3)).toBe(true);
    expect(chunks.flatMap((c) => (c.kind === 'nodes' ? c.rows : []))).toEqual(g.nodes);
    // Edges as columns: ids in the file's order, evidence packed as JSON per chunk.
    expect(chunks.flatMap((c) => (c.kind === 'edges' ? c.ids : []))).toEqual(g.edges.map((e) => e.id));
    expect(chunks.flatMap((c) => (c.kind === 'edges' ? JSON.parse(c.evidence) : []))).toEqual(g.edges.map((e) => e.evidence));
    expect(rows.edges).toEqual(g.edges);
  });

  it('progress during the write phase is monotonic and ends at the total', async () => {
    const db = await freshDb();
    const writes: number[] = [];
    let total = 0;
    await importGraph(db, fixture(), { chunkSize: 4, onProgress: (p) => { if (p.phase === 'write') { writes.push(p.done); total = p.total; } } });
    expect(writes.length).toBeGreaterThan(3);
    expect(writes).toEqual([...writes].sort((a, b) => a - b));
    expect(writes.at(-1)).toBe(total);
  });

  it('records texts that cannot be loaded and still imports the graph', async () => {
    const db = await freshDb();
    const res = await importGraph(db, fixture(), {
      fetchText: async (id) => { if (id === 'src-b') throw new Error('404'); return fixtureText(id); },
    });
    expect(res.missingTexts).toEqual(['src-b']);
    expect(await getText(db, 'src-b')).toBeNull();
    expect(await getText(db, 'src-a')).not.toBeNull();
  });

  it('rejects a file that does not validate, before touching the database', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'h1' });
    const bad = fixture() as unknown as { edges: { target: string }[] };
    bad.edges[0].target = 'no-such-node';
    await expect(importGraph(db, bad, { contentHash: 'h2' })).rejects.toBeInstanceOf(GraphValidationError);
    expect(await storedContentHash(db)).toBe('h1');
    expect((await loadGraphRows(db)).nodes.length).toBe(fixture().nodes.length);
  });

  it('a failure midway through the write leaves the previous graph intact', async () => {
    const db = await freshDb();
    const first = fixture();
    await importGraph(db, first, { contentHash: 'first', fetchText: async (id) => fixtureText(id) });
    const before = await loadGraphRows(db);

    let chunks = 0;
    await expect(
      importGraph(db, changedGraph(), {
        contentHash: 'second',
        chunkSize: 2,
        onProgress: (p) => {
          if (p.phase === 'write' && ++chunks === 4) throw new Error('disk trouble');
        },
      }),
    ).rejects.toThrow('disk trouble');

    const after = await loadGraphRows(db);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.edges).toEqual(before.edges);
    expect(await storedContentHash(db)).toBe('first');
    expect(await getText(db, 'src-a')).toBe(fixtureText('src-a'));
  });

  it('a row IndexedDB refuses aborts the whole import', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'first' });
    const g = changedGraph();
    // Bypass validation the way a buggy caller could: a source row whose key is not a valid key.
    const spy = db.sources.bulkPut.bind(db.sources);
    db.sources.bulkPut = ((rows: unknown[]) => spy([...rows, { id: {} }] as never)) as typeof db.sources.bulkPut;
    await expect(importGraph(db, g, { contentHash: 'second' })).rejects.toBeTruthy();
    db.sources.bulkPut = spy;
    expect(await storedContentHash(db)).toBe('first');
    expect(await storedNode(db, 'program:双减')).toBeDefined();
  });

  it('re-import keeps notes and saved views', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'a' });
    await saveNote(db, 'doc:中发〔2019〕26号', '核对原文');
    const view = await saveView(db, '督导', '#v=graph&q=督导');
    await importGraph(db, changedGraph(), { contentHash: 'b' });
    expect((await getNote(db, 'doc:中发〔2019〕26号'))?.text).toBe('核对原文');
    expect((await listViews(db)).map((v) => v.id)).toEqual([view.id]);
    expect(await storedNode(db, 'program:双减')).toBeUndefined();
    expect((await storedNode(db, 'region:甲市'))?.label).toBe('甲市(改)');
  });
});


describe('syncGraph', () => {
  const url = 'http://app.test/data/graph.json';

  it('imports on first visit, skips an unchanged graph, refreshes a changed one', async () => {
    const db = await freshDb();
    let bytes: Uint8Array = fixtureBytes;
    const server = fakeServer(() => bytes);

    const first = await syncGraph(db, { url, fetch: server.fetch });
    expect(first.status).toBe('imported');
    expect(first.contentHash).toBe(await sha256Hex(fixtureBytes));
    expect(await getText(db, 'src-b')).toBe(fixtureText('src-b'));
    const textRequests = server.requests.filter((r) => r.includes('/texts/')).length;
    expect(textRequests).toBe(2);

    await saveNote(db, 'region:甲市', 'note');
    const second = await syncGraph(db, { url, fetch: server.fetch });
    expect(second.status).toBe('unchanged');
    // unchanged: no text was fetched again
    expect(server.requests.filter((r) => r.includes('/texts/')).length).toBe(textRequests);

    bytes = new TextEncoder().encode(JSON.stringify(changedGraph()));
    const third = await syncGraph(db, { url, fetch: server.fetch });
    expect(third.status).toBe('imported');
    expect(third.contentHash).not.toBe(first.contentHash);
    expect(await storedNode(db, 'program:双减')).toBeUndefined();
    expect((await getNote(db, 'region:甲市'))?.text).toBe('note');
  });

  it('works from the stored copy when the graph cannot be fetched', async () => {
    const db = await freshDb();
    let online = true;
    const server = fakeServer(() => (online ? fixtureBytes : null));
    await syncGraph(db, { url, fetch: server.fetch });
    online = false;
    const res = await syncGraph(db, { url, fetch: server.fetch });
    expect(res.status).toBe('offline');
    expect(res.fetchError).toMatch(/fetch/);
    expect((await loadGraphRows(db)).nodes.length).toBe(fixture().nodes.length);
  });

  it('says unavailable when offline on a first visit', async () => {
    const db = await freshDb();
    const res = await syncGraph(db, { url, fetch: fakeServer(() => null).fetch });
    expect(res.status).toBe('unavailable');
  });

  it('a served graph that does not validate keeps the stored copy', async () => {
    const db = await freshDb();
    let bytes: Uint8Array = fixtureBytes;
    const server = fakeServer(() => bytes);
    await syncGraph(db, { url, fetch: server.fetch });
    bytes = new TextEncoder().encode('{"schemaVersion": 2}');
    await expect(syncGraph(db, { url, fetch: server.fetch })).rejects.toBeInstanceOf(GraphValidationError);
    expect(await storedContentHash(db)).toBe(await sha256Hex(fixtureBytes));
  });
});

describe('describeStorageError', () => {
  it('finds a quota error wrapped in an AbortError or a Dexie error', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    const dexie = Object.assign(new Error('bulkPut failed'), { name: 'BulkError', failures: [abort] });
    expect(isQuotaError(quota)).toBe(true);
    expect(describeStorageError(abort).kind).toBe('quota');
    expect(describeStorageError(dexie).kind).toBe('quota');
    expect(describeStorageError(new Dexie.AbortError('aborted', quota)).kind).toBe('quota');
  });

  it('classifies other failures', () => {
    expect(describeStorageError(new GraphValidationError('nodes.0: bad')).kind).toBe('invalid-graph');
    expect(describeStorageError(new Dexie.DatabaseClosedError()).kind).toBe('version');
    expect(describeStorageError(new Dexie.AbortError('aborted')).kind).toBe('unknown');
    expect(describeStorageError('weird').detail).toBe('weird');
  });
});

describe('openDb', () => {
  it('closes the connection and notifies when another connection upgrades the schema', async () => {
    const name = `test-${process.pid}-vc`;
    let notified = false;
    const db = await openDb({ name, onVersionChange: () => { notified = true; } });
    const newer = new Dexie(name);
    newer.version(2).stores({ nodes: 'id, type', extra: 'id' });
    await newer.open();
    expect(notified).toBe(true);
    expect(db.isOpen()).toBe(false);
    newer.close();
    await Dexie.delete(name);
  });
});
